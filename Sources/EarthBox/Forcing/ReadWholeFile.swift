/// The bytes of a whole input file of at most `limit` bytes, or an `InputError` saying why it cannot be read
/// (the system's own reason, `No such file or directory`, `Permission denied`, or the size limit).
func readWholeFile(path: String, limit: Int = BoundedRead.forcingTableLimit, what: String = "file") throws(InputError) -> [UInt8] {
    try BoundedRead.bytes(path: path, limit: limit, what: what)
}
