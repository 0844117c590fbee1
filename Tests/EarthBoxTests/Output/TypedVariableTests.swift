import Foundation
import Testing
@testable import EarthBox

/// Integer and text variables (the ensemble file's `member`, `year` and `scenario` coordinates), and the reader of
/// ensemble files that splits them by scenario label.
@Suite("Typed NetCDF variables")
struct TypedVariableTests {
    static func ensembleLike() -> Dataset {
        let scenarios = ["ssp126", "ssp534-over"], members = 2, years = [2000, 2001, 2002]
        // tas_anomaly(scenario, member, time) = 100 * scenario + 10 * member + year index.
        var tas: [Double] = []
        for s in 0..<scenarios.count { for m in 0..<members { for t in years.indices { tas.append(Double(100 * s + 10 * m + t)) } } }
        return Dataset(
            dimensions: [Dimension(name: "scenario", length: 2), Dimension(name: "scenario_strlen", length: 11),
                         Dimension(name: "member", length: members), Dimension(name: "time", length: years.count),
                         Dimension(name: "bnds", length: 2)],
            variables: CFMetadata.timeAxis(years: years) + [
                Variable(name: "scenario", dimensions: ["scenario", "scenario_strlen"], strings: scenarios),
                Variable(name: "member", dimensions: ["member"], data: [0, 1], type: .int),
                Variable(name: "tas_anomaly", dimensions: ["scenario", "member", "time"], data: tas),
            ])
    }

    @Test func integerAndTextVariablesRoundTrip() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("typed.nc").path
        let written = Self.ensembleLike()
        try NetCDF.write(written, to: path)
        let back = try NetCDF.read(path: path)
        #expect(back == written)
        #expect(back.variable("scenario")?.strings == ["ssp126", "ssp534-over"])
        #expect(back.variable("year")?.type == .int && back.variable("year")?.data == [2000, 2001, 2002])
    }

    @Test func tooLongTextIsRejectedBeforeWriting() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var d = Self.ensembleLike()
        d.dimensions[1].length = 6   // "ssp534-over" needs 11 bytes
        let path = folder.appendingPathComponent("long.nc").path
        #expect(throws: NetCDFError.self) { try NetCDF.write(d, to: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func ensembleFileSplitsByScenarioLabel() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("ensemble.nc").path
        try NetCDF.write(Self.ensembleLike(), to: path)
        let runs = try RunSeries.load(path: path)
        #expect(runs.map(\.label) == ["ssp126", "ssp534-over", "ssp126", "ssp534-over"])
        // Member 1 of the second scenario: 100 + 10 + t.
        #expect(runs[3].series["tas"] == [110, 111, 112])
        #expect(runs[1].series["tas"] == [100, 101, 102])
        #expect(runs[0].firstYear == 2000)
    }
}
