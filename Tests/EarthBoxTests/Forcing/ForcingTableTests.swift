import EarthBox
import Foundation
import Testing

/// The repository's Forcing folder, found from this file's own location
/// (Tests/EarthBoxTests/Forcing/ForcingTableTests.swift).
private let forcingFolder = TestSupport.repository.appendingPathComponent("Forcing")

private let scenarios = [
    "ssp119", "ssp126", "ssp245", "ssp370", "ssp434", "ssp460", "ssp534-over", "ssp585",
]

private func loadScenario(_ scenario: String) throws -> ForcingTable {
    try ForcingTable.load(path: forcingFolder.appendingPathComponent(scenario + ".csv").path)
}

/// Mt CO2 per Pg C, as used by Forcing/convert_rcmip.py (44.009/12.011, rounded).
private let megatonnesCO2PerPetagramCarbon = 3664.0

// MARK: - The real forcing files

@Suite("Forcing files converted from RCMIP")
struct RealForcingFileTests {
    @Test("every scenario covers 1750-2500 with one row per year", arguments: scenarios)
    func coverage(scenario: String) throws {
        let table = try loadScenario(scenario)
        #expect(table.firstYear == 1750)
        #expect(table.lastYear == 2500)
        for name in table.columnNames {
            #expect(try table.column(name, unit: table.units[name]!).count == 751, "column \(name)")
        }
    }

    @Test("all scenarios have the same columns and units, as the model expects")
    func sameLayout() throws {
        let reference = try loadScenario("ssp245")
        #expect(reference.columnNames.count == 98)
        #expect(Array(reference.columnNames.prefix(3)) == ["co2_fossil", "co2_afolu", "ch4"])
        #expect(Array(reference.columnNames.suffix(2)) == ["erf_volcanic", "erf_solar"])
        for scenario in scenarios {
            let table = try loadScenario(scenario)
            #expect(table.columnNames == reference.columnNames, "\(scenario)")
            #expect(table.units == reference.units, "\(scenario)")
        }
    }

    @Test("units of each kind of column")
    func units() throws {
        let table = try loadScenario("ssp245")
        #expect(table.units["co2_fossil"] == "PgC/yr")
        #expect(table.units["n2o"] == "Mt N2O/yr")
        #expect(table.units["hfc4310mee"] == "kt/yr")
        #expect(table.units["cc4f8"] == "kt/yr")
        #expect(table.units["co2_concentration"] == "ppm")
        #expect(table.units["ch4_concentration"] == "ppb")
        #expect(table.units["cfc11_concentration"] == "ppt")
        #expect(table.units["erf_solar"] == "W/m^2")
    }

    @Test("every halogenated gas has a concentration column except Halon-1202, which RCMIP lacks")
    func halogenConcentrations() throws {
        let table = try loadScenario("ssp245")
        let names = Set(table.columnNames)
        let halogens = table.columnNames.filter { table.units[$0] == "kt/yr" }
        #expect(halogens.count == 41)
        let withoutConcentration = halogens.filter { !names.contains($0 + "_concentration") }
        #expect(withoutConcentration == ["halon1202"])
    }

    // Source values below are copied from the ssp245 rows of the RCMIP v5.1.0
    // files in ../shared/data/rcmip.

    @Test("a year the source gives is converted exactly: ssp245 fossil CO2 in 2014")
    func givenYear() throws {
        let table = try loadScenario("ssp245")
        // Emissions|CO2|MAGICC Fossil and Industrial, 2014: 35615.57673 Mt CO2/yr.
        let expected = 35615.57673 / megatonnesCO2PerPetagramCarbon
        #expect(try table.value("co2_fossil", unit: "PgC/yr", year: 2014) == expected)
        #expect(try table.column("co2_fossil", unit: "PgC/yr")[2014 - 1750] == expected)
    }

    @Test("a year between given years is interpolated linearly: ssp245 fossil CO2 in 2025")
    func interpolatedYear() throws {
        let table = try loadScenario("ssp245")
        let co2 = try table.column("co2_fossil", unit: "PgC/yr")
        let at2020 = co2[2020 - 1750], at2025 = co2[2025 - 1750], at2030 = co2[2030 - 1750]
        // Source: 37388.1289 (2020) and 40594.6763 (2030) Mt CO2/yr; 2025 is not given.
        #expect(at2020 == 37388.1289 / megatonnesCO2PerPetagramCarbon)
        #expect(at2030 == 40594.6763 / megatonnesCO2PerPetagramCarbon)
        #expect(abs(at2025 - (at2020 + at2030) / 2) <= 1e-14 * at2025)
        // Straight line: equal steps from 2020 to 2030.
        let step = co2[2021 - 1750] - at2020
        for year in 2021...2030 {
            let yearStep = co2[year - 1750] - co2[year - 1751]
            #expect(abs(yearStep - step) <= 1e-12, "step into \(year)")
        }
    }

