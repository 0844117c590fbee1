/// A restart file of one run (CESM's ERS practice): the member's complete prognostic state (the flat state vector,
/// the year and the random stream) and the record so far, so a run continued from it produces exactly the output
/// of the uninterrupted run. A fingerprint of the resolved namelist refuses restarts with a different configuration;
/// a CRC-32C over the whole file refuses a damaged one.
public struct Checkpoint: Sendable {
    public static let magic: UInt64 = 0x3330_544B_4342_4245   // "EBCKPT03" little-endian (02: zonal record; 03: CRC-32C)
    static let olderMagics: Set<UInt64> = [0x3230_544B_4342_4245, 0x3130_544B_4342_4245]
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
        w.appendChecksum()
        return w.bytes
    }

    /// Why bytes are not a usable checkpoint.
    public enum DecodeProblem: Error, Equatable {
        case notACheckpoint, olderFormat, damaged, otherLayout
        var message: String {
            switch self {
            case .notACheckpoint: "not an EarthBox checkpoint (wrong magic number)"
            case .olderFormat: "checkpoint of an older EarthBox format without a checksum; write it again with this version"
            case .damaged: "the checkpoint is damaged (CRC-32C checksum mismatch, or truncated); it cannot be used"
            case .otherLayout: "checkpoint of a different model layout (bands, ocean layers or diagnostics) or inconsistent record"
            }
        }
    }

    public static func decode(_ bytes: [UInt8], layout: StateLayout) -> Checkpoint? {
        try? decodeChecked(bytes, layout: layout)
    }

    public static func decodeChecked(_ bytes: [UInt8], layout: StateLayout) throws(DecodeProblem) -> Checkpoint {
        var head = BinaryReader(bytes)
        let first = head.uint64()
        if let first, olderMagics.contains(first) { throw .olderFormat }
        guard first == magic else { throw .notACheckpoint }
        guard let payload = BinaryReader.verifiedPayload(bytes) else { throw .damaged }
        var r = BinaryReader(payload)
        guard r.uint64() == magic, let fingerprint = r.uint64(), let year = r.int(), let values = r.doubles(),
              values.count == layout.count,
              let s0 = r.uint64(), let s1 = r.uint64(), let s2 = r.uint64(), let s3 = r.uint64(),
              let firstYear = r.int(), let layerCount = r.int(), layerCount == layout.layerCount,
              let recordValues = r.doubles(), let layers = r.doubles(), let bandCount = r.int(), bandCount == layout.bandCount,
              let zonal = r.doubles(), r.isAtEnd,
              recordValues.count % Diagnostic.count == 0,
              layers.count == recordValues.count / Diagnostic.count * layerCount,
              zonal.count == recordValues.count / Diagnostic.count * ZonalDiagnostic.count * bandCount,
              (-100_000...100_000).contains(year), year - recordValues.count / Diagnostic.count == firstYear else { throw .otherLayout }
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
        return Checkpoint(state: state, record: record, fingerprint: fingerprint)
    }

    /// Writes the checkpoint atomically; returns an error text on failure.
    public func write(to path: String) -> String? { BinaryFile.writeAtomically(encoded(), to: path) }

    /// Reads a checkpoint written for `plan`'s configuration; problems are `InputError`s naming the file.
    public static func read(path: String, plan: RunPlan) throws(InputError) -> Checkpoint {
        let bytes = try BinaryFile.read(path, limit: BoundedRead.checkpointLimit, what: "checkpoint file")
        let checkpoint: Checkpoint
        do { checkpoint = try decodeChecked(bytes, layout: plan.simulation.model.layout) } catch {
            throw InputError(file: path, message: error.message)
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
    /// A writer that throws (e.g. a restart file that cannot be written) stops the run with its error;
    /// `goOn(part)` sees each part before its checkpoint is written, and false ends the run there.
    public func run(from checkpoint: Checkpoint? = nil, checkpointYears: [Int] = [],
                    write: (Checkpoint, Int) throws -> Void = { _, _ in }, goOn: (RunRecord) -> Bool = { _ in true }) rethrows -> RunRecord {
        let fingerprint = Checkpoint.fingerprint(configuration)
        var state = checkpoint?.state ?? simulation.model.initialState(year: firstYear, seed: UInt64(configuration.model.variability.seed))
        var record = checkpoint?.record ?? RunRecord(firstYear: firstYear, layerCount: simulation.model.layout.layerCount,
                                                     bandCount: simulation.model.layout.bandCount, capacity: lastYear - firstYear + 1)
        for stop in (checkpointYears.filter { $0 >= state.year && $0 < lastYear }.sorted()) + [lastYear] where stop >= state.year {
            let part = simulation.run(from: &state, through: stop)
            guard goOn(part) else { break }
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
