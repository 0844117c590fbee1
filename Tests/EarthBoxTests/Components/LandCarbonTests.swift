import Testing
@testable import EarthBox

/// LandCarbon alone: Hector's simpleNbox pools (Hartin et al. 2015) with land use and permafrost.
@Suite("Component: LandCarbon") struct LandCarbonTests {
    static func pools(_ land: LandCarbon) -> [Double] {
        var v = [Double](repeating: 0, count: 5)
        v.withUnsafeMutableBufferPointer { land.setPreindustrial(LandCarbon.Pools($0.baseAddress!), share: 1) }
        return v
    }

    static func step(_ land: LandCarbon, _ v: inout [Double], co2Ratio: Double, warming: Double, landUse: Double) -> LandFluxes {
        v.withUnsafeMutableBufferPointer {
            land.step(LandCarbon.Pools($0.baseAddress!), .init(co2Ratio: co2Ratio, warming: warming, landUse: landUse, share: 1, dt: 1))
        }
    }

    static var withPermafrost: LandCarbonParameters {
        var p = LandCarbonParameters()
        p.permafrostEnabled = true
        return p
    }

    @Test("without forcing the preindustrial pools are a steady state: NPP = respiration, pools unchanged for 1000 years")
    func steadyState() {
        let land = LandCarbon(parameters: Self.withPermafrost)
        var v = Self.pools(land)
        let start = v
        for _ in 0..<1000 {
            let f = Self.step(land, &v, co2Ratio: 1, warming: 0, landUse: 0)
            #expect(abs(f.netBiomeProduction) < 1e-11 * f.npp)
        }
        for k in 0..<5 { #expect(abs(v[k] - start[k]) <= 1e-11 * max(start[k], 1), "pool \(k): \(start[k]) -> \(v[k])") }
    }

    @Test("every step's pool change equals its net biome production (CO2, warming, land use and regrowth, permafrost)")
    func conservesCarbon() {
        let land = LandCarbon(parameters: Self.withPermafrost)
        var v = Self.pools(land)
        var random = Xoshiro256StarStar(seed: 3)
        var worst = 0.0
        for _ in 0..<500 {
            let before = v.reduce(0, +)
            let f = Self.step(land, &v, co2Ratio: 1 + 2 * random.nextUnitInterval(), warming: 8 * random.nextUnitInterval() - 1,
                              landUse: 3 * random.nextUnitInterval() - 1)
            worst = max(worst, abs(v.reduce(0, +) - before - f.netBiomeProduction))
            #expect(v.allSatisfy { $0 >= 0 })
        }
        #expect(worst < 1e-9, "largest imbalance \(worst) PgC")
    }

    /// Reference: Hartin et al. 2015 (GMD 8, 939), NPP = NPP0 (1 + β ln C/C0) with NPP0 = 50 PgC yr⁻¹ and β = 0.36:
    /// 62.48 PgC yr⁻¹ at doubled CO2 (tolerance 1e-9: the formula is exact).
    @Test func fertilisedProductivityAtDoubledCO2() {
        var p = LandCarbonParameters()
        p.co2Fertilisation = 0.36
        let land = LandCarbon(parameters: p)
        var v = Self.pools(land)
        let f = Self.step(land, &v, co2Ratio: 2, warming: 0, landUse: 0)
        #expect(abs(f.npp - 62.476_649) < 1e-6)
    }
}
