/// Reads a plain decimal field (`-12.5`, `3e-7`, `0.000123`) straight from its bytes when the result is exact by
/// Clinger's fast path (1990, PLDI '90, 92): a significand below 2⁵³ and a power of ten up to 10²² are both exact
/// doubles, so one correctly rounded multiplication or division gives the correctly rounded value, the same bits as
/// the standard library's parser. Anything else (more digits, larger exponents, other spellings) returns nil and
/// goes through `Double(String)`, which also words the errors.
enum DecimalFastPath {
    /// 10⁰ … 10²², all exact in binary64.
    static let powersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { x, _ in x * 10 } }

    static func parse(_ field: UnsafeBufferPointer<UInt8>) -> Double? {
        let zero = UInt8(ascii: "0"), nine = UInt8(ascii: "9")
        var i = 0, n = field.count
        guard n > 0 else { return nil }
        var negative = false
        if field[0] == UInt8(ascii: "-") || field[0] == UInt8(ascii: "+") { negative = field[0] == UInt8(ascii: "-"); i = 1 }
        var significand: UInt64 = 0, digits = 0, exponent = 0
        let integerStart = i
        while i < n, field[i] >= zero, field[i] <= nine {
            if significand != 0 || field[i] != zero { digits += 1 }
            if digits > 18 { return nil }
            significand = significand * 10 + UInt64(field[i] - zero)
            i += 1
        }
        guard i > integerStart else { return nil }
        if i < n, field[i] == UInt8(ascii: ".") {
            i += 1
            let fractionStart = i
            while i < n, field[i] >= zero, field[i] <= nine {
                if significand != 0 || field[i] != zero { digits += 1 }
                if digits > 18 { return nil }
                significand = significand * 10 + UInt64(field[i] - zero)
                exponent -= 1
                i += 1
            }
            guard i > fractionStart else { return nil }
        }
        if i < n, field[i] == UInt8(ascii: "e") || field[i] == UInt8(ascii: "E") {
            i += 1
            var exponentNegative = false
            if i < n, field[i] == UInt8(ascii: "-") || field[i] == UInt8(ascii: "+") { exponentNegative = field[i] == UInt8(ascii: "-"); i += 1 }
            let exponentStart = i
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
}
