#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// One emissions scenario read from an IAMC file: every species the file gives, in model units, at the years the
/// file gives (not yet annual), with where each came from; and the choices the reader made, to be printed.
public struct ScenarioInput: Sendable {
    public struct Given: Sendable {
        public var years: [Int]
        public var values: [Double]
        /// The variable as written, the line of its row (the first row when regions were summed), its unit.
        public var variable: String
        public var line: Int
        public var unit: String
        /// Regions summed into this series (["World"] when the file gives World).
        public var regions: [String]
    }

    public let file: String
    public let model: String
    public let scenario: String
    /// Species index (into `EmissionSpecies.all`) → the given series.
    public var given: [Int: Given] = [:]
    /// Explicit choices the reader made (sub-sector rows not used, aggregates, completed CO2 parts, …).
    public var notes: [String] = []

    public var label: String { "\(model)|\(scenario)" }
}

/// Reads IAMC emissions files, wide (`Model,Scenario,Region,Variable,Unit[,extra…],<year>,…`) or long
/// (`Model,Scenario,Region,Variable,Unit,Year,Value`), with any number of model/scenario pairs.
///
/// Strict: an unknown variable, unit or region, a duplicate row or cell, a row that would not be used and a value
/// that is not a finite number are `InputError`s naming the file, line and column. Variables that are parts or
/// baskets of what EarthBox reads are accepted with a note saying what is done with them.
public enum ScenarioFile {
    /// Largest file read (the IAMC database of AR6, ~1200 scenarios, is ~1.3 GB in full but < 200 MB for its
    /// emissions): refuses a stray multi-gigabyte file before reading it.
    public static let maximumBytes = 512 << 20
    /// Years EarthBox has history and natural forcing for (the shipped forcing files span 1750–2500).
    public static let years = 1750...2500
    /// Bound on |value| as written, so that every unit conversion (at most ×1e3) stays finite.
    public static let maximumMagnitude = 1e15

    /// Complete sets of native regions that are summed when a file has no World row (IAMC common definitions R5, R10).
    public static let regionSets: [(name: String, regions: Set<String>)] = [
        ("R5", ["R5ASIA", "R5LAM", "R5MAF", "R5OECD90+EU", "R5REF"]),
        ("R5.2", ["R5.2ASIA", "R5.2LAM", "R5.2MAF", "R5.2OECD", "R5.2REF"]),
        ("R10", ["R10AFRICA", "R10CHINA+", "R10EUROPE", "R10INDIA+", "R10LATIN_AM", "R10MIDDLE_EAST", "R10NORTH_AM",
                 "R10PAC_OECD", "R10REF_ECON", "R10REST_ASIA"]),
    ]

    /// A raw row: keys, unit, and (year, value, file column) cells.
    struct Row {
        var model: String, scenario: String, region: String, variable: String, unit: String
        var line: Int
        var cells: [(year: Int, value: Double, column: Int)]
    }

    /// Every scenario of `path`, in file order. `skipOtherVariables` lets non-`Emissions|` variables (energy,
    /// prices, …) through with one note instead of an error.
    public static func load(path: String, skipOtherVariables: Bool = false) throws(InputError) -> [ScenarioInput] {
        var info = stat()
        if stat(path, &info) == 0, Int(info.st_size) > maximumBytes {
            throw InputError(file: path, message: "the file is \(info.st_size) bytes, more than the \(maximumBytes >> 20) MB an IAMC emissions file needs; filter it to Emissions|* variables first")
        }
        let bytes = try readWholeFile(path: path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw InputError(file: path, message: "the file is not valid UTF-8 text")
        }
        return try parse(text, path: path, skipOtherVariables: skipOtherVariables)
    }

    public static func parse(_ text: String, path: String, skipOtherVariables: Bool = false) throws(InputError) -> [ScenarioInput] {
        let (rows, extra) = try readRows(text, path: path)
        var order: [String] = []
        var groups: [String: [Row]] = [:]
        for row in rows {
            let key = row.model + "\u{1}" + row.scenario
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(row)
        }
        var skipped = 0
        var result: [ScenarioInput] = []
        for key in order {
            var input = try interpret(groups[key]!, path: path, skipOtherVariables: skipOtherVariables, skipped: &skipped)
            if !extra.isEmpty { input.notes.append("columns \(extra.joined(separator: ", ")) are metadata EarthBox does not use") }
            if skipped > 0 { input.notes.append("\(skipped) rows of variables outside Emissions|… skipped (--skip-other-variables)"); skipped = 0 }
            result.append(input)
        }
        return result
    }

