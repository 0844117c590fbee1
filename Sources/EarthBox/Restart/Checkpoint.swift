/// A restart file of one run (CESM's ERS practice): the member's complete prognostic state (the flat state vector,
/// the year and the random stream) and the record so far, so a run continued from it produces exactly the output
/// of the uninterrupted run. A fingerprint of the resolved namelist refuses restarts with a different configuration.
public struct Checkpoint: Sendable {
    public static let magic: UInt64 = 0x3230_544B_4342_4245   // "EBCKPT02" little-endian (02: zonal record added)
    public var state: ModelState
    public var record: RunRecord
    public var fingerprint: UInt64

    public init(state: ModelState, record: RunRecord, fingerprint: UInt64) {
        self.state = state; self.record = record; self.fingerprint = fingerprint
    }

    /// FNV-1a hash of a configuration's resolved namelist, without the run's end year, name and output folder
    /// (those may change on restart: a run can be extended or written elsewhere).
    public static func fingerprint(_ c: RunConfiguration) -> UInt64 {
        var run = c
        run.run.endYear = 0; run.run.runName = ""; run.run.outputDirectory = ""
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in run.resolvedNamelist.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    public func encoded() -> [UInt8] {
        var w = BinaryWriter()
        w.append(Self.magic)
        w.append(fingerprint)
        w.append(state.year)
        w.append(state.values)
        w.append(state.random.state.0); w.append(state.random.state.1); w.append(state.random.state.2); w.append(state.random.state.3)
        w.append(record.firstYear)
        w.append(record.layerCount)
        w.append(record.values)
        w.append(record.layerTemperature)
        w.append(record.bandCount)
        w.append(record.zonal)
        return w.bytes
    }

    public static func decode(_ bytes: [UInt8], layout: StateLayout) -> Checkpoint? {
        var r = BinaryReader(bytes)
        guard r.uint64() == magic, let fingerprint = r.uint64(), let year = r.int(), let values = r.doubles(),
              values.count == layout.count,
              let s0 = r.uint64(), let s1 = r.uint64(), let s2 = r.uint64(), let s3 = r.uint64(),
              let firstYear = r.int(), let layerCount = r.int(), layerCount == layout.layerCount,
              let recordValues = r.doubles(), let layers = r.doubles(), let bandCount = r.int(), bandCount == layout.bandCount,
              let zonal = r.doubles(), r.isAtEnd,
              recordValues.count % Diagnostic.count == 0,
              layers.count == recordValues.count / Diagnostic.count * layerCount,
              zonal.count == recordValues.count / Diagnostic.count * ZonalDiagnostic.count * bandCount else { return nil }
        var state = ModelState(year: year, layout: layout, seed: 0)
        state.values = values
        state.random.state = (s0, s1, s2, s3)
        let years = recordValues.count / Diagnostic.count
        var record = RunRecord(firstYear: firstYear, layerCount: layerCount, bandCount: bandCount, capacity: years)
        let perYear = ZonalDiagnostic.count * bandCount
        recordValues.withUnsafeBufferPointer { v in
            layers.withUnsafeBufferPointer { l in
                zonal.withUnsafeBufferPointer { z in
                    for y in 0..<years {
                        record.append(diagnostics: v.baseAddress! + y * Diagnostic.count, layers: l.baseAddress! + y * layerCount,
                                      zonal: z.baseAddress! + y * perYear)
                    }
                }
            }
        }
        guard record.yearCount == 0 || record.lastYear == year - 1 else { return nil }
        return Checkpoint(state: state, record: record, fingerprint: fingerprint)
    }

    /// Writes the checkpoint atomically; returns an error text on failure.
    public func write(to path: String) -> String? { BinaryFile.writeAtomically(encoded(), to: path) }

    /// Reads a checkpoint written for `plan`'s configuration; problems are `InputError`s naming the file.
    public static func read(path: String, plan: RunPlan) throws(InputError) -> Checkpoint {
        guard let bytes = BinaryFile.read(path) else { throw InputError(file: path, message: "cannot read checkpoint file") }
        guard let checkpoint = decode(bytes, layout: plan.simulation.model.layout) else {
            throw InputError(file: path, message: "not an EarthBox checkpoint of this model layout (or truncated)")
        }
        guard checkpoint.fingerprint == fingerprint(plan.configuration) else {
            throw InputError(file: path, message: "checkpoint was written with a different configuration than \(plan.configuration.source)")
        }
        guard checkpoint.record.firstYear == plan.firstYear, checkpoint.state.year <= plan.lastYear + 1 else {
            throw InputError(file: path, message: "checkpoint covers \(checkpoint.record.firstYear)-\(checkpoint.state.year - 1), which does not fit the run's \(plan.firstYear)-\(plan.lastYear)")
        }
        return checkpoint
    }
}

extension RunPlan {
    /// Runs (or continues `from` a checkpoint) through the last year, writing a checkpoint at the end of each of
    /// `checkpointYears` via `write(checkpoint, year)`. The record equals the uninterrupted run's bit for bit:
    /// the step is a function of the state vector, the random stream and the drivers only.
    /// A writer that throws (e.g. a restart file that cannot be written) stops the run with its error.
    public func run(from checkpoint: Checkpoint? = nil, checkpointYears: [Int] = [],
                    write: (Checkpoint, Int) throws -> Void) rethrows -> RunRecord {
        let fingerprint = Checkpoint.fingerprint(configuration)
        var state = checkpoint?.state ?? simulation.model.initialState(year: firstYear, seed: UInt64(configuration.model.variability.seed))
        var record = checkpoint?.record ?? RunRecord(firstYear: firstYear, layerCount: simulation.model.layout.layerCount,
                                                     bandCount: simulation.model.layout.bandCount, capacity: lastYear - firstYear + 1)
        for stop in (checkpointYears.filter { $0 >= state.year && $0 < lastYear }.sorted()) + [lastYear] where stop >= state.year {
            let part = simulation.run(from: &state, through: stop)
            record.append(part)
            if stop != lastYear { try write(Checkpoint(state: state, record: record, fingerprint: fingerprint), stop) }
        }
        return record
    }
}

extension RunRecord {
    /// Appends every year of `other`, which must start the year after this record ends.
    mutating func append(_ other: RunRecord) {
        precondition(yearCount == 0 ? other.firstYear == firstYear : other.firstYear == lastYear + 1)
        let perYear = ZonalDiagnostic.count * bandCount
        other.values.withUnsafeBufferPointer { v in
            other.layerTemperature.withUnsafeBufferPointer { l in
                other.zonal.withUnsafeBufferPointer { z in
                    for y in 0..<other.yearCount {
                        append(diagnostics: v.baseAddress! + y * Diagnostic.count, layers: l.baseAddress! + y * layerCount,
                               zonal: z.baseAddress! + y * perYear)
                    }
                }
            }
        }
    }
}

extension RunPlan {
    /// Runs (or continues `from` a checkpoint) through the last year, writing no checkpoint.
    public func run(from checkpoint: Checkpoint?, checkpointYears: [Int] = []) -> RunRecord {
        run(from: checkpoint, checkpointYears: checkpointYears) { _, _ in }
    }
}
