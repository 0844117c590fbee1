/// A small streaming JSON writer: numbers in Swift's shortest round-trip form (so the page gets the model's bits),
/// NaN and ±∞ as null (JSON has neither; the page shows "not reached" or "-").
final class JSONWriter {
    private(set) var text = ""
    private var needsComma = [false]

    init() { text.reserveCapacity(1 << 16) }

    private func separate() {
        if needsComma[needsComma.count - 1] { text += "," }
        needsComma[needsComma.count - 1] = true
    }

    func object(_ body: () -> Void) {
        separate(); text += "{"; needsComma.append(false)
        body()
        needsComma.removeLast(); text += "}"
    }

    private func key(_ k: String) {
        separate(); text += Self.quoted(k) + ":"
        needsComma.append(false)
    }

    func field(_ k: String, _ body: () -> Void) {
        key(k); body(); needsComma.removeLast()
    }

    func field(_ k: String, _ value: String) { field(k) { string(value) } }
    func field(_ k: String, _ value: Int) { field(k) { separate(); text += String(value) } }
    func field(_ k: String, _ value: Double) { field(k) { number(value) } }
    func field(_ k: String, _ value: Bool) { field(k) { separate(); text += value ? "true" : "false" } }
    func field(_ k: String, _ values: [Double]) { field(k) { array(values) } }
    func field(_ k: String, _ values: [String]) {
        field(k) { separate(); text += "["; needsComma.append(false); for v in values { string(v) }; needsComma.removeLast(); text += "]" }
    }

    func string(_ s: String) { separate(); text += Self.quoted(s) }

    func number(_ x: Double) {
        separate()
        text += x.isFinite ? (x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : x.description) : "null"
    }

    /// An array whose elements `body` writes (objects, strings).
    func arrayOf(_ body: () -> Void) {
        separate(); text += "["; needsComma.append(false)
        body()
        needsComma.removeLast(); text += "]"
    }

    func array(_ values: [Double]) {
        separate(); text += "["; needsComma.append(false)
        for v in values { number(v) }
        needsComma.removeLast(); text += "]"
    }

    func array(_ rows: [[Double]]) {
        separate(); text += "["; needsComma.append(false)
        for r in rows { array(r) }
        needsComma.removeLast(); text += "]"
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += "\\u" + String(repeating: "0", count: 4 - String(u.value, radix: 16).count) + String(u.value, radix: 16) }
                else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }
}
