import EarthBox
import Foundation

let dir = "Forcing"
let (drivers, pre) = try ScenarioDrivers.load(directory: dir, scenario: "ssp245")
let land = try ScenarioDrivers.landFractionOneDegree(directory: dir)
var config = ModelConfiguration()
let a = CommandLine.arguments.dropFirst().compactMap(Double.init)
if a.count > 0 { config.land.co2Fertilisation = a[0] }
if a.count > 1 { config.ocean.verticalDiffusivity = a[1] }
if a.count > 2 { config.oceanCarbon.gasTransferVelocity = a[2] }
if a.count > 3 { config.forcingAgents.aerosolCloudScale = a[3] }
if a.count > 4 { config.ocean.upwellingVelocity = a[4] }
if a.count > 5 { config.climate.heatUptakeEfficacy = a[5] }
if a.count > 6 { config.oceanCarbon.preindustrialSeaSurfaceTemperature = a[6] }
let grid = LatitudeGrid(bands: 1, landFractionOneDegree: land)
let reference = Array(drivers.values[0..<drivers.columnCount])
let model = EarthSystemModel(configuration: config, grid: grid, halogenPreindustrialPPT: pre, reference: reference)
let rec = Simulation(model: model, drivers: drivers).run(through: 2100)
for y in [1850, 1950, 2000, 2014, 2020, 2050, 2100] {
    print(y, String(format: "T=%.3f co2=%.1f ocean=%.2f nbp=%.2f nat=%.2f ch4=%.0f erf=%.2f aer=%.2f", rec.value(.surfaceTemperature, year: y), rec.value(.co2Concentration, year: y), rec.value(.oceanCarbonUptake, year: y), rec.value(.netBiomeProduction, year: y), rec.value(.netPrimaryProduction, year: y) - rec.value(.heterotrophicRespiration, year: y), rec.value(.methane, year: y), rec.value(.erfTotal, year: y), rec.value(.erfAerosolCloud, year: y) + rec.value(.erfAerosolRadiation, year: y)))
}
let t = rec.mean(.surfaceTemperature, from: 2011, to: 2020) - rec.mean(.surfaceTemperature, from: 1850, to: 1900)
let ohc = (rec.value(.oceanHeatContent, year: 2018) - rec.value(.oceanHeatContent, year: 1971)) / 1e21
print(String(format: "GMST=%.3f co2_2014=%.1f ocean=%.2f land=%.2f OHC=%.0f ZJ", t, rec.value(.co2Concentration, year: 2014), rec.mean(.oceanCarbonUptake, from: 2013, to: 2022), rec.mean(.netPrimaryProduction, from: 2013, to: 2022) - rec.mean(.heterotrophicRespiration, from: 2013, to: 2022), ohc))
if a.count > 5 { config.climate.heatUptakeEfficacy = a[5] }
config.climate.heatUptakeEfficacy = a.count > 5 ? a[5] : config.climate.heatUptakeEfficacy
let diag = DiagnosticExperiments(configuration: config, grid: grid, halogenPreindustrialPPT: pre, reference: reference)
let m = diag.run()
print(String(format: "ECSg=%.2f ECSeq=%.2f TCR=%.2f TCRE=%.2f ZEC50=%.3f flat1000=%.2f flatZEC=%.3f cdrPeak=%.2f@%d cdrEnd=%.2f", m.ecsGregory, m.ecsEquilibrium, m.tcr, m.tcre, m.zec50, m.flat10WarmingAt1000PgC, m.flat10Zec50, m.flat10CdrPeakWarming, m.flat10CdrPeakYear, m.flat10CdrWarmingAtZeroCumulative))
