import Foundation
import Testing
@testable import EarthBox

/// The fuzz harness on the committed seed corpus and on every crash regression (Fuzz/regressions/<target>/),
/// without the sanitizer: what once crashed a reader must now be refused cleanly. The long runs are scripts/fuzz.sh.
@Suite struct FuzzCorpusTests {
    static let fuzz = TestSupport.repository.appendingPathComponent("Fuzz")

    static func files(_ folder: String, _ target: String) -> [URL] {
        let dir = fuzz.appendingPathComponent(folder).appendingPathComponent(target)
        return ((try? FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)) ?? [])
            .filter { !$0.lastPathComponent.hasPrefix(".") }.sorted { $0.path < $1.path }
    }

    @Test(arguments: FuzzHarness.targets)
    func seedCorpusAndRegressionsRunCleanly(target: String) throws {
        let seeds = Self.files("corpus", target)
        #expect(!seeds.isEmpty, "Fuzz/corpus/\(target) is empty")
        for url in seeds + Self.files("regressions", target) {
            FuzzHarness.run(target, Array(try Data(contentsOf: url)))
        }
    }

    /// The binary seeds are valid files of the current formats (regenerate with EARTHBOX_WRITE_FUZZ_SEEDS=1).
    @Test func binarySeedsAreCurrentAndDecode() throws {
        for (target, bytes) in FuzzHarness.binarySeeds() {
            let url = Self.fuzz.appendingPathComponent("corpus/\(target)/valid.bin")
            if ProcessInfo.processInfo.environment["EARTHBOX_WRITE_FUZZ_SEEDS"] != nil { try Data(bytes).write(to: url) }
            #expect(try Data(contentsOf: url) == Data(bytes), "\(url.path) is out of date")
        }
        let seeds = FuzzHarness.binarySeeds()
        #expect((try? Checkpoint.decodeChecked(seeds["checkpoint"]!, layout: FuzzHarness.checkpointLayout)) != nil)
        let task = EnsembleJournal.decode(seeds["journal"]!, task: FuzzHarness.journalTask, resultCount: FuzzHarness.journalResults,
                                          fingerprint: FuzzHarness.journalFingerprint)
        #expect((try? task.get()) == (0..<FuzzHarness.journalResults).map(Double.init))
    }
}