    @Test("spot values of the other conversions and files")
    func otherSpotValues() throws {
        let table = try loadScenario("ssp245")
        // Emissions|N2O 2014: 10866.28352 kt N2O/yr, written in Mt.
        #expect(try table.value("n2o", unit: "Mt N2O/yr", year: 2014) == 10866.28352 / 1000)
        // Atmospheric Concentrations|CO2: 277.1470032 ppm in 1750, 397.5469793 ppm in 2014.
        #expect(try table.value("co2_concentration", unit: "ppm", year: 1750) == 277.1470032)
        #expect(try table.value("co2_concentration", unit: "ppm", year: 2014) == 397.5469793)
        // Effective Radiative Forcing|Natural|Volcanic 1991 (Pinatubo): -0.414818578 W/m^2.
        #expect(try table.value("erf_volcanic", unit: "W/m^2", year: 1991) == -0.414818578)
    }

    @Test("every value and data line of each file is what a plain split-and-Double(String) reading gives, bit for bit",
          arguments: scenarios)
    func sameAsPlainReading(scenario: String) throws {
        let table = try loadScenario(scenario)
        let text = try String(contentsOf: forcingFolder.appendingPathComponent(scenario + ".csv"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let header = try #require(lines.firstIndex { $0.hasPrefix("year,") })
        let names = lines[header].split(separator: ",").dropFirst().map(String.init)
        #expect(table.columnNames == names)
        var rows: [(line: Int, values: [Double])] = []
        for (index, line) in lines.enumerated().dropFirst(header + 2) where !line.isEmpty && !line.hasPrefix("#") {
            rows.append((index + 1, line.split(separator: ",").dropFirst().map { Double(String($0))! }))
        }
        #expect(table.dataLineNumbers == rows.map(\.line))
        #expect(table.years.count == rows.count)
        for (column, name) in names.enumerated() {
            let values = try table.column(name, unit: try #require(table.units[name]))
            let plain = rows.map { $0.values[column] }
            #expect(values.map(\.bitPattern) == plain.map(\.bitPattern), "\(scenario) \(name)")
        }
    }

    @Test("a year outside the file is refused with the file's range")
    func yearOutsideFile() throws {
        let table = try loadScenario("ssp245")
        let error = #expect(throws: InputError.self) {
            try table.value("co2_fossil", unit: "PgC/yr", year: 2501)
        }
        #expect(error?.key == "co2_fossil")
        #expect(error?.message.contains("1750-2500") == true)
    }
}

// MARK: - Bad files

/// A fresh folder per test, since Swift Testing runs tests in parallel.
private func writeForcingFile(_ text: String, name: String = "forcing.csv") throws -> String {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("EarthBoxForcingTests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let file = folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: file)
    return file.path
}

private func loadError(_ text: String) throws -> (path: String, error: InputError?) {
    let path = try writeForcingFile(text)
    let error = #expect(throws: InputError.self) { try ForcingTable.load(path: path) }
    return (path, error)
}

/// Lines 1-2 comments, 3 header, 4 units, 5-7 data (1750-1752).
private let goodText = """
    # A small forcing file for tests.
    # Two columns, three years.
    year,co2_fossil,ch4
    unit,PgC/yr,Mt CH4/yr
    1750,0.003,19.0
    1751,0.004,19.25
    1752,0.005,19.5

    """

@Suite("Forcing file errors")
struct ForcingFileErrorTests {
    @Test("a well-formed small file loads, with CRLF line ends and padded fields")
    func goodFile() throws {
        let table = try ForcingTable.load(path: try writeForcingFile(goodText))
        #expect(table.years == 1750...1752)
        #expect(try table.column("ch4", unit: "Mt CH4/yr") == [19.0, 19.25, 19.5])
        #expect(table.headerLineNumber == 3 && table.unitLineNumber == 4)

        let windowsText = "year , co2_fossil\r\nunit, PgC/yr \r\n 1750 ,\t0.5\r\n1751,0.25\r\n"
        let windowsTable = try ForcingTable.load(path: try writeForcingFile(windowsText))
        #expect(try windowsTable.column("co2_fossil", unit: "PgC/yr") == [0.5, 0.25])
    }

    @Test("missing file")
    func missingFile() throws {
        let path = try writeForcingFile(goodText) + ".absent"
        let error = #expect(throws: InputError.self) { try ForcingTable.load(path: path) }
        #expect(error?.file == path)
        #expect(error?.line == nil)
        #expect(error?.message.contains("No such file") == true)
    }

    @Test("a folder where a file is expected cannot be read")
    func unreadableFile() throws {
        let folder = (try writeForcingFile(goodText) as NSString).deletingLastPathComponent
        let error = #expect(throws: InputError.self) { try ForcingTable.load(path: folder) }
        #expect(error?.file == folder)
        #expect(error?.message.contains("cannot") == true)
    }

    @Test("empty file")
    func emptyFile() throws {
        let (path, error) = try loadError("")
        #expect(error?.file == path)
        #expect(error?.message.contains("empty") == true)
    }

    @Test("a wide header over many blank lines is refused at once, without reserving room for rows that cannot exist")
    func wideHeaderOverBlankLines() throws {
        // 40,000 columns × 300,000 lines would be 96 GB of values if the reservation followed the line count alone.
        let columns = (1...40_000).map { "c\($0)" }.joined(separator: ",")
        let text = "year," + columns + "\n" + String(repeating: "\n", count: 300_000)
        let (path, error) = try loadError(text)
        #expect(error?.file == path && error?.line == 1 && error?.key == "unit")
        #expect(error?.message.contains("unit row and the data rows are missing") == true)
    }

    @Test("the land-fraction table reads the same with CRLF line ends and padded fields; a fraction above 1 names its line")
    func landFractionTable() throws {
        let shipped = try ScenarioDrivers.landFractionOneDegree(directory: forcingFolder.path)
        #expect(shipped.count == 180 && shipped.allSatisfy { (0...1).contains($0) })
        let text = try String(contentsOf: forcingFolder.appendingPathComponent("zonal-land-fraction-1deg.csv"), encoding: .utf8)
        let crlf = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("#") || $0.isEmpty ? String($0) : $0.replacingOccurrences(of: ",", with: ", ") + " \t" }
            .joined(separator: "\r\n")
        let copy = URL(fileURLWithPath: try writeForcingFile(crlf, name: "zonal-land-fraction-1deg.csv")).deletingLastPathComponent()
        #expect(try ScenarioDrivers.landFractionOneDegree(directory: copy.path) == shipped)

        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let row = try #require(lines.firstIndex { !$0.hasPrefix("#") && !$0.hasPrefix("lat_south") && !$0.isEmpty })
        lines[row] = lines[row].split(separator: ",").dropLast().joined(separator: ",") + ",1.5"
        let bad = URL(fileURLWithPath: try writeForcingFile(lines.joined(separator: "\n"), name: "zonal-land-fraction-1deg.csv"))
        let error = #expect(throws: InputError.self) {
            try ScenarioDrivers.landFractionOneDegree(directory: bad.deletingLastPathComponent().path)
        }
        #expect(error?.line == row + 1 && error?.key == "land_fraction")
    }

    @Test("last line cut in the middle of a value")
    func truncatedMidValue() throws {
        let cut = String(goodText.dropLast("5\n".count))  // "...1752,0.005,19." with no newline
        let (path, error) = try loadError(cut)
        #expect(error?.file == path)
        #expect(error?.line == 7)
        #expect(error?.key == "ch4")
        #expect(error?.message.contains("truncated") == true)
    }

    @Test("last line cut in an earlier column")
    func truncatedEarlyColumn() throws {
        let cut = String(goodText.dropLast(",19.5\n".count + 1))  // "...1752,0.00"
        let (path, error) = try loadError(cut)
        #expect(error?.file == path)
        #expect(error?.line == 7)
        #expect(error?.key == "co2_fossil")
    }

    @Test("a row with fewer fields than the header")
    func shortRow() throws {
        let text = goodText.replacingOccurrences(of: "1751,0.004,19.25", with: "1751,0.004")
        let (path, error) = try loadError(text)
        #expect(error?.file == path)
        #expect(error?.line == 6)
        #expect(error?.key == "ch4")
    }

    @Test("a row with more fields than the header")
    func longRow() throws {
        let text = goodText.replacingOccurrences(of: "1751,0.004,19.25", with: "1751,0.004,19.25,7")
        let (path, error) = try loadError(text)
        #expect(error?.file == path)
        #expect(error?.line == 6)
        #expect(error?.message.contains("more fields") == true)
    }

    @Test("header row without the unit row after it")
    func missingUnitRow() throws {
        let text = goodText.replacingOccurrences(of: "unit,PgC/yr,Mt CH4/yr\n", with: "")
        let (path, error) = try loadError(text)
        #expect(error?.file == path)
        #expect(error?.line == 4)
        #expect(error?.key == "unit")
        #expect(error?.message.contains("1750") == true)
    }

    @Test("no header row at all")
    func missingHeader() throws {
        let text = goodText.replacingOccurrences(of: "year,co2_fossil,ch4\n", with: "")
        let (path, error) = try loadError(text)
        #expect(error?.file == path)
        #expect(error?.line == 3)
        #expect(error?.key == "year")
    }

    @Test("a unit missing from the unit row")
    func emptyUnit() throws {
        let text = goodText.replacingOccurrences(of: "unit,PgC/yr,Mt CH4/yr", with: "unit,,Mt CH4/yr")
        let (path, error) = try loadError(text)
        #expect(error?.file == path)
        #expect(error?.line == 4)
        #expect(error?.key == "co2_fossil")
    }

    @Test("a gap in the years")
    func yearGap() throws {
        let text = goodText.replacingOccurrences(of: "1751,0.004,19.25\n", with: "")
        let (path, error) = try loadError(text)
        #expect(error?.file == path)
        #expect(error?.line == 6)
        #expect(error?.key == "year")
        #expect(error?.message.contains("1751 is missing") == true)
    }

    @Test("a repeated year")
    func yearRepeated() throws {
        let text = goodText.replacingOccurrences(of: "1752,", with: "1751,")
        let (path, error) = try loadError(text)
        #expect(error?.file == path)
        #expect(error?.line == 7)
        #expect(error?.key == "year")
        #expect(error?.message.contains("line 6") == true)
    }

    @Test("years out of order")
    func yearsOutOfOrder() throws {
        let text = goodText.replacingOccurrences(of: "1752,", with: "1749,")
        let (path, error) = try loadError(text)
        #expect(error?.file == path)
        #expect(error?.line == 7)
        #expect(error?.key == "year")
    }

    @Test("a year that is not a whole number")
    func yearNotWhole() throws {
        let text = goodText.replacingOccurrences(of: "1751,", with: "1751.0,")
        let (path, error) = try loadError(text)
        #expect(error?.file == path)
        #expect(error?.line == 6)
        #expect(error?.key == "year")
    }

    @Test("a value that is not a number")
    func nonNumericValue() throws {
        let text = goodText.replacingOccurrences(of: "19.25", with: "19x25")
        let (path, error) = try loadError(text)
        #expect(error?.file == path)
        #expect(error?.line == 6)
        #expect(error?.key == "ch4")
        #expect(error?.message.contains("'19x25'") == true)
    }

    @Test("an empty value")
    func emptyValue() throws {
        let text = goodText.replacingOccurrences(of: "1751,0.004,", with: "1751,,")
        let (path, error) = try loadError(text)
        #expect(error?.file == path)
        #expect(error?.line == 6)
        #expect(error?.key == "co2_fossil")
    }

    @Test("NaN and infinity are refused", arguments: ["nan", "NaN", "inf", "-inf", "infinity"])
    func nonFiniteValue(text: String) throws {
        let badText = goodText.replacingOccurrences(of: "0.005", with: text)
        let (path, error) = try loadError(badText)
        #expect(error?.file == path)
        #expect(error?.line == 7)
        #expect(error?.key == "co2_fossil")
        #expect(error?.message.contains("finite") == true)
    }

    @Test("a column named twice in the header")
    func duplicateColumn() throws {
        let text = goodText
            .replacingOccurrences(of: "year,co2_fossil,ch4", with: "year,ch4,co2_fossil,ch4")
            .replacingOccurrences(of: "unit,PgC/yr", with: "unit,Mt CH4/yr,PgC/yr")
        let (path, error) = try loadError(text)
        #expect(error?.file == path)
        #expect(error?.line == 3)
        #expect(error?.key == "ch4")
    }

    @Test("a requested column that is absent names the nearest column")
    func absentColumn() throws {
        let path = try writeForcingFile(goodText)
        let table = try ForcingTable.load(path: path)
        let error = #expect(throws: InputError.self) { try table.column("co2_fosil", unit: "PgC/yr") }
        #expect(error?.file == path)
        #expect(error?.line == 3)
        #expect(error?.key == "co2_fosil")
        #expect(error?.message.contains("'co2_fossil'") == true)
    }

    @Test("a column in another unit than the caller expects")
    func wrongUnit() throws {
        let path = try writeForcingFile(goodText)
        let table = try ForcingTable.load(path: path)
        let error = #expect(throws: InputError.self) { try table.column("co2_fossil", unit: "GtCO2/yr") }
        #expect(error?.file == path)
        #expect(error?.line == 4)
        #expect(error?.key == "co2_fossil")
        #expect(error?.message.contains("'PgC/yr'") == true)
        #expect(error?.message.contains("'GtCO2/yr'") == true)
        #expect(error?.description == "\(path):4: error: 'co2_fossil': unit is 'PgC/yr' but 'GtCO2/yr' is expected")
    }
}
