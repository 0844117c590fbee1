import CNetCDF

extension NetCDF {
    /// Reads the root group of a netCDF file (any format netCDF-C can open).
    ///
    /// Numeric variables of any type are returned as doubles (typed `.int` when stored as a 32-bit or smaller
    /// integer); NC_CHAR arrays as `strings` (one per row of the last dimension). Attributes map
    /// back as: NC_CHAR/NC_STRING → `.text`; length-1 NC_DOUBLE/NC_FLOAT →
    /// `.double`, other lengths → `.doubles`; length-1 NC_INT/NC_SHORT/NC_BYTE/
    /// NC_UBYTE/NC_USHORT → `.int`; all other numeric attributes → `.double(s)`.
    public static func read(path: String) throws(NetCDFError) -> Dataset {
        try withNetCDFLock { (_: inout UInt64) throws(NetCDFError) -> Dataset in
            var ncid: Int32 = -1
            try ncCheck(nc_open(path, NC_NOWRITE, &ncid), "nc_open", path: path)
            defer { _ = nc_close(ncid) }
            return try readOpen(ncid, path: path)
        }
    }

    private static func readOpen(_ ncid: Int32, path: String) throws(NetCDFError) -> Dataset {
        // Dimensions
        var ndims: Int32 = 0
        try ncCheck(nc_inq_dimids(ncid, &ndims, nil, 0), "nc_inq_dimids", path: path)
        var dimIDs = [Int32](repeating: 0, count: Int(ndims))
        try ncCheck(nc_inq_dimids(ncid, &ndims, &dimIDs, 0), "nc_inq_dimids", path: path)
        var nunlim: Int32 = 0
        try ncCheck(nc_inq_unlimdims(ncid, &nunlim, nil), "nc_inq_unlimdims", path: path)
        var unlimIDs = [Int32](repeating: 0, count: Int(nunlim))
        if nunlim > 0 {
            try ncCheck(nc_inq_unlimdims(ncid, &nunlim, &unlimIDs), "nc_inq_unlimdims", path: path)
        }

        var dimensions: [Dimension] = []
        var byID: [Int32: Dimension] = [:]
        for id in dimIDs {
            var len = 0
            var nameBuf = [CChar](repeating: 0, count: Int(NC_MAX_NAME) + 1)
            try ncCheck(nc_inq_dim(ncid, id, &nameBuf, &len), "nc_inq_dim(\(id))", path: path)
            let dim = Dimension(name: string(nameBuf), length: len, isUnlimited: unlimIDs.contains(id))
            dimensions.append(dim)
            byID[id] = dim
        }

        // Variables
        var nvars: Int32 = 0
        try ncCheck(nc_inq_varids(ncid, &nvars, nil), "nc_inq_varids", path: path)
        var varIDs = [Int32](repeating: 0, count: Int(nvars))
        if nvars > 0 { try ncCheck(nc_inq_varids(ncid, &nvars, &varIDs), "nc_inq_varids", path: path) }

        var variables: [Variable] = []
        for varid in varIDs {
            var nameBuf = [CChar](repeating: 0, count: Int(NC_MAX_NAME) + 1)
            var type: nc_type = 0
            var vndims: Int32 = 0
            var vdims = [Int32](repeating: 0, count: Int(NC_MAX_VAR_DIMS))
            var natts: Int32 = 0
            try ncCheck(nc_inq_var(ncid, varid, &nameBuf, &type, &vndims, &vdims, &natts),
                        "nc_inq_var(\(varid))", path: path)
            let name = string(nameBuf)
            guard isNumeric(type) || type == NC_CHAR else {
                throw NetCDFError(path: path, operation: "read variable \(name)",
                                  message: "unsupported variable type \(type) (only numeric and character variables are read)")
            }
            var dimNames: [String] = []
            var counts: [Int] = []
            for id in vdims.prefix(Int(vndims)) {
                guard let d = byID[id] else {
                    throw NetCDFError(path: path, operation: "read variable \(name)",
                                      message: "dimension id \(id) is not in the root group")
                }
                dimNames.append(d.name)
                counts.append(d.length)
            }
            let total = counts.reduce(1, *)
            let attributes = try readAttributes(ncid, varid: varid, count: natts, owner: name, path: path)
            if type == NC_CHAR {
                let width = max(1, counts.last ?? 1)
                var bytes = [CChar](repeating: 0, count: max(1, total))
                if total > 0 {
                    let start = [Int](repeating: 0, count: max(1, counts.count))
                    try ncCheck(nc_get_vara_text(ncid, varid, start, counts.isEmpty ? [1] : counts, &bytes), "nc_get_vara_text(\(name))", path: path)
                }
                let strings = stride(from: 0, to: total, by: width).map { string(Array(bytes[$0..<($0 + width)]) + [0]) }
                variables.append(Variable(name: name, dimensions: dimNames, strings: strings,
                                          attributes: attributes.filter { $0.0 != "_Encoding" }))
                continue
            }
            var data = [Double](repeating: 0, count: total)
            if total > 0 {
                let start = [Int](repeating: 0, count: max(1, counts.count))
                let count = counts.isEmpty ? [1] : counts
                let status = data.withUnsafeMutableBufferPointer { buf in
                    nc_get_vara_double(ncid, varid, start, count, buf.baseAddress)
                }
                try ncCheck(status, "nc_get_vara_double(\(name))", path: path)
            }
            let isInteger = [NC_INT, NC_SHORT, NC_BYTE, NC_UBYTE, NC_USHORT].contains(type)
            variables.append(Variable(name: name, dimensions: dimNames, data: data, attributes: attributes, type: isInteger ? .int : .double))
        }

        var ngatts: Int32 = 0
        try ncCheck(nc_inq_natts(ncid, &ngatts), "nc_inq_natts", path: path)
        let globals = try readAttributes(ncid, varid: NC_GLOBAL, count: ngatts, owner: "global", path: path)
        return Dataset(dimensions: dimensions, variables: variables, globalAttributes: globals)
    }

