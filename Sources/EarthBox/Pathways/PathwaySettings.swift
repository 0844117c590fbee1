import Foundation

/// The `&pathway` group: the few numbers `earthbox pathway` turns into a CO2 pathway file. The same namelist's
/// `&run` group says which base scenario it is composed with (`scenario`) and where the file goes (`pathway_file`).
public struct PathwaySettings: Sendable, Equatable {
    /// `World` for a global pathway, or a column of the national history file (e.g. `China`).
    public var region = "China"
    public var peakYear = 2030
    /// Net fossil CO2 emissions in the peak year, Gt CO2 yr⁻¹ (policy unit; the file is written in Mt CO2 yr⁻¹).
    public var peakEmissions = 12.5
    public var netZeroYear = 2060
    public var declineShape = "linear"
    /// e-folds over the decline (exponential, 3 ≈ 95 % of the cut done) or slope at mid-decline (logistic, 8).
    public var declineSteepness = 3.0
    /// Gross fossil emissions left at net zero, balanced by removals, Gt CO2 yr⁻¹ (e.g. hard-to-abate industry).
    public var residualEmissions = 0.0
    /// Net-negative phase after net zero: net removal rate, Gt CO2 yr⁻¹, and its length in years.
    public var removalRate = 0.0
    public var removalYears = 0
    /// CH4 and N2O emissions reach this fraction of the base scenario's by the net-zero year (linear from the first
    /// pathway year; world totals, since the data hold no regional non-CO2 split). 1 = follow the base scenario.
    public var nonCO2Fraction = 1.0
    /// Global Carbon Budget 2023 national territorial fossil emissions (MtC/yr): the repository's copy, see Observations/README.md.
    /// A relative path is relative to the working directory, as the other folders of a namelist.
    public var historyFile = "Observations/global-carbon-budget-2023-national-fossil-territorial-emissions_Year-China-World.csv"
    /// Domestic land sink counted towards net zero, PgC yr⁻¹ (0: net zero means zero net fossil CO2), and the range
    /// the report explores (empty: none). China: 0.12–1.11 PgC/yr across estimates (Cai, Cheng et al. 2021, Table 1).
    public var landSink = 0.0
    public var landSinkRange: [Double] = []
    /// Years over which the recent growth rate (start slope of the join to the peak) is measured.
    public var trendYears = 5

    public init() {}

    public var spec: PathwaySpec {
        var s = PathwaySpec()
        s.region = region
        s.peakYear = peakYear
        s.peakMtCO2 = peakEmissions * 1000
        s.netZeroYear = netZeroYear
        s.shape = DeclineShape(rawValue: declineShape) ?? .linear
        s.steepness = declineSteepness
        s.residualMtCO2 = residualEmissions * 1000
        s.removalRateMtCO2 = removalRate * 1000
        s.removalYears = removalYears
        s.landSinkMtCO2 = landSink * RegionalComposition.mtCO2PerPgC
        return s
    }
}

extension PathwaySettings: NamelistGroup {
    public static let groupName = "pathway"
    public static let fields: [NamelistField<PathwaySettings>] = [
        .string("region", \.region, allowed: nil, "'World' (global pathway) or a country column of history_file, e.g. 'China'"),
        .integer("peak_year", \.peakYear, range: 1900...2300, unit: "yr", "year of peak net fossil CO2 emissions"),
        .real("peak_emissions", \.peakEmissions, range: -1000...1000, unit: "Gt CO2 yr-1", "net fossil CO2 emissions in the peak year", citation: ""),
        .integer("net_zero_year", \.netZeroYear, range: 1900...2500, unit: "yr", "first year of net-zero fossil CO2"),
        .string("decline_shape", \.declineShape, allowed: DeclineShape.allCases.map(\.rawValue), "shape of the decline from the peak to net zero"),
        .real("decline_steepness", \.declineSteepness, range: 0.01...50, unit: "1", "e-folds (exponential) or mid-decline slope (logistic)", citation: ""),
        .real("residual_emissions", \.residualEmissions, range: 0...1000, unit: "Gt CO2 yr-1", "gross emissions left at net zero, balanced by removals", citation: ""),
        .real("removal_rate", \.removalRate, range: 0...1000, unit: "Gt CO2 yr-1", "net removal rate of the net-negative phase after net zero", citation: ""),
        .integer("removal_years", \.removalYears, range: 0...500, unit: "yr", "length of the net-negative phase"),
        .real("non_co2_fraction", \.nonCO2Fraction, range: 0...2, unit: "1", "CH4 and N2O reach this fraction of the base scenario by net zero", citation: ""),
        .string("history_file", \.historyFile, allowed: nil, "GCB national fossil CO2 file (MtC/yr) the pathway starts from"),
        .real("land_sink", \.landSink, range: 0...5, unit: "PgC yr-1", "domestic land sink counted towards net zero (accounting only)", citation: "Cai, Cheng et al. 2021, Table 1"),
        .realList("land_sink_range", \.landSinkRange, elementRange: 0...5, count: 2...2, unit: "PgC yr-1", "low and high land-sink estimates the report explores", citation: "Cai, Cheng et al. 2021, Table 1 (China: 0.12, 1.11)"),
        .integer("trend_years", \.trendYears, range: 1...30, unit: "yr", "years over which the recent emissions trend is measured"),
    ]
}
