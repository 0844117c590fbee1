/// One year's drivers (a `DriverSeries` row) read by name: what the stages take from the scenario.
public struct DriverRow {
    public let values: UnsafePointer<Double>
    public let halogenCount: Int

    @inline(__always)
    public init(_ values: UnsafePointer<Double>, halogenCount: Int) { self.values = values; self.halogenCount = halogenCount }

    /// Fossil and industrial CO2, PgC yr⁻¹ (negative = geological removal).
    public var fossilCO2: Double { @inline(__always) get { values[DriverColumns.co2Fossil] } }
    /// Net land-use-change CO2, PgC yr⁻¹.
    public var landUseCO2: Double { @inline(__always) get { values[DriverColumns.co2LandUse] } }
    /// Tg CH4 yr⁻¹, Tg N2O yr⁻¹, Tg SO2 yr⁻¹.
    public var methane: Double { @inline(__always) get { values[DriverColumns.methane] } }
    public var nitrousOxide: Double { @inline(__always) get { values[DriverColumns.nitrousOxide] } }
    public var sulfur: Double { @inline(__always) get { values[DriverColumns.sulfur] } }
    /// kt yr⁻¹, one per halogenated gas.
    public var halogenEmissions: UnsafePointer<Double> { @inline(__always) get { values + DriverColumns.halogenEmissions } }
    /// Prescribed concentrations: CO2 ppm, CH4 and N2O ppb, halogenated gases ppt (NaN where not prescribed).
    public var co2Concentration: Double { @inline(__always) get { values[DriverColumns.co2Concentration(halogens: halogenCount)] } }
    public var methaneConcentration: Double { @inline(__always) get { values[DriverColumns.methaneConcentration(halogens: halogenCount)] } }
    public var nitrousOxideConcentration: Double {
        @inline(__always) get { values[DriverColumns.nitrousOxideConcentration(halogens: halogenCount)] }
    }
    public var halogenConcentrations: UnsafePointer<Double> {
        @inline(__always) get { values + DriverColumns.halogenConcentrations(halogens: halogenCount) }
    }
    /// Natural forcing, W m⁻².
    public var volcanicForcing: Double { @inline(__always) get { values[DriverColumns.volcanicForcing(halogens: halogenCount)] } }
    public var solarForcing: Double { @inline(__always) get { values[DriverColumns.solarForcing(halogens: halogenCount)] } }
}
