import Testing
@testable import EarthBox

/// GSAT (`tas`) and blended GMST (`gmst_anomaly`, Cowtan et al. 2015) as separate outputs.
@Suite("GSAT and blended GMST")
struct BlendedTemperatureTests {
    static func change(_ r: RunRecord, _ d: Diagnostic) -> Double {
        r.mean(d, from: 2011, to: 2020) - r.mean(d, from: 1850, to: 1900)
    }

    /// AR6 WG1 Cross-Chapter Box 2.3: in models GSAT warms a few per cent more than blended GMST, and long-term
    /// changes of the two differ by at most 10 %. The box model has no sea ice to retreat: the two are equal.
    @Test func gsatWarmsAFewPercentMoreThanBlendedGMST() throws {
        let box = try TestSupport.ssp245.get()
        #expect(Self.change(box, .surfaceTemperature) == Self.change(box, .blendedSurfaceTemperature))
        let r = try EnergyInventoryTests.zonal36.get()
        let gsat = Self.change(r, .surfaceTemperature), gmst = Self.change(r, .blendedSurfaceTemperature)
        print("[gsat-gmst] 36 bands, 2011-2020 vs 1850-1900: GSAT \(gsat) K, GMST \(gmst) K, GSAT - GMST \(gsat - gmst) K (\(100 * (gsat / gmst - 1)) %)")
        #expect(gsat > gmst && gsat / gmst - 1 < 0.1, "GSAT \(gsat) K vs GMST \(gmst) K")
    }
}
