/// Reads a plain decimal field (`-12.5`, `3e-7`, `0.000123`) straight from its bytes when the result is exact by
/// Clinger's fast path (1990, PLDI '90, 92): a significand below 2⁵³ and a power of ten up to 10²² are both exact
/// doubles, so one correctly rounded multiplication or division gives the correctly rounded value, the same bits as
/// the standard library's parser. Anything else (more digits, larger exponents, other spellings) returns nil and
/// goes through `Double(String)`, which also words the errors.
enum DecimalFastPath {
    /// 10⁰ … 10²², all exact in binary64.
    static let powersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { x, _ in x * 10 } }

    static func parse(_ field: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0, n = field.count
        guard n > 0 else { return nil }
        var negative = false
        if field[0] == UInt8(ascii: "-") || field[0] == UInt8(ascii: "+") { negative = field[0] == UInt8(ascii: "-"); i = 1 }
        var significand: UInt64 = 0, exponent = 0
        let integerStart = i
        guard readDigits(field, &i, &significand) else { return nil }
        guard i > integerStart else { return nil }
        if i < n, field[i] == UInt8(ascii: ".") {
            i += 1
            let fractionStart = i
            guard readDigits(field, &i, &significand) else { return nil }
            guard i > fractionStart else { return nil }
            exponent -= i - fractionStart
        }
        if i < n, field[i] == UInt8(ascii: "e") || field[i] == UInt8(ascii: "E") {
            i += 1
            var exponentNegative = false
            if i < n, field[i] == UInt8(ascii: "-") || field[i] == UInt8(ascii: "+") { exponentNegative = field[i] == UInt8(ascii: "-"); i += 1 }
            let exponentStart = i
            let zero = UInt8(ascii: "0"), nine = UInt8(ascii: "9")
            var e = 0
            while i < n, field[i] >= zero, field[i] <= nine {
                e = e * 10 + Int(field[i] - zero)
                if e > 1000 { return nil }
                i += 1
            }
            guard i > exponentStart else { return nil }
            exponent += exponentNegative ? -e : e
        }
        n = i
        guard n == field.count, significand <= 1 << 53, abs(exponent) <= 22 else { return nil }
        let value = exponent >= 0 ? Double(significand) * powersOfTen[exponent] : Double(significand) / powersOfTen[-exponent]
        return negative ? -value : value
    }

    /// Reads the run of decimal digits from `i` into `significand` (× 10 per digit); false if the significand would pass
    /// 18 digits (leading zeros do not count). Eight digits at a time while they fit, by Lemire's SWAR method
    /// (2018, "Quickly parsing eight digits", as in fast_float), then one at a time: the digit loop was most of a
    /// forcing file's parse (its values have 15-17 digits).
    @inline(__always)
    static func readDigits(_ field: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ significand: inout UInt64) -> Bool {
        let zero = UInt8(ascii: "0"), nine = UInt8(ascii: "9")
        let base = UnsafeRawPointer(field.baseAddress!)
        while field.count - i >= 8, significand < 10_000_000_000 {
            let word = base.loadUnaligned(fromByteOffset: i, as: UInt64.self).littleEndian
            // Every byte 0x30-0x39: high nibble 3, and still 3 after adding 6. (A byte ≥ 0xFA can carry into the next
            // lane, but it has already failed the first test.)
            guard word & 0xF0F0_F0F0_F0F0_F0F0 == 0x3030_3030_3030_3030,
                  (word &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0 == 0x3030_3030_3030_3030 else { break }
            var x = word &- 0x3030_3030_3030_3030
            x = x &* 10 &+ (x >> 8)
            x = ((x & 0x0000_00FF_0000_00FF) &* (100 &+ (1_000_000 << 32))
                 &+ ((x >> 16) & 0x0000_00FF_0000_00FF) &* (1 &+ (10_000 << 32))) >> 32
            significand = significand * 100_000_000 + x
            i += 8
        }
        while i < field.count, field[i] >= zero, field[i] <= nine {
            if significand >= 100_000_000_000_000_000 { return false }   // a 19th digit
            significand = significand * 10 + UInt64(field[i] - zero)
            i += 1
        }
        return true
    }
}
