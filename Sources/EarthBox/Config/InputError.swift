/// One clear error about user input: which file, where, which key, what is wrong.
public struct InputError: Error, CustomStringConvertible, Equatable, Sendable {
    public var file: String
    public var line: Int?
    /// 1-based column (field) number within the line, for tabular inputs (IAMC files); nil elsewhere.
    public var column: Int?
    public var key: String?
    public var message: String
    public init(file: String, line: Int? = nil, column: Int? = nil, key: String? = nil, message: String) {
        self.file = file; self.line = line; self.column = column; self.key = key; self.message = message
    }
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if line != nil, let column { text += ":\(column)" }
        text += ": error: "
        if let key { text += "'\(key)': " }
        return text + message
    }
}
