/// Harmonisation of a scenario's emissions to the historical emissions the model runs through, by the methods of
/// aneris (Gidden et al. 2018, Environ. Model. Softw. 105, 187, doi:10.1016/j.envsoft.2018.04.002): the model value
/// in the harmonisation year H is made equal to history there by a ratio or an offset, which then converges
/// linearly to no change (ratio 1, offset 0) by the convergence year, so the harmonised series equals the raw one
/// from then on. H defaults to 2015, as in AR6 WG3 (Kikstra et al. 2022, GMD 15, 9075, §2.2).
public enum HarmonisationMethod: Sendable, Equatable, CustomStringConvertible {
    case reduceRatio(convergenceYear: Int)
    case reduceOffset(convergenceYear: Int)
    case constantRatio
    case constantOffset
    /// History is zero in H: the model series is kept as it is (aneris `hist_zero`).
    case historyZero

    /// The aneris name of the method (`reduce_ratio_2080`, `constant_ratio`, …).
    public var description: String {
        switch self {
        case .reduceRatio(let y): "reduce_ratio_\(y)"
        case .reduceOffset(let y): "reduce_offset_\(y)"
        case .constantRatio: "constant_ratio"
        case .constantOffset: "constant_offset"
        case .historyZero: "hist_zero"
        }
    }

    public var convergenceYear: Int? {
        switch self {
        case .reduceRatio(let y), .reduceOffset(let y): y
        default: nil
        }
    }

    /// `values[i]` is year `firstYear + i` (annual, starting at or before H); returns the harmonised values from H on
    /// (index 0 = H). `history` is the historical value in H.
    public func apply(_ values: [Double], firstYear: Int, harmonisationYear h: Int, history: Double) -> [Double] {
        let start = h - firstYear
        precondition(start >= 0 && start < values.count)
        let m = values[start]
        let ratio = m == 0 ? 1 : history / m, offset = history - m
        func fade(_ year: Int, _ final: Int) -> Double { final <= h ? 0 : max(0, Double(final - year) / Double(final - h)) }
        return values[start...].enumerated().map { i, v in
            let year = h + i
            // Exactly the history in H (ratio arithmetic would leave a rounding step).
            if i == 0 && self != .historyZero { return history }
            switch self {
            case .reduceRatio(let y): return v * (1 + (ratio - 1) * fade(year, y))
            case .reduceOffset(let y): return v + offset * fade(year, y)
            case .constantRatio: return v * ratio
            case .constantOffset: return v + offset
            case .historyZero: return v
            }
        }
    }

    /// The AR6 choice for `species`: the overrides of the AR6 climate-assessment workflow (Kikstra et al. 2022,
    /// Table/`harmonization` overrides: ratio to 2080 for fossil CO2, offset to 2150 for AFOLU CO2, constant ratio for
    /// the minor F-gases, ratio to 2150 for high-variance CO, OC, VOC and the main PFCs), else aneris's default
    /// decision tree (`default_method_choice`, Gidden et al. 2018 Fig. 3) from the history and the model series.
    public static func ar6Default(species: EmissionSpecies, history: Double, historyRecent: [Double], model: [Double], modelInH: Double) -> HarmonisationMethod {
        switch species.name {
        case "co2_fossil": return .reduceRatio(convergenceYear: 2080)
        case "co2_afolu": return .reduceOffset(convergenceYear: 2150)
        case "co", "oc", "nmvoc", "c2f6", "c6f14", "cf4": return .reduceRatio(convergenceYear: 2150)
        case "hfc125", "hfc134a", "hfc143a", "hfc227ea", "hfc23", "hfc32", "hfc4310mee", "sf6": return .constantRatio
        default: break
        }
        // aneris default_method_choice (v0.3): special cases first, then F-gases, high coefficient of variation, CO2, dH.
        if history == 0 { return .historyZero }
        if model.allSatisfy({ $0 == 0 }) { return .constantOffset }   // model_zero
        let negative = model.contains { $0 < 0 }
        if abs(modelInH) < 1e-8 * max(1, abs(history)) { return negative ? .reduceOffset(convergenceYear: 2080) : .constantOffset }
        if ["HFC", "PFC", "SF6"].contains(species.family) { return .constantRatio }
        if coefficientOfVariation(historyRecent) > 10 { return .reduceOffset(convergenceYear: 2150) }
        let dH = abs(history - modelInH) / abs(history)
        if dH < 0.5 { return .reduceRatio(convergenceYear: 2080) }
        return negative ? .reduceRatio(convergenceYear: 2100) : .constantRatio
    }

    /// |σ / μ| of the year-to-year changes (aneris `coeff_of_var`).
    static func coefficientOfVariation(_ s: [Double]) -> Double {
        guard s.count > 2 else { return 0 }
        let d = zip(s.dropFirst(), s).map { $0 - $1 }
        let mean = d.reduce(0, +) / Double(d.count)
        let variance = d.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(d.count)
        return mean == 0 ? .infinity : abs(variance.squareRoot() / mean)
    }
}
