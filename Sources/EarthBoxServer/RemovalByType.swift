import EarthBox

/// How the pathway's CO2 removals are done (CDRMIP's routes, Keller et al. 2018, GMD 11, 1133): afforestation and
/// reforestation (carbon into vegetation and soil, which warming and turnover can release again) and ocean alkalinity
/// enhancement (carbonate chemistry) each up to a capacity that ramps up linearly from its start year; the rest goes
/// to a permanent geological store (DACCS, BECCS). The split never changes the pathway's nominal removals, so any two
/// splits remove the same carbon on paper and differ only in what the Earth system does with it.
///
/// A simulator request group (`&removal_by_type` in the page's namelist), decoded by `NamelistField` like the model's
/// groups so its values get the namelist's range messages.
public struct RemovalByType: Sendable, Equatable {
    /// Largest removal by afforestation/reforestation, Gt CO2 yr⁻¹, reached `landRampYears` after `landStartYear`.
    public var landCapacity = 0.0
    public var landStartYear = 2030
    public var landRampYears = 20
    /// Largest nominal removal by ocean alkalinity enhancement, Gt CO2 yr⁻¹ (the alkalinity that binds it).
    public var oceanCapacity = 0.0
    public var oceanStartYear = 2030
    public var oceanRampYears = 20

    public init() {}

    /// Mol CO2 taken up per mol of alkalinity added at today's surface chemistry (Renforth & Henderson 2017, Rev.
    /// Geophys. 55, 636: ≈ 0.8): the nominal removal of 1 Pmol of alkalinity is 0.8 × 12.011 PgC.
    public static let co2PerAlkalinity = 0.8
    public static let pgCPerPmolAlkalinity = co2PerAlkalinity * PhysicalConstants.carbonMolarMass

    public var isActive: Bool { landCapacity > 0 || oceanCapacity > 0 }

    /// Fraction of a capacity available in `year`: 0 before the start, rising linearly to 1 over the ramp.
    static func ramp(_ year: Int, start: Int, years: Int) -> Double {
        guard year >= start else { return 0 }
        return years == 0 ? 1 : min(1, Double(year - start + 1) / Double(years))
    }

    /// The removals of one year, Mt CO2 yr⁻¹, split into (geological, land, ocean): land first, then the ocean, each
    /// up to its ramped capacity, the rest geological.
    public func split(_ removals: Double, year: Int) -> (geological: Double, land: Double, ocean: Double) {
        let r = max(removals, 0)
        let land = min(r, landCapacity * 1000 * Self.ramp(year, start: landStartYear, years: landRampYears))
        let ocean = min(r - land, oceanCapacity * 1000 * Self.ramp(year, start: oceanStartYear, years: oceanRampYears))
        return (r - land - ocean, land, ocean)
    }

    public enum Route: String, CaseIterable, Sendable { case geological, land, ocean }

    /// Moves the land and ocean parts of `removals` (Mt CO2 yr⁻¹ by year from `firstYear`) out of the net fossil CO2
    /// driver (where the pathway put all of them, as a geological store, which is the same for the atmosphere:
    /// CarbonRemovalTests) into the model's land-removal and ocean-alkalinity drivers. `omitting` a route leaves its
    /// removals undone (its gross emissions reach the atmosphere): the counterfactual that measures the route's effect.
    public func apply(removals: [Double], firstYear: Int, to drivers: inout DriverSeries, omitting: Route? = nil) {
        let h = drivers.halogenCount, mt = RegionalComposition.mtCO2PerPgC
        for (j, r) in removals.enumerated() {
            let year = firstYear + j
            guard year >= drivers.firstYear, year <= drivers.lastYear else { continue }
            let s = split(r, year: year)
            let land = omitting == .land ? 0 : s.land, ocean = omitting == .ocean ? 0 : s.ocean
            let undone = s.land + s.ocean + (omitting == .geological ? s.geological : 0)
            guard undone > 0 else { continue }
            drivers[year, DriverColumns.co2Fossil] += undone / mt
            if land > 0 { drivers[year, DriverColumns.landRemoval(halogens: h)] += land / mt }
            if ocean > 0 { drivers[year, DriverColumns.oceanAlkalinity(halogens: h)] += ocean / mt / Self.pgCPerPmolAlkalinity }
        }
    }

