/// The base-climate plausibility check made after the model is built: in-range parameters can still combine into
/// an absurd preindustrial climate (a 188 K snowball from a low solar constant and high albedo, a 551 K hothouse
/// from a shallow longwave slope), and a run from it would report warming as if nothing were wrong.
public enum BaseClimateCheck {
    /// Area-weighted global mean of the preindustrial surface temperature, °C. Earth's is about 13.7 °C
    /// (14.0 °C for 1961–1990, Jones et al. 1999, Rev. Geophys. 37, 173, minus ~0.3 K to 1850–1900, IPCC AR6
    /// WG1 §2.3.1.1); CMIP6 models span about 12–15 °C. ±~10 K around it is refused as a likely input mistake.
    public static let plausibleGlobalMeanCelsius: ClosedRange<Double> = 5...25

    public static func globalMeanCelsius(_ model: EarthSystemModel) -> Double {
        model.energyBalance.preindustrialGlobalMeanKelvin - 273.15
    }

    /// Refuses a preindustrial climate outside the plausible range unless `&teaching allow_implausible_climate`.
    public static func check(_ model: EarthSystemModel, configuration c: RunConfiguration) throws(InputError) {
        let mean = globalMeanCelsius(model)
        let range = plausibleGlobalMeanCelsius
        guard !range.contains(mean), !c.teaching.allowImplausibleClimate else { return }
        let shown = mean.isFinite ? String(Double(Int((mean + 273.15) * 10)) / 10) + " K" : "\(mean)"
        throw InputError(file: c.source,
                         message: "the preindustrial global mean surface temperature of this configuration is \(shown), outside the plausible "
                             + "\(range.lowerBound + 273.15)-\(range.upperBound + 273.15) K (Earth: about 286.9 K); check &zonal solar_constant, "
                             + "albedo_global, ice_albedo, longwave_intercept and longwave_slope, or set &teaching allow_implausible_climate = .true. for a lab")
    }
}
