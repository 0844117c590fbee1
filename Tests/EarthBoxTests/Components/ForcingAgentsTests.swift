import Testing
@testable import EarthBox

/// ForcingAgents alone: every agent's ERF from the year's concentrations and emissions, as the run computes it.
@Suite("Component: ForcingAgents") struct ForcingAgentsTests {
    static let halogens = HalogenatedGasTable.all
    static let gases = GasCycleParameters()

    static func reference() throws -> [Double] { try TestSupport.inputs.get().reference }

    static func agents(_ p: ForcingAgentParameters = ForcingAgentParameters()) throws -> ForcingAgents {
        let r = try reference()
        return ForcingAgents(parameters: p, gases: gases, halogens: halogens, halogenPreindustrialPPT: halogens.map(\.preindustrialConcentration),
                             referenceEmissions: Array(r[0..<DriverColumns.halogenEmissions]))
    }

    static func erf(_ agents: ForcingAgents, row: [Double], co2: Double = gases.preindustrialCO2PPM,
                    halogenPPT: [Double] = halogens.map(\.preindustrialConcentration), history: inout [Double]) -> ForcingAgents.Fluxes {
        history.withUnsafeMutableBufferPointer { h in
            halogenPPT.withUnsafeBufferPointer { ppt in
                row.withUnsafeBufferPointer { r in
                    agents.step(.init(history: h.baseAddress!), .init(
                        co2PPM: co2, methanePPB: gases.preindustrialMethanePPB, nitrousOxidePPB: gases.preindustrialNitrousOxidePPB,
                        halogenPPT: ppt.baseAddress!, drivers: DriverRow(r.baseAddress!, halogenCount: halogens.count),
                        cumulativeLandUseCarbon: 0, temperatureAnomaly: 0))
                }
            }
        }
    }

    @Test("at the preindustrial state every agent's forcing is exactly zero")
    func steadyState() throws {
        let agents = try Self.agents()
        var row = try Self.reference()
        row[DriverColumns.volcanicForcing(halogens: Self.halogens.count)] = 0
        row[DriverColumns.solarForcing(halogens: Self.halogens.count)] = 0
        var history = [Double](repeating: agents.preindustrialEESC, count: 3)
        let f = Self.erf(agents, row: row, history: &history).erf
        #expect(f == ForcingByAgent())
    }

    @Test("the run's aerosol–cloud and halogen forcing are the tested functions, bit for bit")
    func runUsesTheTestedFunctions() throws {
        var p = ForcingAgentParameters()
        p.aerosolCloudScale = 1.37
        let agents = try Self.agents(p)
        var random = Xoshiro256StarStar(seed: 2)
        for _ in 0..<50 {
            var row = try Self.reference()
            row[DriverColumns.sulfur] = 150 * random.nextUnitInterval()
            row[DriverColumns.blackCarbon] = 10 * random.nextUnitInterval()
            row[DriverColumns.organicCarbon] = 40 * random.nextUnitInterval()
            let ppt = Self.halogens.map { $0.preindustrialConcentration + 100 * random.nextUnitInterval() }
            var history = [Double](repeating: agents.preindustrialEESC, count: 3)
            let f = Self.erf(agents, row: row, halogenPPT: ppt, history: &history).erf
            let c = agents.parameters.aerosolCloud
            let aci = AerosolCloudForcing.erf(sulfurDioxide: row[DriverColumns.sulfur], blackCarbon: row[DriverColumns.blackCarbon],
                                              organicCarbon: row[DriverColumns.organicCarbon], parameters: c,
                                              referenceLogTerm: AerosolCloudForcing.referenceLogTerm(c), scale: 1.37)
            #expect(f.aerosolCloud == aci)
            #expect(f.halogens == HalogenatedGasForcing.totalERF(concentrationsPpt: ppt))
        }
    }

    /// Stratospheric halogen loading reaches ozone after three years (Newman et al. 2007): a step in EESC shows in
    /// the ozone forcing only in the fourth year.
    @Test func ozoneSeesTheEESCOfThreeYearsAgo() throws {
        let agents = try Self.agents()
        let row = try Self.reference()
        var ppt = Self.halogens.map(\.preindustrialConcentration)
        for (i, g) in Self.halogens.enumerated() where g.isMontrealGas { ppt[i] += 500 }
        var history = [Double](repeating: agents.preindustrialEESC, count: 3)
        let ozone = (0..<4).map { _ in Self.erf(agents, row: row, halogenPPT: ppt, history: &history).erf.ozone }
        #expect(ozone[0] == ozone[1] && ozone[1] == ozone[2])
        #expect(ozone[3] < ozone[2] - 0.01)
    }

    /// Reference: AR6 WG1 §7.3.2.1, ERF of 2×CO2 = 3.93 ± 0.47 W m⁻²; as the run computes it (tolerance ±0.05).
    @Test func doubledCO2() throws {
        let agents = try Self.agents()
        var history = [Double](repeating: agents.preindustrialEESC, count: 3)
        let f = Self.erf(agents, row: try Self.reference(), co2: 2 * Self.gases.preindustrialCO2PPM, history: &history).erf
        #expect(abs(f.co2 - 3.93) < 0.05, "ERF 2xCO2 \(f.co2)")
    }
}
