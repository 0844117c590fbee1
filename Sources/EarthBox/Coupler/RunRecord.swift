/// The annual output of one run: every `Diagnostic` and the ocean temperature by layer, per year.
public struct RunRecord: Sendable {
    public let firstYear: Int
    public private(set) var yearCount = 0
    /// Year-major: `Diagnostic.count` values per year.
    public private(set) var values: [Double] = []
    /// Year-major: `layerCount` values per year (ocean-area-mean temperature change per layer, K).
    public private(set) var layerTemperature: [Double] = []
    public let layerCount: Int
    /// Year-major: `ZonalDiagnostic.count × bandCount` values per year (diagnostic-major within a year).
    public private(set) var zonal: [Double] = []
    public let bandCount: Int

    public init(firstYear: Int, layerCount: Int, bandCount: Int = 1, capacity: Int = 0) {
        self.firstYear = firstYear
        self.layerCount = layerCount
        self.bandCount = bandCount
        values.reserveCapacity(capacity * Diagnostic.count)
        layerTemperature.reserveCapacity(capacity * layerCount)
        zonal.reserveCapacity(capacity * ZonalDiagnostic.count * bandCount)
    }

    public var years: [Int] { (0..<yearCount).map { firstYear + $0 } }
    public var lastYear: Int { firstYear + yearCount - 1 }

    mutating func append(diagnostics: UnsafePointer<Double>, layers: UnsafePointer<Double>, zonal bands: UnsafePointer<Double>) {
        values.append(contentsOf: UnsafeBufferPointer(start: diagnostics, count: Diagnostic.count))
        layerTemperature.append(contentsOf: UnsafeBufferPointer(start: layers, count: layerCount))
        zonal.append(contentsOf: UnsafeBufferPointer(start: bands, count: ZonalDiagnostic.count * bandCount))
        yearCount += 1
    }

    /// One zonal diagnostic in year `year`, one value per band (south to north).
    public func zonal(_ diagnostic: ZonalDiagnostic, year: Int) -> [Double] {
        let start = (year - firstYear) * ZonalDiagnostic.count * bandCount + diagnostic.rawValue * bandCount
        return Array(zonal[start..<(start + bandCount)])
    }

    /// One zonal diagnostic averaged over the years `from…to`, one value per band.
    public func zonalMean(_ diagnostic: ZonalDiagnostic, from: Int, to: Int) -> [Double] {
        var sum = [Double](repeating: 0, count: bandCount)
        for y in from...to { for (b, x) in zonal(diagnostic, year: y).enumerated() { sum[b] += x } }
        return sum.map { $0 / Double(to - from + 1) }
    }

    /// A zonal diagnostic as a time × band array (year-major), for output.
    public func zonalSeries(_ diagnostic: ZonalDiagnostic) -> [Double] {
        var out = [Double]()
        out.reserveCapacity(yearCount * bandCount)
        for y in 0..<yearCount {
            let start = y * ZonalDiagnostic.count * bandCount + diagnostic.rawValue * bandCount
            out.append(contentsOf: zonal[start..<(start + bandCount)])
        }
        return out
    }

    /// One diagnostic as a time series.
    public func series(_ diagnostic: Diagnostic) -> [Double] {
        (0..<yearCount).map { values[$0 * Diagnostic.count + diagnostic.rawValue] }
    }

    public func value(_ diagnostic: Diagnostic, year: Int) -> Double {
        values[(year - firstYear) * Diagnostic.count + diagnostic.rawValue]
    }

    /// Mean of a diagnostic over the years `from…to` inclusive.
    public func mean(_ diagnostic: Diagnostic, from: Int, to: Int) -> Double {
        var sum = 0.0
        for y in from...to { sum += value(diagnostic, year: y) }
        return sum / Double(to - from + 1)
    }
}

/// Runs one member through a driver series, recording every year.
public struct Simulation: Sendable {
    public let model: EarthSystemModel
    public let drivers: DriverSeries

    public init(model: EarthSystemModel, drivers: DriverSeries) {
        self.model = model
        self.drivers = drivers
    }

    /// Runs from the preindustrial state at the start of `drivers.firstYear` through `lastYear`.
    /// The record's year Y holds the state at the end of year Y.
    public func run(through lastYear: Int? = nil, seed: UInt64 = 1) -> RunRecord {
        var state = model.initialState(year: drivers.firstYear, seed: seed)
        return run(from: &state, through: lastYear ?? drivers.lastYear)
    }

    /// Continues from `state` (for restarts and branches) through `lastYear`.
    public func run(from state: inout ModelState, through lastYear: Int) -> RunRecord {
        precondition(state.year >= drivers.firstYear && lastYear <= drivers.lastYear)
        let bands = model.layout.bandCount
        var record = RunRecord(firstYear: state.year, layerCount: model.layout.layerCount, bandCount: bands, capacity: lastYear - state.year + 1)
        let workspace = model.makeWorkspace()
        var diagnostics = [Double](repeating: 0, count: Diagnostic.count)
        var layers = [Double](repeating: 0, count: model.layout.layerCount)
        var zonal = [Double](repeating: 0, count: ZonalDiagnostic.count * bands)
        drivers.values.withUnsafeBufferPointer { rows in
            diagnostics.withUnsafeMutableBufferPointer { d in
                layers.withUnsafeMutableBufferPointer { l in
                    zonal.withUnsafeMutableBufferPointer { z in
                        while state.year <= lastYear {
                            let row = rows.baseAddress! + drivers.rowOffset(year: state.year)
                            model.step(&state, drivers: row, workspace: workspace, diagnostics: d.baseAddress!,
                                       layerTemperature: l.baseAddress!, zonal: z.baseAddress!)
                            record.append(diagnostics: d.baseAddress!, layers: l.baseAddress!, zonal: z.baseAddress!)
                        }
                    }
                }
            }
        }
        return record
    }
}
