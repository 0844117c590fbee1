import Foundation
import Testing
@testable import EarthBox

/// The component contract as the coupler uses it: the layout is the components' slots, every diagnostic has one
/// producer and is written every year, and the coupler stays a list of short stages.
@Suite("Component contract") struct ComponentContractTests {
    static let configurations: [(String, RunConfiguration)] = [
        ("box", TestSupport.configuration(endYear: 1760)),
        ("18 bands", TestSupport.configuration(endYear: 1760) { $0.run.bands = 18 }),
        ("two-layer ocean", TestSupport.configuration(endYear: 1760) { $0.model.ocean.model = TwoLayerColumn.modelName }),
    ]

    @Test("the state vector is every registered component's slots, laid end to end without overlap")
    func layoutIsTheComponentsSlots() throws {
        for (name, configuration) in Self.configurations {
            let model = try TestSupport.model(configuration)
            let L = model.layout
            var global = [Int](repeating: 0, count: L.globalCount), band = [Int](repeating: 0, count: L.bandStride)
            for placed in L.slots {
                for k in 0..<placed.slot.count {
                    if placed.slot.scope == .global { global[placed.offset + k] += 1 } else { band[placed.offset + k] += 1 }
                }
                #expect(!placed.slot.units.isEmpty && !placed.slot.preindustrial.isEmpty)
            }
            #expect(global.allSatisfy { $0 == 1 } && band.allSatisfy { $0 == 1 }, "\(name)")
            #expect(L.count == L.globalCount + L.bandCount * L.bandStride && model.initialState(year: 0, seed: 1).values.count == L.count)
            #expect(Set(L.slots.map(\.component)).count == EarthSystemModel.components.count)
            #expect(L.offset(of: "ocean_temperature_change", band: 0) == L.globalCount)
        }
    }

    @Test("a model over a shared climatology steps to the bits of one built afresh; another zonal configuration's is not used")
    func sharedClimatologyIsTheFreshOne() throws {
        let inputs = try TestSupport.inputs.get()
        for bands in [1, 18] {
            let grid = LatitudeGrid(bands: bands, landFractionOneDegree: inputs.landFractionOneDegree)
            var member = ModelConfiguration()
            member.climate.equilibriumClimateSensitivity = 4.5   // differs from the climatology's owner outside &zonal
            var otherZonal = member
            otherZonal.zonal.longwaveIntercept = 212   // another preindustrial climate at any band count
            let shared = EnergyBalance.Climatology(zonal: ModelConfiguration().zonal, grid: grid)
            let foreign = EnergyBalance.Climatology(zonal: otherZonal.zonal, grid: grid)
            func model(_ climatology: EnergyBalance.Climatology?) -> EarthSystemModel {
                EarthSystemModel(configuration: member, grid: grid, halogenPreindustrialPPT: inputs.halogenPreindustrialPPT,
                                 reference: inputs.reference, climatology: climatology)
            }
            // Sixty years of each, state and diagnostics compared bit for bit.
            func trajectory(_ m: EarthSystemModel) -> [UInt64] {
                var state = m.initialState(year: inputs.drivers.firstYear, seed: 3)
                let workspace = m.makeWorkspace()
                var d = [Double](repeating: 0, count: Diagnostic.count), bits: [UInt64] = []
                inputs.drivers.values.withUnsafeBufferPointer { rows in
                    for year in inputs.drivers.firstYear..<(inputs.drivers.firstYear + 60) {
                        d.withUnsafeMutableBufferPointer {
                            m.step(&state, drivers: rows.baseAddress! + inputs.drivers.rowOffset(year: year), workspace: workspace, diagnostics: $0.baseAddress!)
                        }
                        bits += d.map(\.bitPattern)
                    }
                }
                return bits + state.values.map(\.bitPattern)
            }
            let fresh = trajectory(model(nil))
            let sharedIsFresh = trajectory(model(shared)) == fresh, foreignIgnored = trajectory(model(foreign)) == fresh
            #expect(sharedIsFresh, "\(bands) bands")
            #expect(foreignIgnored, "\(bands) bands: a foreign climatology must be ignored")
            // Not vacuous: the foreign climatology's own model is another model.
            let own = EarthSystemModel(configuration: otherZonal, grid: grid, halogenPreindustrialPPT: inputs.halogenPreindustrialPPT,
                                       reference: inputs.reference, climatology: foreign)
            #expect(own.energyBalance.preindustrialTemperature != model(nil).energyBalance.preindustrialTemperature)
            #expect(shared.preindustrialGlobalMeanKelvin.bitPattern == model(shared).energyBalance.preindustrialGlobalMeanKelvin.bitPattern)
        }
    }

    @Test("every diagnostic has exactly one producing component")
    func everyDiagnosticHasOneProducer() {
        let produced = EarthSystemModel.components.flatMap { $0.diagnostics }
        #expect(produced.count == Set(produced).count, "a diagnostic registered twice")
        #expect(Set(produced) == Set(Diagnostic.allCases), "missing: \(Set(Diagnostic.allCases).subtracting(produced).map(\.name))")
    }

    @Test("a step writes every global and zonal diagnostic")
    func everyDiagnosticIsWrittenEveryStep() throws {
        for (name, configuration) in Self.configurations {
            let plan = try TestSupport.plan(configuration)
            let model = plan.simulation.model, drivers = plan.simulation.drivers
            var state = model.initialState(year: drivers.firstYear, seed: 1)
            let workspace = model.makeWorkspace()
            var d = [Double](repeating: .nan, count: Diagnostic.count)
            var zonal = [Double](repeating: .nan, count: ZonalDiagnostic.count * model.layout.bandCount)
            var layers = [Double](repeating: .nan, count: model.layout.layerCount)
            drivers.values.withUnsafeBufferPointer { rows in
                model.step(&state, drivers: rows.baseAddress! + drivers.rowOffset(year: drivers.firstYear), workspace: workspace,
                           diagnostics: &d, layerTemperature: &layers, zonal: &zonal)
            }
            #expect(Diagnostic.allCases.filter { !d[$0.rawValue].isFinite }.isEmpty, "\(name): not written \(Diagnostic.allCases.filter { !d[$0.rawValue].isFinite })")
            #expect(zonal.allSatisfy(\.isFinite) && layers.allSatisfy(\.isFinite), "\(name)")
        }
    }

    /// The coupler reads as its stages: no function in Coupler/ longer than 60 lines.
    @Test func couplerFunctionsAreShort() throws {
        let folder = URL(fileURLWithPath: TestSupport.forcingDirectory).deletingLastPathComponent().appendingPathComponent("Sources/EarthBox/Coupler")
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".swift") {
            let lines = try String(contentsOfFile: folder.appendingPathComponent(file).path, encoding: .utf8).components(separatedBy: "\n")
            var i = 0
            while i < lines.count {
                let line = lines[i]
                guard line.contains("func "), !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") else { i += 1; continue }
                var depth = 0, j = i
                while j < lines.count, !lines[j].hasSuffix("{") { j += 1 }   // a signature may span lines
                repeat {
                    depth += lines[j].filter { $0 == "{" }.count - lines[j].filter { $0 == "}" }.count
                    j += 1
                } while depth > 0 && j < lines.count
                #expect(j - i <= 60, "\(file):\(i + 1) is \(j - i) lines")
                i += 1
            }
        }
    }
}
