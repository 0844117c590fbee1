import Foundation

/// Reads the shared data files used as references by the forcing tests.
/// Location: $EARTHBOX_SHARED_DATA, else the first `shared/data` found walking up from this file, else /work/shared/data.
enum TestData {
    struct MissingData: Error, CustomStringConvertible {
        let description: String
    }

    static let directory: URL = {
        if let env = ProcessInfo.processInfo.environment["EARTHBOX_SHARED_DATA"] {
            return URL(fileURLWithPath: env)
        }
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<8 {
            let candidate = url.appendingPathComponent("shared/data")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            url = url.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: "/work/shared/data")
    }()

    static func lines(_ relativePath: String) throws -> [Substring] {
        let url = directory.appendingPathComponent(relativePath)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw MissingData(description: "cannot read \(url.path)")
        }
        return text.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("#") }
    }

    /// IGCC 2025 annual global-mean concentrations: year → column → value (CO2 ppm, CH4/N2O ppb, others ppt).
    static func igccConcentrations() throws -> [Int: [String: Double]] {
        let rows = try lines("observations/ghg-concentration_global_igcc-assessment_synthesis_annual-mean-timeseries_IGCC-2025a.csv")
        let header = rows[0].split(separator: ",").map(String.init)
        var out: [Int: [String: Double]] = [:]
        for row in rows.dropFirst() {
            let cells = row.split(separator: ",", omittingEmptySubsequences: false)
            guard let year = Int(cells[0]) else { continue }
            var values: [String: Double] = [:]
            for (name, cell) in zip(header.dropFirst(), cells.dropFirst()) { values[name] = Double(cell) }
            out[year] = values
        }
        return out
    }

    /// Maps an IGCC concentration column ("HFC_43_10mee", "n_C4F10", "c_C4F8") to the forcing-file name.
    static func tableName(forIGCCColumn column: String) -> String {
        var s = column
        if s.hasPrefix("n_") { s.removeFirst(2) }
        return s.lowercased().filter { $0.isLetter || $0.isNumber }
    }

    /// Concentrations, ppt, for `HalogenatedGasTable.all` order from one IGCC year (0 for gases IGCC lacks: Halon-1202).
    static func halogenConcentrations(year: Int, names: [String]) throws -> [Double] {
        guard let row = try igccConcentrations()[year] else { throw MissingData(description: "no IGCC year \(year)") }
        var byName: [String: Double] = [:]
        for (column, value) in row { byName[tableName(forIGCCColumn: column)] = value }
        return names.map { byName[$0] ?? 0 }
    }

    /// IGCC 2024 ERF best estimates by agent: integer year → column → W m⁻².
    static func erfBest() throws -> [Int: [String: Double]] {
        let rows = try lines("observations/ERF_best_1750-2024.csv")
        let header = rows[0].split(separator: ",").map(String.init)
        var out: [Int: [String: Double]] = [:]
        for row in rows.dropFirst() {
            let cells = row.split(separator: ",", omittingEmptySubsequences: false)
            guard let year = Int(cells[1]) else { continue }  // timebound_lower
            var values: [String: Double] = [:]
            for (name, cell) in zip(header, cells) { values[name] = Double(cell) }
            out[year] = values
        }
        return out
    }

    /// RCMIP v5.1.0 World emission rows, parsed once: "scenario|variable" → values 1750…2100 (nil = blank).
    private static let rcmipRows: Result<[String: [Double?]], Error> = Result {
        let rows = try lines("rcmip/rcmip-emissions-annual-means-v5-1-0-ssp-only.csv")
        let header = rows[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard let first = header.firstIndex(of: "1750"), let last = header.firstIndex(of: "2100") else {
            throw MissingData(description: "RCMIP header has no 1750…2100")
        }
        var out: [String: [Double?]] = [:]
        for row in rows.dropFirst() {
            let cells = row.split(separator: ",", omittingEmptySubsequences: false)
            guard cells.count > last, cells[2] == "World" else { continue }
            out["\(cells[1])|\(cells[3])"] = (first...last).map { Double(cells[$0]) }
        }
        return out
    }

    /// RCMIP v5.1.0 World emissions for `variable` in `scenario`, 1750…2100 (index = year − 1750),
    /// gaps filled by linear interpolation (as FaIR and the AR6 code do).
    static func rcmipEmissions(_ variable: String, scenario: String = "ssp245") throws -> [Double] {
        guard var values = try rcmipRows.get()["\(scenario)|\(variable)"] else {
            throw MissingData(description: "no RCMIP row \(scenario) \(variable)")
        }
        var lastKnown: Int? = nil
        for i in values.indices where values[i] != nil {
            if let k = lastKnown, i - k > 1 {
                for j in (k + 1)..<i {
                    let w = Double(j - k) / Double(i - k)
                    values[j] = values[k]! * (1 - w) + values[i]! * w
                }
            }
            lastKnown = i
        }
        return values.map { $0 ?? .nan }
    }

    /// Halogenated variable suffixes in the RCMIP emissions file ("HFC134a", "cC4F8", "Halon1211", …).
    static func rcmipHalogenatedSpecies() throws -> Set<String> {
        var out = Set<String>()
        for key in try rcmipRows.get().keys where key.contains("F-Gases") || key.contains("Montreal") {
            out.insert(String(key.split(separator: "|").last!))
        }
        return out
    }

    static func mean(_ xs: ArraySlice<Double>) -> Double { xs.reduce(0, +) / Double(xs.count) }
}
