/// Physical constants shared by every component, each from the reference named beside it.
public enum PhysicalConstants {
    /// Mean Earth radius, m (IUGG; Moritz 2000).
    public static let earthRadiusMetres = 6.371e6
    /// Surface area of the Earth, m² (4πR²).
    public static let earthSurfaceAreaSquareMetres = 4 * Double.pi * earthRadiusMetres * earthRadiusMetres
    /// Julian year, s (IAU).
    public static let secondsPerYear = 365.25 * 86_400.0
    /// Reference seawater density, kg m⁻³ (Griffies et al. 2016, OMIP protocol, GMD 9, 3231).
    public static let seawaterDensity = 1025.0
    /// Specific heat of seawater, J kg⁻¹ K⁻¹ (TEOS-10 cp0; IOC, SCOR & IAPSO 2010).
    public static let seawaterHeatCapacity = 3991.867_957_119_63
    /// Molar mass of carbon, g mol⁻¹ (IUPAC 2013 conventional value).
    public static let carbonMolarMass = 12.011
}
