/// Value of a netCDF attribute.
///
/// Written as: `.text` → NC_CHAR, `.double` → NC_DOUBLE (length 1),
/// `.doubles` → NC_DOUBLE (any length), `.int` → NC_INT (length 1).
/// Note: `.doubles([x])` is stored as a length-1 NC_DOUBLE and therefore reads
/// back as `.double(x)`.
public enum AttributeValue: Equatable, Sendable {
    case text(String)
    case double(Double)
    case doubles([Double])
    case int(Int32)
}

/// A named netCDF dimension. `isUnlimited` marks the record (UNLIMITED)
/// dimension; its `length` is the number of records actually written.
public struct Dimension: Equatable, Sendable {
    public var name: String
    public var length: Int
    public var isUnlimited: Bool

    public init(name: String, length: Int, isUnlimited: Bool = false) {
        self.name = name
        self.length = length
        self.isUnlimited = isUnlimited
    }
}

/// A variable, always stored as NC_DOUBLE. `data` is in C (row-major) order:
/// the last dimension varies fastest. Attributes keep their order.
///
/// `_FillValue` (must be `.double`) and `missing_value` (`.double`/`.doubles`)
/// are written as NC_DOUBLE attributes as CF requires. Data are written
/// verbatim (NaN stays NaN; nothing is replaced by the fill value).
public struct Variable: Equatable, Sendable {
    public var name: String
    public var dimensions: [String]
    public var data: [Double]
    public var attributes: [(String, AttributeValue)]

    public init(name: String, dimensions: [String], data: [Double],
                attributes: [(String, AttributeValue)] = []) {
        self.name = name
        self.dimensions = dimensions
        self.data = data
        self.attributes = attributes
    }

    /// Value of the first attribute called `name`, if any.
    public func attribute(_ name: String) -> AttributeValue? {
        attributes.first { $0.0 == name }?.1
    }

    /// Equality compares data bit for bit (so NaN == NaN with the same payload,
    /// and 0.0 != -0.0) and attributes in order.
    public static func == (lhs: Variable, rhs: Variable) -> Bool {
        lhs.name == rhs.name
            && lhs.dimensions == rhs.dimensions
            && lhs.data.count == rhs.data.count
            && zip(lhs.data, rhs.data).allSatisfy { $0.bitPattern == $1.bitPattern }
            && attributesEqual(lhs.attributes, rhs.attributes)
    }
}

/// A whole netCDF file: root group only.
public struct Dataset: Equatable, Sendable {
    public var dimensions: [Dimension]
    public var variables: [Variable]
    public var globalAttributes: [(String, AttributeValue)]

    public init(dimensions: [Dimension] = [], variables: [Variable] = [],
                globalAttributes: [(String, AttributeValue)] = []) {
        self.dimensions = dimensions
        self.variables = variables
        self.globalAttributes = globalAttributes
    }

    public func dimension(_ name: String) -> Dimension? {
        dimensions.first { $0.name == name }
    }

    public func variable(_ name: String) -> Variable? {
        variables.first { $0.name == name }
    }

    public func globalAttribute(_ name: String) -> AttributeValue? {
        globalAttributes.first { $0.0 == name }?.1
    }

    public static func == (lhs: Dataset, rhs: Dataset) -> Bool {
        lhs.dimensions == rhs.dimensions
            && lhs.variables == rhs.variables
            && attributesEqual(lhs.globalAttributes, rhs.globalAttributes)
    }
}

/// Ordered attribute-list equality; numeric values are compared bit for bit.
func attributesEqual(_ a: [(String, AttributeValue)], _ b: [(String, AttributeValue)]) -> Bool {
    guard a.count == b.count else { return false }
    for (x, y) in zip(a, b) {
        guard x.0 == y.0 else { return false }
        switch (x.1, y.1) {
        case let (.text(s), .text(t)): if s != t { return false }
        case let (.int(i), .int(j)): if i != j { return false }
        case let (.double(d), .double(e)): if d.bitPattern != e.bitPattern { return false }
        case let (.doubles(d), .doubles(e)):
            if d.count != e.count || !zip(d, e).allSatisfy({ $0.bitPattern == $1.bitPattern }) { return false }
        default: return false
        }
    }
    return true
}