    // MARK: Layout

    /// The rows, and the names of the header's extra columns (metadata EarthBox does not use).
    static func readRows(_ text: String, path: String) throws(InputError) -> ([Row], [String]) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var header: [String]? = nil
        var headerLine = 0
        var rows: [Row] = []
        // Wide: the file column of each year; long: the columns of Year and Value.
        var yearColumns: [(year: Int, column: Int)] = []
        var longColumns: (year: Int, value: Int)? = nil
        var firstCell: [String: Int] = [:]   // model|scenario|region|variable|year → line (long layout)
        var longRows: [String: Int] = [:]    // model|scenario|region|variable → index in rows (long layout)
        for (index, raw) in lines.enumerated() {
            let number = index + 1
            var line = Substring(raw)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            if line.hasPrefix("#") {
                throw InputError(file: path, line: number, column: 1,
                                 message: "comment lines are not IAMC (pyam and scmdata cannot read them); put provenance in a sidecar file")
            }
            let fields = try IAMCTable.splitFields(line, path: path, line: number)
            guard let names = header else {
                try checkKeyColumns(fields, path: path, line: number)
                header = fields; headerLine = number
                let rest = Array(fields.dropFirst(5))
                if let y = rest.firstIndex(where: { $0.lowercased() == "year" }), let v = rest.firstIndex(where: { $0.lowercased() == "value" }) {
                    longColumns = (y + 5, v + 5)
                } else {
                    for (c, name) in fields.enumerated().dropFirst(5) {
                        if let year = Int(name) {
                            guard years.contains(year) else {
                                throw InputError(file: path, line: number, column: c + 1, message: "year \(year) is outside \(years.lowerBound)-\(years.upperBound), the years EarthBox has forcing for")
                            }
                            if let last = yearColumns.last, year <= last.year {
                                throw InputError(file: path, line: number, column: c + 1, message: "year \(year) does not follow \(last.year): year columns must rise")
                            }
                            yearColumns.append((year, c))
                        } else if !yearColumns.isEmpty {
                            throw InputError(file: path, line: number, column: c + 1, message: "'\(name)' is not a year; year columns must come last")
                        }
                    }
                    if yearColumns.isEmpty {
                        throw InputError(file: path, line: number, column: 6, message: "the header has neither year columns (wide layout) nor Year and Value columns (long layout)")
                    }
                }
                continue
            }
            guard fields.count == names.count else {
                throw InputError(file: path, line: number, column: min(fields.count, names.count) + 1,
                                 message: "the row has \(fields.count) fields but the header (line \(headerLine)) has \(names.count)")
            }
            for c in 0..<5 where fields[c].isEmpty {
                throw InputError(file: path, line: number, column: c + 1, key: IAMCTable.keyColumns[c], message: "empty \(IAMCTable.keyColumns[c]) field")
            }
            var row = Row(model: fields[0], scenario: fields[1], region: fields[2], variable: fields[3], unit: fields[4], line: number, cells: [])
            let what = "\(row.region)|\(row.variable)"
            func cellValue(_ text: String, column: Int, year: Int) throws(InputError) -> Double? {
                let t = text.trimmingCharacters(in: .whitespaces)
                if t.isEmpty || t.lowercased() == "nan" { return nil }
                guard let v = Double(t), v.isFinite, abs(v) <= maximumMagnitude else {
                    throw InputError(file: path, line: number, column: column + 1, key: what, message: "year \(year): '\(t)' is not a finite number of at most 1e15")
                }
                return v
            }
            if let long = longColumns {
                let yearText = fields[long.year]
                guard let year = Int(yearText), years.contains(year) else {
                    throw InputError(file: path, line: number, column: long.year + 1, key: what,
                                     message: "'\(yearText)' is not a year in \(years.lowerBound)-\(years.upperBound)")
                }
                let cellKey = [row.model, row.scenario, row.region, row.variable, yearText].joined(separator: "\u{1}")
                if let earlier = firstCell[cellKey] {
                    throw InputError(file: path, line: number, column: long.year + 1, key: what, message: "year \(year) of this series is given already on line \(earlier)")
                }
                firstCell[cellKey] = number
                guard let v = try cellValue(fields[long.value], column: long.value, year: year) else { continue }
                let seriesKey = [row.model, row.scenario, row.region, row.variable].joined(separator: "\u{1}")
                if let i = longRows[seriesKey] {
                    guard rows[i].unit == row.unit else {
                        throw InputError(file: path, line: number, column: 5, key: what, message: "unit '\(row.unit)' differs from '\(rows[i].unit)' on line \(rows[i].line)")
                    }
                    rows[i].cells.append((year, v, long.value + 1))
                } else {
                    row.cells = [(year, v, long.value + 1)]
                    longRows[seriesKey] = rows.count
                    rows.append(row)
                }
            } else {
                for (year, c) in yearColumns {
                    if let v = try cellValue(fields[c], column: c, year: year) { row.cells.append((year, v, c + 1)) }
                }
                guard !row.cells.isEmpty else {
                    throw InputError(file: path, line: number, column: yearColumns[0].column + 1, key: what, message: "the row has no values: it would be ignored")
                }
                rows.append(row)
            }
        }
        guard header != nil else { throw InputError(file: path, message: "no header row (Model,Scenario,Region,Variable,Unit,<years> or Year,Value)") }
        guard !rows.isEmpty else { throw InputError(file: path, line: headerLine, message: "the file has a header but no data rows") }
        if longColumns != nil {
            for i in rows.indices { rows[i].cells.sort { $0.year < $1.year } }
        }
        let used = Set(yearColumns.map(\.column) + (longColumns.map { [$0.year, $0.value] } ?? []))
        let extra = header!.indices.dropFirst(5).filter { !used.contains($0) }.map { header![$0] }
        return (rows, extra)
    }

    static func checkKeyColumns(_ fields: [String], path: String, line: Int) throws(InputError) {
        for (c, name) in IAMCTable.keyColumns.enumerated() {
            guard c < fields.count, fields[c].lowercased() == name.lowercased() else {
                throw InputError(file: path, line: line, column: c + 1, key: name,
                                 message: "the header must start with \(IAMCTable.keyColumns.joined(separator: ",")); found '\(c < fields.count ? fields[c] : "")'")
            }
        }
    }

    // MARK: Meaning

    /// Turns one model/scenario's rows into species series.
    static func interpret(_ rows: [Row], path: String, skipOtherVariables: Bool, skipped: inout Int) throws(InputError) -> ScenarioInput {
        var input = ScenarioInput(file: path, model: rows[0].model, scenario: rows[0].scenario)
        // 1. Classify each row's variable; check duplicates of (region, variable).
        var seen: [String: Int] = [:]
        var bySpecies: [Int: [Row]] = [:]
        var totals: [Row] = [], sectors: [(row: Row, parent: Int?)] = []
        let speciesVariables = EmissionSpecies.all.flatMap(\.variables)
        // The model's native regions (`<Model>|<Region>`, IAMC convention): the set is every one this scenario names.
        let native = Set(rows.map(\.region).filter { $0.hasPrefix(input.model + "|") })
        for row in rows {
            let key = row.region + "\u{1}" + row.variable
            if let earlier = seen[key] {
                throw InputError(file: path, line: row.line, column: 4, key: "\(row.region)|\(row.variable)",
                                 message: "model '\(row.model)', scenario '\(row.scenario)' give this region and variable already on line \(earlier)")
            }
            seen[key] = row.line
            try checkRegion(row, path: path, model: input.model)
            if let s = EmissionSpecies.byVariable[row.variable] {
                bySpecies[s, default: []].append(row)
            } else if row.variable == EmissionSpecies.co2Total {
                totals.append(row)
            } else if EmissionSpecies.aggregates.contains(row.variable) {
                if !input.notes.contains(where: { $0.hasPrefix(row.variable + " ") }) {
                    input.notes.append("\(row.variable) (line \(row.line)) is a CO2-equivalent basket EarthBox does not split; its members are read one by one or infilled")
                }
            } else if row.variable.hasPrefix("Emissions|") {
                // A sector below a species (Emissions|CH4|AFOLU) or below the CO2 total (Emissions|CO2|Energy).
                let parent = EmissionSpecies.all.indices.first { s in EmissionSpecies.all[s].variables.contains { row.variable.hasPrefix($0 + "|") } }
                if parent != nil || row.variable.hasPrefix(EmissionSpecies.co2Total + "|") {
                    sectors.append((row, parent))
                } else {
                    var message = "unknown emissions variable"
                    if let n = NearestName.suggestion(for: row.variable, among: speciesVariables + EmissionSpecies.aggregates) { message += "; did you mean '\(n)'?" }
                    throw InputError(file: path, line: row.line, column: 4, key: row.variable, message: message + " (docs/assess.md lists the names EarthBox reads)")
                }
            } else if skipOtherVariables {
                skipped += 1
            } else {
                throw InputError(file: path, line: row.line, column: 4, key: row.variable,
                                 message: "not an Emissions|… variable; filter the file to emissions (pyam: df.filter(variable='Emissions|*')) or pass --skip-other-variables")
            }
        }
        // 2. One series per species: World, or a complete region set summed.
        for (s, speciesRows) in bySpecies {
            input.given[s] = try combineRegions(speciesRows, species: EmissionSpecies.all[s], path: path, notes: &input.notes, native: native)
        }
        // 3. CO2 sectors that make up the fossil part when it is missing: Energy + Industrial Processes.
        let fossil = EmissionSpecies.index("co2_fossil")!, afolu = EmissionSpecies.index("co2_afolu")!
        var used = Set<Int>()
        if input.given[fossil] == nil {
            let energy = sectors.filter { $0.row.variable == "Emissions|CO2|Energy" }.map(\.row)
            let industry = sectors.filter { $0.row.variable == "Emissions|CO2|Industrial Processes" }.map(\.row)
            if !energy.isEmpty && !industry.isEmpty {
                let species = EmissionSpecies.all[fossil]
                var e = try combineRegions(energy, species: species, path: path, notes: &input.notes, native: native)
                let i = try combineRegions(industry, species: species, path: path, notes: &input.notes, native: native)
                e = try sum(e, i, path: path, what: "Emissions|CO2|Energy + Emissions|CO2|Industrial Processes")
                e.variable = "Emissions|CO2|Energy + Emissions|CO2|Industrial Processes"
                input.given[fossil] = e
                input.notes.append("Emissions|CO2|Energy and Industrial Processes = Emissions|CO2|Energy (line \(energy[0].line)) + Emissions|CO2|Industrial Processes (line \(industry[0].line))")
                for r in energy + industry { used.insert(r.line) }
            }
        }
        for (row, parent) in sectors where !used.contains(row.line) {
            if let p = parent, let g = input.given[p] {
                input.notes.append("\(row.variable) (line \(row.line)) is a part of \(g.variable) (line \(g.line)), which is used")
            } else if parent == nil, input.given[fossil] != nil || !totals.isEmpty {
                input.notes.append("\(row.variable) (line \(row.line)) is a sector of Emissions|CO2; the fossil (Energy and Industrial Processes) and AFOLU parts are used")
            } else {
                let name = parent.map { EmissionSpecies.all[$0].iamcVariable } ?? EmissionSpecies.all[fossil].iamcVariable
                throw InputError(file: path, line: row.line, column: 4, key: row.variable,
                                 message: "a sector without its total: give '\(name)' (EarthBox reads totals per species), else this row would be ignored")
            }
        }
        // 4. The CO2 total: checked against both parts, or completes the missing one.
        if !totals.isEmpty {
            let species = EmissionSpecies.all[fossil]
            let total = try combineRegions(totals, species: species, path: path, notes: &input.notes, native: native)
            switch (input.given[fossil], input.given[afolu]) {
            case let (f?, a?):
                let parts = try sum(f, a, path: path, what: "fossil + AFOLU")
                for (j, year) in parts.years.enumerated() {
                    guard let k = total.years.firstIndex(of: year) else { continue }
                    let t = total.values[k], p = parts.values[j]
                    if abs(t - p) > 1e-3 * max(abs(t), abs(p), 0.01) {
                        throw InputError(file: path, line: total.line, key: EmissionSpecies.co2Total,
                                         message: String(format: "in %d the total (%.4g PgC/yr) differs from fossil (line %d) + AFOLU (line %d) = %.4g PgC/yr by more than 0.1 %%", year, t, f.line, a.line, p))
                    }
                }
                input.notes.append("Emissions|CO2 (line \(total.line)) agrees with its fossil and AFOLU parts, which are used")
            case let (f?, nil):
                var a = try difference(total, f, path: path); a.variable = "Emissions|CO2 − fossil"
                input.given[afolu] = a
                input.notes.append("Emissions|CO2|AFOLU = Emissions|CO2 (line \(total.line)) − \(f.variable) (line \(f.line))")
            case let (nil, a?):
                var f = try difference(total, a, path: path); f.variable = "Emissions|CO2 − AFOLU"
                input.given[fossil] = f
                input.notes.append("Emissions|CO2|Energy and Industrial Processes = Emissions|CO2 (line \(total.line)) − \(a.variable) (line \(a.line))")
            case (nil, nil):
                throw InputError(file: path, line: total.line, column: 4, key: EmissionSpecies.co2Total,
                                 message: "the CO2 total alone cannot be split into fossil and land-use CO2 (they act differently on the carbon cycle); give Emissions|CO2|Energy and Industrial Processes or Emissions|CO2|AFOLU as well")
            }
        }
        guard !input.given.isEmpty else {
            throw InputError(file: path, line: rows[0].line, key: "\(input.model)|\(input.scenario)", message: "no emissions EarthBox can use in this scenario")
        }
        return input
    }

    static func checkRegion(_ row: Row, path: String, model: String) throws(InputError) {
        if row.region == "World" || row.region.hasPrefix(model + "|") || regionSets.contains(where: { $0.regions.contains(row.region) }) { return }
        let all = ["World"] + regionSets.flatMap { $0.regions.sorted() }
        var message = "unknown region: EarthBox sums World, a complete IAMC R5 or R10 region set, or the model's native regions '\(model)|…'"
        if let n = NearestName.suggestion(for: row.region, among: all) { message += "; did you mean '\(n)'?" }
        throw InputError(file: path, line: row.line, column: 3, key: row.region, message: message)
    }

    /// The World row, or the sum of a complete region set; values converted to the model unit.
    static func combineRegions(_ rows: [Row], species: EmissionSpecies, path: String, notes: inout [String], native: Set<String>) throws(InputError) -> ScenarioInput.Given {
        func converted(_ row: Row) throws(InputError) -> ScenarioInput.Given {
            let factor: Double
            switch species.factor(unit: row.unit) {
            case .success(let f): factor = f
            case .failure(let problem): throw InputError(file: path, line: row.line, column: 5, key: "\(row.region)|\(row.variable)", message: problem.message)
            }
            return ScenarioInput.Given(years: row.cells.map(\.year), values: row.cells.map { $0.value * factor }, variable: row.variable,
                                       line: row.line, unit: row.unit, regions: [row.region])
        }
        if let world = rows.first(where: { $0.region == "World" }) {
            if rows.count > 1 { notes.append("\(world.variable): the World row (line \(world.line)) is used; \(rows.count - 1) regional rows are not") }
            return try converted(world)
        }
        let regions = Set(rows.map(\.region))
        let sets = regionSets + (native.isEmpty ? [] : [(name: "native \(rows[0].model)", regions: native)])
        guard let set = sets.first(where: { regions.isSubset(of: $0.regions) }) else {
            throw InputError(file: path, line: rows[0].line, column: 3, key: rows[0].variable, message: "regions \(regions.sorted().joined(separator: ", ")) mix region sets and there is no World row")
        }
        guard regions == set.regions else {
            throw InputError(file: path, line: rows[0].line, column: 3, key: rows[0].variable,
                             message: "no World row and the \(set.name) regions are incomplete: \(set.regions.subtracting(regions).sorted().joined(separator: ", ")) missing")
        }
        let ordered = rows.sorted { $0.region < $1.region }
        var total = try converted(ordered[0])
        for row in ordered.dropFirst() { total = try sum(total, try converted(row), path: path, what: row.variable) }
        total.regions = ordered.map(\.region)
        notes.append("\(rows[0].variable): World = sum of the \(set.name) regions" + (set.name.hasPrefix("native") ? " (the \(set.regions.count) this scenario names anywhere; EarthBox cannot know native regions a file never names)" : "") + " (lines \(ordered.map { String($0.line) }.joined(separator: ", ")))")
        return total
    }

    /// Series summed year by year; both must give the same years.
    static func sum(_ a: ScenarioInput.Given, _ b: ScenarioInput.Given, path: String, what: String) throws(InputError) -> ScenarioInput.Given {
        guard a.years == b.years else {
            throw InputError(file: path, line: b.line, key: what, message: "gives other years than line \(a.line) (\(b.years.count) vs \(a.years.count) values); the rows to add must give the same years")
        }
        var out = a
        for j in out.values.indices { out.values[j] += b.values[j] }
        return out
    }

    static func difference(_ a: ScenarioInput.Given, _ b: ScenarioInput.Given, path: String) throws(InputError) -> ScenarioInput.Given {
        var negative = b
        negative.values = b.values.map { -$0 }
        var out = try sum(a, negative, path: path, what: a.variable)
        out.line = a.line
        return out
    }
}
