/// One clear error about user input: which file, where, which key, what is wrong.
public struct InputError: Error, CustomStringConvertible, Equatable, Sendable {
    public var file: String
    public var line: Int?
    public var key: String?
    public var message: String
    public init(file: String, line: Int? = nil, key: String? = nil, message: String) {
        self.file = file; self.line = line; self.key = key; self.message = message
    }
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": error: "
        if let key { text += "'\(key)': " }
        return text + message
    }
}
