extension Namelist {
    /// Reads and parses a namelist file. A missing or unreadable file is an `InputError`.
    public static func load(path: String) throws(InputError) -> Namelist {
        // Size-limited and valid UTF-8 only: a name read from the file is then exactly what its author wrote.
        let text = try BoundedRead.text(path: path, limit: BoundedRead.namelistLimit, what: "namelist file")
        return try parse(text: text, file: path)
    }
}
