import Foundation

/// Territorial fossil CO2 emissions by country from the Global Carbon Budget national file
/// (Friedlingstein et al. 2023, ESSD 15, 5301; data doi:10.18160/GCP-2023), in Mt CO2 yr⁻¹.
///
/// Layout as openclimatedata writes it: `#` comment lines, a header `Year,<Country>,…,World`, then one row per
/// year in MtC yr⁻¹. Empty cells (a country before its record starts) are missing.
public struct NationalEmissions: Sendable {
    /// Mt CO2 per Mt C, the factor the GCB file header itself states.
    public static let co2PerCarbon = AtmosphericMass.globalCarbonBudgetCO2PerCarbon

    public let path: String
    public let regions: [String]
    public let firstYear: Int, lastYear: Int
    /// `mtCO2[region]![year - firstYear]`, NaN where the file has no value.
    private let mtCO2: [String: [Double]]

    public static func load(path: String) throws(InputError) -> NationalEmissions {
        let bytes = try readWholeFile(path: path, limit: BoundedRead.iamcTableLimit, what: "national emissions file")
        let text = String(decoding: bytes, as: UTF8.self)
        var header: [String]? = nil
        var years: [Int] = []
        var columns: [[Double]] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard let names = header else {
                guard fields.first == "Year", fields.count > 1 else {
                    throw InputError(file: path, line: i + 1, column: 1, message: "expected a header 'Year,<country>,…'")
                }
                header = fields; columns = Array(repeating: [], count: fields.count - 1); continue
            }
            guard fields.count == names.count else {
                throw InputError(file: path, line: i + 1, column: min(fields.count, names.count) + 1,
                                 message: "the row has \(fields.count) fields, the header \(names.count)")
            }
            guard let year = Int(fields[0]), years.last.map({ year == $0 + 1 }) ?? true else {
                throw InputError(file: path, line: i + 1, column: 1, key: "Year", message: "'\(fields[0])' is not the next year")
            }
            years.append(year)
            for c in 1..<fields.count {
                if fields[c].isEmpty { columns[c - 1].append(.nan); continue }
                guard let v = Double(fields[c]), v.isFinite else {
                    throw InputError(file: path, line: i + 1, column: c + 1, key: names[c], message: "'\(fields[c])' is not a number")
                }
                columns[c - 1].append(v * co2PerCarbon)
            }
        }
        guard let names = header, let first = years.first, let last = years.last else {
            throw InputError(file: path, message: "no header and data rows")
        }
        return NationalEmissions(path: path, regions: Array(names.dropFirst()), firstYear: first, lastYear: last,
                                 mtCO2: Dictionary(uniqueKeysWithValues: zip(names.dropFirst(), columns)))
    }

    /// Mt CO2 yr⁻¹ of `region` in `year`; an error if the file has no such region or no value for that year.
    public func value(_ region: String, year: Int) throws(InputError) -> Double {
        guard let series = mtCO2[region] else {
            var message = "no column for region '\(region)' (the file has \(regions.joined(separator: ", ")))"
            if let n = NearestName.suggestion(for: region, among: regions) { message += "; did you mean '\(n)'?" }
            throw InputError(file: path, key: region, message: message)
        }
        guard (firstYear...lastYear).contains(year), !series[year - firstYear].isNaN else {
            throw InputError(file: path, key: region, message: "no value for \(year)")
        }
        return series[year - firstYear]
    }

    /// The region's share of `World` in `year`.
    public func shareOfWorld(_ region: String, year: Int) throws(InputError) -> Double {
        try value(region, year: year) / value("World", year: year)
    }
}