    /// Cumulative nominal removals of each route over `years`, PgC.
    public func cumulative(removals: [Double], firstYear: Int, years: ClosedRange<Int>) -> [Route: Double] {
        var out: [Route: Double] = [.geological: 0, .land: 0, .ocean: 0]
        for (j, r) in removals.enumerated() where years.contains(firstYear + j) {
            let s = split(r, year: firstYear + j)
            out[.geological]! += s.geological / RegionalComposition.mtCO2PerPgC
            out[.land]! += s.land / RegionalComposition.mtCO2PerPgC
            out[.ocean]! += s.ocean / RegionalComposition.mtCO2PerPgC
        }
        return out
    }
}

extension RemovalByType: NamelistGroup {
    public static let groupName = "removal_by_type"
    public static let fields: [NamelistField<RemovalByType>] = [
        .real("land_removal_capacity", \.landCapacity, range: 0...20, unit: "Gt CO2 yr-1",
              "largest part of the pathway's removals done by afforestation/reforestation", citation: "Keller et al. 2018, GMD 11, 1133"),
        .integer("land_removal_start_year", \.landStartYear, range: 2023...2100, unit: "yr", "first year of afforestation/reforestation"),
        .integer("land_removal_ramp_years", \.landRampYears, range: 0...100, unit: "yr", "years to reach the land capacity"),
        .real("ocean_alkalinity_capacity", \.oceanCapacity, range: 0...20, unit: "Gt CO2 yr-1",
              "largest nominal removal by ocean alkalinity enhancement (0.8 mol CO2 per mol alkalinity)", citation: "Renforth & Henderson 2017, Rev. Geophys. 55, 636"),
        .integer("ocean_alkalinity_start_year", \.oceanStartYear, range: 2023...2100, unit: "yr", "first year of ocean alkalinity enhancement"),
        .integer("ocean_alkalinity_ramp_years", \.oceanRampYears, range: 0...100, unit: "yr", "years to reach the ocean capacity"),
    ]
}

/// What one route's removals did, member by member: the run with them minus the run with them left undone (the same
/// members, the same physics, so the differences are paired), for the members `members` of the ensemble.
public struct RemovalEffect: Sendable {
    public let route: RemovalByType.Route
    /// Ensemble indices of the members measured; the arrays below are in this order.
    public let members: [Int]
    /// Removed on paper from the restart year to 2100, PgC.
    public let nominalPgC: Double
    /// Per member, 2100: CO2 change (ppm), warming change (K), carbon kept out of the atmosphere (PgC), and the
    /// change of peak warming (20-year running mean, K).
    public let co2Change2100: [Double]
    public let warmingChange2100: [Double]
    public let atmosphericCarbonAvoided2100: [Double]
    public let peakWarmingChange: [Double]

    /// `with` holds every member of the ensemble; `without` the `members` only, in their order.
    init(route: RemovalByType.Route, nominalPgC: Double, yearCount n: Int, firstYear: Int, members: [Int],
         with: ([Double], [Double]), without: ([Double], [Double])) {
        self.route = route
        self.nominalPgC = nominalPgC
        self.members = members
        let i = 2100 - firstYear
        func at(_ s: [Double], _ r: Recorded, _ k: Int) -> Double { s[(k * Recorded.count + r.rawValue) * n + i] }
        co2Change2100 = members.indices.map { at(with.0, .co2, members[$0]) - at(without.0, .co2, $0) }
        warmingChange2100 = members.indices.map { at(with.0, .tas, members[$0]) - at(without.0, .tas, $0) }
        atmosphericCarbonAvoided2100 = co2Change2100.map { -$0 * AtmosphericMass.pgCPerPpmCO2 }
        let p = ScenarioSummary.peakWarming.rawValue
        peakWarmingChange = members.indices.map {
            with.1[members[$0] * ScenarioSummary.count + p] - without.1[$0 * ScenarioSummary.count + p]
        }
    }
}
