#if canImport(Glibc)
import Glibc
#endif

/// Meridional transport of a run's anomalies as diffusion of near-surface moist static energy h = c_p T + L q with
/// q at fixed relative humidity, not of temperature alone (Hwang & Frierson 2010, GRL 37, L24807; Armour, Siler,
/// Donohoe & Roe 2019, J. Clim 32, 3655). Warm air carries more latent heat per kelvin, so a warming of the moist
/// tropics drives more heat poleward than the same warming at the dry poles: the diffusive transport's share of
/// polar amplification that a dry EBM misses.
///
/// Linearised about the preindustrial climatology, Δh/c_p = γ(T)·ΔT with γ = 1 + (L/c_p)·RH·dq_s/dT; the
/// climatology keeps North's dry D.
///
/// Off by default (relative humidity 0): in this model it lifts the Arctic amplification of SSP2-4.5 into AR6's
/// 2–4 but also exports so much of the tropical warming (tropics 0.65–0.7 of the global warming, CMIP6 ≈ 0.85)
/// that the deep tropics, not the Southern Ocean, warm least.
public enum MoistTransport {
    /// Latent heat of vaporisation, J kg⁻¹, and specific heat of air, J kg⁻¹ K⁻¹ (Armour et al. 2019).
    static let latentHeat = 2.5e6
    static let airHeatCapacity = 1004.0
    /// Surface pressure, hPa, for the saturation specific humidity.
    static let pressure = 1000.0

    /// Saturation specific humidity at T (°C): e_s = 6.112 exp(17.67 T / (T + 243.5)) hPa (Bolton 1980, Mon. Wea.
    /// Rev. 108, 1046), q_s = 0.622 e_s / p; and its derivative in T.
    static func saturation(_ t: Double) -> (q: Double, slope: Double) {
        let es = 6.112 * exp(17.67 * t / (t + 243.5))
        let q = 0.622 * es / pressure
        return (q, q * 17.67 * 243.5 / ((t + 243.5) * (t + 243.5)))
    }

    /// γ of each band at its preindustrial temperature (°C).
    public static func factors(temperature: [Double], relativeHumidity rh: Double) -> [Double] {
        temperature.map { 1 + latentHeat / airHeatCapacity * rh * saturation($0).slope }
    }

    /// The transport of a run's anomalies.
    public static func diffusion(grid: LatitudeGrid, dry: Double, temperature t: [Double], relativeHumidity rh: Double) -> MeridionalDiffusion {
        // The moist diffusivity makes the anomaly diffusivity D_m·γ equal the dry D at the edge of the strongest
        // preindustrial transport (midlatitudes, where eddies carry it), so the dry climatology and the moist
        // anomalies agree where the transport is largest.
        let gamma = factors(temperature: t, relativeHumidity: rh)
        var peak = 0.0, reference = 1.0
        for b in 0..<max(0, grid.count - 1) {
            let xe = grid.northEdgesSine[b], flux = (1 - xe * xe) * abs(t[b + 1] - t[b]) / (grid.centresSine[b + 1] - grid.centresSine[b])
            if flux > peak { peak = flux; reference = 0.5 * (gamma[b] + gamma[b + 1]) }
        }
        let moist = dry / reference
        return MeridionalDiffusion(grid: grid, moist: moist, factor: gamma)
    }
}
