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

/// How a variable is stored: NC_DOUBLE, NC_INT (values in `data`, whole numbers) or text (values in `strings`),
/// written as an NC_CHAR array whose last dimension is the string length (CF-1.8 §2.2; the form every CF checker
/// reads) with `_Encoding = "utf-8"`, so xarray decodes the labels as strings (e.g. a `scenario` coordinate).
public enum VariableType: Sendable, Equatable {
    case double, int, string
}

/// A variable, stored as NC_DOUBLE unless `type` says otherwise. `data` (or `strings`) is in C (row-major)
/// order: the last dimension varies fastest. Attributes keep their order.
///
/// `_FillValue` (must be `.double`) and `missing_value` (`.double`/`.doubles`)
/// are written as NC_DOUBLE attributes as CF requires. Data are written
/// verbatim (NaN stays NaN; nothing is replaced by the fill value).
public struct Variable: Equatable, Sendable {
    public var name: String
    public var dimensions: [String]
    public var data: [Double]
    public var attributes: [(String, AttributeValue)]
    public var type: VariableType
    /// The values of a text variable, one per element of all dimensions but the last (empty otherwise).
    public var strings: [String]
    /// Values written in pieces when the file is written instead of held in `data` (an ensemble larger than memory).
    public var stream: StreamedValues?

    public init(name: String, dimensions: [String], data: [Double],
                attributes: [(String, AttributeValue)] = [], type: VariableType = .double) {
        self.name = name
        self.dimensions = dimensions
        self.data = data
        self.attributes = attributes
        self.type = type
        self.strings = []
    }

    /// A double variable whose values are produced while the file is written (`StreamedValues`).
    public init(name: String, dimensions: [String], stream: StreamedValues, attributes: [(String, AttributeValue)] = []) {
        self.init(name: name, dimensions: dimensions, data: [], attributes: attributes, type: .double)
        self.stream = stream
    }

    /// A text variable; the last dimension is the string length in UTF-8 bytes (shorter strings are NUL-padded).
    public init(name: String, dimensions: [String], strings: [String], attributes: [(String, AttributeValue)] = []) {
        self.init(name: name, dimensions: dimensions, data: [], attributes: attributes, type: .string)
        self.strings = strings
    }

    /// Number of values held, whatever the type.
    public var valueCount: Int { stream?.count ?? (type == .string ? strings.count : data.count) }


    /// Value of the first attribute called `name`, if any.
    public func attribute(_ name: String) -> AttributeValue? {
        attributes.first { $0.0 == name }?.1
    }

    /// Equality compares data bit for bit (so NaN == NaN with the same payload,
    /// and 0.0 != -0.0) and attributes in order.
    public static func == (lhs: Variable, rhs: Variable) -> Bool {
        lhs.name == rhs.name
            && lhs.dimensions == rhs.dimensions
            && lhs.type == rhs.type && lhs.strings == rhs.strings
            && lhs.stream?.count == rhs.stream?.count
            && lhs.data.count == rhs.data.count
            && zip(lhs.data, rhs.data).allSatisfy { $0.bitPattern == $1.bitPattern }
            && attributesEqual(lhs.attributes, rhs.attributes)
    }
}

/// The values of a double variable produced while the file is written: `fill` is called once, after the file's
/// metadata, with the variable's chunk shape, and hands every value to `put` as hyperslabs (start, count, values in
/// C order) — best one chunk row at a time, so that each compressed chunk is written whole, once.
public struct StreamedValues: Sendable {
    public typealias Put = (_ start: [Int], _ count: [Int], _ values: UnsafeBufferPointer<Double>) throws(NetCDFError) -> Void
    public let count: Int
    public let fill: @Sendable (_ chunks: [Int], _ put: Put) throws(NetCDFError) -> Void
    /// The variable's chunks already filtered elsewhere (by other MPI ranks): the writer stores these bytes instead of
    /// compressing what `fill` gives, when the file's deflate level is the one they were made with.
    public let compressed: CompressedChunks?

    /// Chunk `index` (row-major over the chunk grid) as `NetCDFChunkWriter.filtered` makes it at `level`.
    public struct CompressedChunks: Sendable {
        public let level: Int32
        public let chunk: @Sendable (_ index: Int) throws(NetCDFError) -> [UInt8]
        public init(level: Int32, chunk: @escaping @Sendable (_ index: Int) throws(NetCDFError) -> [UInt8]) { self.level = level; self.chunk = chunk }
    }

    public init(count: Int, compressed: CompressedChunks? = nil, fill: @escaping @Sendable (_ chunks: [Int], _ put: Put) throws(NetCDFError) -> Void) {
        self.count = count; self.fill = fill; self.compressed = compressed
    }
}

/// A whole netCDF file: root group only.
public struct Dataset: Equatable, Sendable {
    public var dimensions: [Dimension]
    public var variables: [Variable]
    public var globalAttributes: [(String, AttributeValue)]
    /// Deflate level (0-9) of the variables large enough to be compressed; 0 stores them without a filter.
    public var deflateLevel: Int32 = 1

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