    private static func isNumeric(_ t: nc_type) -> Bool {
        [NC_BYTE, NC_UBYTE, NC_SHORT, NC_USHORT, NC_INT, NC_UINT, NC_INT64, NC_UINT64,
         NC_FLOAT, NC_DOUBLE].contains(t)
    }

    private static func string(_ buf: [CChar]) -> String {
        let bytes = buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func readAttributes(_ ncid: Int32, varid: Int32, count: Int32, owner: String,
                                       path: String) throws(NetCDFError) -> [(String, AttributeValue)] {
        var result: [(String, AttributeValue)] = []
        for i in 0..<count {
            var nameBuf = [CChar](repeating: 0, count: Int(NC_MAX_NAME) + 1)
            try ncCheck(nc_inq_attname(ncid, varid, i, &nameBuf), "nc_inq_attname(\(owner):\(i))", path: path)
            let name = string(nameBuf)
            var type: nc_type = 0
            var len = 0
            let op = "read attribute \(owner):\(name)"
            try ncCheck(nc_inq_att(ncid, varid, name, &type, &len), op, path: path)
            let value: AttributeValue
            switch type {
            case NC_CHAR:
                var bytes = [CChar](repeating: 0, count: max(1, len))
                try ncCheck(nc_get_att_text(ncid, varid, name, &bytes), op, path: path)
                var utf8 = bytes.prefix(len).map { UInt8(bitPattern: $0) }
                while utf8.last == 0 { utf8.removeLast() }  // some writers append NULs
                value = .text(String(decoding: utf8, as: UTF8.self))
            case NC_STRING:
                var ptrs = [UnsafeMutablePointer<CChar>?](repeating: nil, count: max(1, len))
                try ncCheck(nc_get_att_string(ncid, varid, name, &ptrs), op, path: path)
                let strings = ptrs.prefix(len).map { $0.map { String(cString: $0) } ?? "" }
                _ = nc_free_string(len, &ptrs)
                value = .text(strings.joined(separator: "\n"))
            case _ where len == 1 && [NC_INT, NC_SHORT, NC_BYTE, NC_UBYTE, NC_USHORT].contains(type):
                var x: Int32 = 0
                try ncCheck(nc_get_att_int(ncid, varid, name, &x), op, path: path)
                value = .int(x)
            default:
                guard isNumeric(type) else {
                    throw NetCDFError(path: path, operation: op, message: "unsupported attribute type \(type)")
                }
                var xs = [Double](repeating: 0, count: max(1, len))
                try ncCheck(nc_get_att_double(ncid, varid, name, &xs), op, path: path)
                value = len == 1 ? .double(xs[0]) : .doubles(Array(xs.prefix(len)))
            }
            result.append((name, value))
        }
        return result
    }
}
