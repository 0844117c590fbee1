import Foundation
import Testing
@testable import EarthBox

/// The forcing reader's fast number path gives the standard library's bits wherever it answers, and answers for
/// nearly all of the shipped forcing files' fields.
@Suite("Decimal fast path") struct DecimalFastPathTests {
    static func parse(_ text: String) -> Double? {
        Array(text.utf8).withUnsafeBufferPointer { DecimalFastPath.parse($0) }
    }

    @Test func sameBitsAsTheStandardLibrary() {
        var random = SplitMix64(seed: 14)
        var texts = ["0", "-0", "+0", "1", "-1", "0.1", "1e22", "1e23", "9007199254740992", "9007199254740993", "123456789012345678",
                     "1234567890123456789", "0.000000000000000000000000001", "1e-22", "1e-23", "2.5E+3", "-7.25e-2", "00012.50",
                     // eight-digit blocks: at the 18-digit edge, after leading zeros, across the point, with an exponent
                     "12345678", "123456789012345678", "0.123456789012345678", "0.1234567890123456789", "99999999.99999999",
                     "0.00000000123456789", "00000000000000001.5", "1234567812345678e-22", "0.000000000000000000001234"]
        for _ in 0..<20_000 {
            let x = Double(bitPattern: random.next() >> 2).truncatingRemainder(dividingBy: 1e6) * (random.next() % 2 == 0 ? 1 : -1)
            texts.append("\(x)")                                   // shortest round-trip, as Python's repr writes
            texts.append(String(Double(Int64(truncatingIfNeeded: random.next()) % 10_000_000) / 1000))
        }
        var fast = 0
        for text in texts {
            guard let value = Self.parse(text) else { continue }
            fast += 1
            #expect(value.bitPattern == Double(text)!.bitPattern, "\(text)")
        }
        #expect(fast > texts.count / 2)
    }

    @Test func otherSpellingsAreLeftToTheStandardParser() {
        for text in ["", "-", ".5", "5.", "1e", "1e+", "nan", "inf", "0x1p3", " 1", "1 ", "1,0", "1.2.3", "--1", "1e1000",
                     "1234567:", "12345678/", "0.1234567 ", "1234567890123456789", "0.0000000012345678901234567890"] {
            #expect(Self.parse(text) == nil, "\(text)")
        }
    }

    @Test func theShippedForcingFilesReadToTheSameValues() throws {
        let forcing = TestSupport.repository.appendingPathComponent("Forcing")
        let text = try String(contentsOf: forcing.appendingPathComponent("ssp245.csv"), encoding: .utf8)
        var fields = 0, fast = 0
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("year") {
            for field in line.split(separator: ",").dropFirst() {
                fields += 1
                if let value = Self.parse(String(field)) {
                    fast += 1
                    #expect(value.bitPattern == Double(String(field))!.bitPattern, "\(field)")
                }
            }
        }
        #expect(fast * 10 > fields * 9, "\(fast) of \(fields) fields on the fast path")
    }
}
