import Testing
@testable import EarthBox

@Suite struct MinorForcingTests {
    // Reference: FaIR 2.x AR6 EESC baseline 344.3627591056 ppt (1750 concentrations, Br efficiency 45).
    // Tolerance ±0.001 ppt: FaIR used unrounded 1750 values (CH3Br 5.299997818, Halon-1211 0.004446573), the
    // table the rounded AR6 ones (5.3, 0.00445), a 1.5e-4 ppt difference (2e-8 W m⁻² of ozone ERF).
    @Test func eescPreindustrial() throws {
        let table = HalogenatedGasTable.all
        let e1750 = EquivalentEffectiveStratosphericChlorine.eesc(concentrationsPpt: HalogenatedGasTable.preindustrialConcentrations)
        #expect(abs(e1750 - 344.3627591056) < 0.001)
        let igcc1750 = try TestData.halogenConcentrations(year: 1750, names: table.map(\.name))
        #expect(abs(EquivalentEffectiveStratosphericChlorine.eesc(concentrationsPpt: igcc1750) - 344.3627591056) < 0.001)
    }

    // Reference: AR6 WG1 Table 7.8, ozone ERF 1750–2019 = 0.47 [0.24 to 0.71] W m⁻²; tolerance ±10 %.
    // Inputs: IGCC 2025 2019 CH4, N2O and EESC; RCMIP ssp245 2019 CO, NMVOC, NOx; no temperature feedback
    // (AR6's time series is the feedback-free fit). A −0.037 W m⁻² K⁻¹ feedback at +1.1 K must lower it by 0.0407.
    @Test func ozone2019() throws {
        let conc = try TestData.igccConcentrations()
        let c2019 = try #require(conc[2019])
        let names = HalogenatedGasTable.all.map(\.name)
        let eesc = EquivalentEffectiveStratosphericChlorine.eesc(concentrationsPpt: try TestData.halogenConcentrations(year: 2019, names: names))
        let i = 2019 - 1750
        let co = try TestData.rcmipEmissions("Emissions|CO")[i]
        let voc = try TestData.rcmipEmissions("Emissions|VOC")[i]
        let nox = try TestData.rcmipEmissions("Emissions|NOx")[i]
        let o3 = OzoneForcing.erf(methanePpb: c2019["CH4"]!, nitrousOxidePpb: c2019["N2O"]!, eescPpt: eesc,
                                  carbonMonoxideEmissions: co, nmvocEmissions: voc, noxEmissions: nox)
        print("2019 ozone ERF: \(o3) (EESC \(eesc) ppt)")
        #expect(abs(o3 / 0.47 - 1) < 0.10)
        let warm = OzoneForcing.erf(methanePpb: c2019["CH4"]!, nitrousOxidePpb: c2019["N2O"]!, eescPpt: eesc,
                                    carbonMonoxideEmissions: co, nmvocEmissions: voc, noxEmissions: nox, temperatureAnomaly: 1.1)
        #expect(abs((o3 - warm) - 0.0407) < 1e-9)
        // Zero at the references, ±1e-12.
        let p = OzoneForcingParameters()
        #expect(abs(OzoneForcing.erf(methanePpb: p.referenceMethane, nitrousOxidePpb: p.referenceNitrousOxide, eescPpt: p.referenceEESC,
                                     carbonMonoxideEmissions: p.referenceCarbonMonoxide, nmvocEmissions: p.referenceNMVOC,
                                     noxEmissions: p.referenceNOx)) < 1e-12)
    }

    // Reference: AR6 WG1 Table 7.8, stratospheric H2O 1750–2019 = 0.05 W m⁻²; tolerance ±0.002 from the CH4 ERF
    // route (AR6 method) with IGCC 2025 2019 concentrations, and ±0.002 from the concentration route.
    @Test func stratosphericWaterVapour2019() throws {
        let conc = try TestData.igccConcentrations()
        let c = try #require(conc[2019])
        let ch4ERF = MethaneForcing.erf(ch4: c["CH4"]!, n2o: c["N2O"]!)
        let viaERF = StratosphericWaterVapourForcing.erf(methaneERF: ch4ERF)
        let viaConc = StratosphericWaterVapourForcing.erf(methanePpb: c["CH4"]!)
        print("2019 strat. H2O: \(viaERF) (via CH4 ERF), \(viaConc) (via CH4 ppb)")
        #expect(abs(viaERF - 0.05) < 0.002)
        #expect(abs(viaConc - 0.05) < 0.002)
    }

    // Reference: AR6 WG1 Table 7.8, BC on snow 1750–2019 = +0.08 W m⁻², RCMIP ssp245 BC; tolerance ±0.001.
    @Test func blackCarbonOnSnow2019() throws {
        let bc = try TestData.rcmipEmissions("Emissions|BC")
        #expect(abs(BlackCarbonOnSnowForcing.erf(blackCarbon: bc[2019 - 1750]) - 0.08) < 0.001)
        #expect(abs(BlackCarbonOnSnowForcing.erf(blackCarbon: bc[0])) < 1e-12)
    }

    // Reference: AR6 WG1 Table 7.8, land use 1750–2019 = −0.20 W m⁻², from RCMIP ssp245 AFOLU CO2 summed
    // 1750–2019 (Mt CO2 → PgC); tolerance ±0.002.
    @Test func landUse2019() throws {
        let afolu = try TestData.rcmipEmissions("Emissions|CO2|MAGICC AFOLU")
        let gtCO2 = afolu[0...(2019 - 1750)].reduce(0, +) / 1000
        let pgC = gtCO2 * PhysicalConstants.carbonMolarMass / AtmosphericMass.carbonDioxideMolarMass
        let f = LandUseForcing.erf(cumulativeLandUseEmissionsPgC: pgC)
        print("2019 land-use ERF: \(f) (cumulative \(pgC) PgC)")
        #expect(abs(f - (-0.20)) < 0.002)
    }

    // Reference: Lee et al. 2021 / AR6 ch. 7 ERF code: contrails + aviation-induced cirrus 0.0574 W m⁻² in 2018,
    // RCMIP ssp245 aviation NOx; tolerance ±0.001. 2019 must sit inside AR6 Table 7.8's 0.06 [0.02 to 0.10].
    @Test func contrails() throws {
        let av = try TestData.rcmipEmissions("Emissions|NOx|MAGICC Fossil and Industrial|Aircraft")
        #expect(abs(ContrailForcing.erf(aviationNOx: av[2018 - 1750]) - 0.0574) < 0.001)
        #expect(0.02...0.10 ~= ContrailForcing.erf(aviationNOx: av[2019 - 1750]))
    }
}
