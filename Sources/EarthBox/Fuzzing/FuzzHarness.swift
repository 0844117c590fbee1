/// What the libFuzzer targets in Fuzz/ run on each input: the namelist parser and decoder, the forcing-table and
/// IAMC readers (with the composition of a pathway onto a base scenario), and the checkpoint and journal
/// decoders. They live in the library so that the test suite replays the seed corpus and every crash regression
/// file through exactly this code without the sanitizer (FuzzCorpusTests). An input may be refused with an error;
/// it must never crash, hang or allocate without bound.
public enum FuzzHarness {
    public static let targets = ["namelist", "forcing", "iamc", "checkpoint", "journal"]

    public static func run(_ target: String, _ data: [UInt8]) {
        switch target {
        case "namelist": namelist(data)
        case "forcing": forcingTable(data)
        case "iamc": iamcTable(data)
        case "checkpoint": checkpoint(data)
        case "journal": journalTask(data)
        default: preconditionFailure("unknown fuzz target \(target)")
        }
    }

    public static func namelist(_ data: [UInt8]) {
        guard let text = String(validating: data, as: UTF8.self) else { return }   // Namelist.load refuses it
        guard let namelist = try? Namelist.parse(text: text, file: "fuzz.nml") else { return }
        _ = try? RunConfiguration.from(namelist)
    }

    public static func forcingTable(_ data: [UInt8]) {
        guard let table = try? ForcingTableParser.parse(data, path: "fuzz.csv") else { return }
        _ = try? ScenarioDrivers.drivers(from: table)
        for name in table.columnNames { _ = try? table.column(name, unit: table.units[name] ?? "") }
    }

    public static func iamcTable(_ data: [UInt8]) {
        guard let text = String(validating: data, as: UTF8.self), let table = try? IAMCTable.parse(text, path: "fuzz.csv") else { return }
        _ = try? RegionalComposition.compose(base: base, pathway: table, baseScenario: "ssp245")
    }

    /// Each input is decoded as it is and with its CRC-32C made valid, so that the fuzzer also explores the
    /// decoder behind the checksum (where the overflowing length fields were).
    public static func checkpoint(_ data: [UInt8]) {
        _ = try? Checkpoint.decodeChecked(data, layout: checkpointLayout)
        _ = try? Checkpoint.decodeChecked(withValidChecksum(data), layout: checkpointLayout)
    }

    public static func journalTask(_ data: [UInt8]) {
        for bytes in [data, withValidChecksum(data)] {
            _ = EnsembleJournal.decode(bytes, task: journalTask, resultCount: journalResults, fingerprint: journalFingerprint)
        }
    }

    // MARK: Fixed context and seeds

    static let base = DriverSeries(firstYear: 1750, yearCount: 751, halogenCount: HalogenatedGasTable.all.count)
    static let checkpointLayout = StateLayout(shape: ModelShape(bandCount: 2, layerCount: 3, halogenCount: HalogenatedGasTable.all.count),
                                              components: EarthSystemModel.components)
    static let journalTask = 7, journalResults = 40
    static let journalFingerprint: UInt64 = 0x0123_4567_89AB_CDEF

    static func withValidChecksum(_ data: [UInt8]) -> [UInt8] {
        guard data.count >= 4 else { return data }
        var w = BinaryWriter()
        let payload = Array(data.dropLast(4))
        w.append(CRC32C.checksum(payload))
        return payload + w.bytes
    }

    /// Valid inputs of the binary targets (the text targets' seeds are real files copied into Fuzz/corpus).
    public static func binarySeeds() -> [String: [UInt8]] {
        let layout = checkpointLayout
        var state = ModelState(year: 1753, layout: layout, seed: 3)
        for i in state.values.indices { state.values[i] = Double(i) * 0.5 }
        var record = RunRecord(firstYear: 1750, layerCount: layout.layerCount, bandCount: layout.bandCount, capacity: 3)
        let d = (0..<Diagnostic.count).map(Double.init), l = [1.0, 2, 3], z = (0..<(ZonalDiagnostic.count * layout.bandCount)).map(Double.init)
        for _ in 0..<3 { record.append(diagnostics: d, layers: l, zonal: z) }
        let checkpoint = Checkpoint(state: state, record: record, fingerprint: 42).encoded()
        let task = EnsembleJournal.encode(task: journalTask, result: (0..<journalResults).map(Double.init)[...], fingerprint: journalFingerprint)
        return ["checkpoint": checkpoint, "journal": task]
    }
}
