#if canImport(Glibc)
import Glibc
#endif

extension EarthSystemModel {
    /// Advances one member by one year.
    ///
    /// - Parameters:
    ///   - row: this year's drivers (a `DriverSeries` row).
    ///   - workspace: from `makeWorkspace()`, reused every step so the loop allocates nothing.
    ///   - diagnostics: `Diagnostic.count` values, filled with this year's global diagnostics.
    ///   - layerTemperature: if given, `layout.layerCount` values: ocean-area-mean temperature change per layer, K.
    ///   - zonal: if given, `ZonalDiagnostic.count × bandCount` values (diagnostic-major): this year's band diagnostics.
    public func step(_ state: inout ModelState, drivers row: UnsafePointer<Double>, workspace: ModelWorkspace,
                     diagnostics d: UnsafeMutablePointer<Double>, layerTemperature: UnsafeMutablePointer<Double>? = nil,
                     zonal: UnsafeMutablePointer<Double>? = nil) {
        withUnsafeMutablePointer(to: &state.random) { random in
            state.values.withUnsafeMutableBufferPointer { buffer in
                let year = Year(v: buffer.baseAddress!, random: random, drivers: DriverRow(row, halogenCount: layout.halogenCount),
                                workspace: workspace.scratch, record: DiagnosticRecord(global: d, zonal: zonal, bandCount: grid.count),
                                layerTemperature: layerTemperature, calendarYear: state.year)
                stepYear(year)
            }
        }
        state.year += 1
    }

    /// One year, stage by stage in physical order.
    @inline(__always)
    func stepYear(_ year: Year) {
        let start = startOfYear(year)
        stepGases(year, start)
        let land = stepLand(year, start)
        stepCarbon(year, land)
        let forcing = stepForcing(year, start)
        let melt = stepCryosphere(year, start)
        let imbalance = stepEnergyBalanceAndOceanHeat(year, forcing: forcing, melt: melt)
        closeLedger(year, imbalance: imbalance)
    }

    /// What every stage of one step works on.
    struct Year {
        let v: UnsafeMutablePointer<Double>
        let random: UnsafeMutablePointer<Xoshiro256StarStar>
        let drivers: DriverRow
        let workspace: ModelWorkspace.YearScratch
        let record: DiagnosticRecord
        let layerTemperature: UnsafeMutablePointer<Double>?
        /// Calendar year being stepped.
        let calendarYear: Int
        let dt = 1.0
    }

    /// Coupling fields at the start of the year.
    struct StartOfYear {
        /// Global surface warming, K.
        let warming: Double
        let co2PPM: Double
    }

    @inline(__always)
    func startOfYear(_ year: Year) -> StartOfYear {
        var warming = 0.0
        for b in 0..<grid.count { warming += grid.areaWeights[b] * surfaceTemperature(band: b, year.v) }
        let co2 = oceanCarbon.view(year.v, block: blocks.oceanCarbon).atmosphere.pointee / AtmosphericMass.pgCPerPpmCO2
        return StartOfYear(warming: warming, co2PPM: co2)
    }

    /// 1. CH4, N2O and halogenated gases from their emissions (or prescribed).
    @inline(__always)
    func stepGases(_ year: Year, _ start: StartOfYear) {
        let gases = gasCycles.view(year.v, block: blocks.gases)
        // Last year's CH4 from thawed permafrost joins the CH4 cycle.
        let permafrostMethane = land.globals(year.v, block: blocks.land).permafrostMethaneFlux * AtmosphericMass.tgCH4PerPgC
        gasCycles.step(gases, .init(drivers: year.drivers, temperatureAnomaly: start.warming, extraMethaneEmissions: permafrostMethane))
        year.record.put(.methane, gases.methane)
        year.record.put(.nitrousOxide, gases.nitrousOxide)
        year.record.put(.methaneEmissions, year.drivers.methane)
        year.record.put(.nitrousOxideEmissions, year.drivers.nitrousOxide)
    }

    /// 2. Land carbon of each band, from start-of-year CO2 and the band's land temperature.
    @inline(__always)
    func stepLand(_ year: Year, _ start: StartOfYear) -> LandFluxes {
        let pools = blocks.land.bands(year.v), surface = blocks.energyBalance.bands(year.v)
        // A radiatively coupled carbon cycle sees preindustrial CO2 (C4MIP -rad).
        let co2Ratio = configuration.carbonCoupling == .radiative ? 1 : start.co2PPM / configuration.gases.preindustrialCO2PPM
        // Cleared land does not grow its carbon back: productivity falls with the share of the preindustrial land carbon
        // that land use has taken (see `LandCarbon`). Land-based removal enters vegetation as negative land use does.
        let ledgerState = ledger.view(year.v, block: blocks.ledger), globals = land.globals(year.v, block: blocks.land)
        // (Each band loses its own share: the land-use shares are fixed, so a band's cumulative emissions are its share of the total.)
        let clearedShare = ledgerState.cumulativeLandUseCarbon / land.preindustrialCarbon
        let removal = year.drivers.landRemoval
        var total = LandFluxes()
        var vegetation = 0.0, litter = 0.0, soil = 0.0, frozen = 0.0, thawed = 0.0, carbon = 0.0
        for b in 0..<grid.count {
            let share = land.shares[b], p = LandCarbon.Pools(pools[b])
            let permafrostWarming = land.permafrostWarmingFactor * surface[b][0]   // 1 · x is x: the bands' own warming
            let f = land.step(p, .init(co2Ratio: co2Ratio, warming: surface[b][0], landUse: (year.drivers.landUseCO2 - removal) * land.landUseShares[b],
                                       share: share, productiveShare: share > 0 ? max(0, 1 - clearedShare * land.landUseShares[b] / share) : 1, permafrostShare: land.permafrostShares[b],
                                       permafrostWarming: permafrostWarming, dt: year.dt))
            total.npp += f.npp
            total.heterotrophicRespiration += f.heterotrophicRespiration
            total.landUseEmissions += f.landUseEmissions
            total.permafrostEmissions += f.permafrostEmissions
            total.permafrostMethane += f.permafrostMethane
            year.record.putZonal(.netBiomeProduction, b, f.netBiomeProduction)
            vegetation += p.vegetation; litter += p.litter; soil += p.soil + p.slowSoil
            frozen += p.permafrostFrozen; thawed += p.permafrostThawed
            let bandCarbon = landCarbon(pools[b])
            year.workspace.landCarbon[b] = bandCarbon
            carbon += bandCarbon
        }
        // The carbon leaving as CH4 is kept in the ledger; the CH4 cycle receives it next year.
        globals.permafrostMethaneCarbon += total.permafrostMethane * year.dt
        globals.permafrostMethaneFlux = total.permafrostMethane
        globals.cumulativeRemoval += removal * year.dt
        let r = year.record
        r.put(.netPrimaryProduction, total.npp)
        r.put(.heterotrophicRespiration, total.heterotrophicRespiration)
        r.put(.landUseEmissions, total.landUseEmissions)
        r.put(.permafrostEmissions, total.permafrostEmissions)
        r.put(.netBiomeProduction, total.netBiomeProduction)
        r.put(.landUseEmissionsRequested, year.drivers.landUseCO2)
        r.put(.vegetationCarbon, vegetation); r.put(.litterCarbon, litter); r.put(.soilCarbon, soil)
        r.put(.permafrostFrozenCarbon, frozen); r.put(.permafrostThawedCarbon, thawed)
        r.put(.permafrostMethaneEmissions, total.permafrostMethane)
        r.put(.naturalLandSink, total.npp - total.heterotrophicRespiration)
        r.put(.cumulativeLandUptake, carbon - initialLandCarbon)
        r.put(.landRemoval, removal)
        r.put(.cumulativeLandRemoval, globals.cumulativeRemoval)
        return total
    }

    /// 3. Atmosphere and ocean carbon, solved together (see `OceanCarbon`); the ledger books what entered.
    @inline(__always)
    func stepCarbon(_ year: Year, _ land: LandFluxes) {
        let carbon = oceanCarbon.view(year.v, block: blocks.oceanCarbon)
        let geological = year.drivers.geologicalRemoval
        var inputs = OceanCarbon.Inputs(fossilEmissions: year.drivers.fossilCO2, landUptake: land.netBiomeProduction,
                                        landMethane: land.permafrostMethane, geologicalRemoval: geological,
                                        alkalinity: year.drivers.oceanAlkalinity, prescribedCO2PPM: year.drivers.co2Concentration,
                                        oceanTemperature: blocks.ocean.bands(year.v), dt: year.dt,
                                        bandUptake: year.record.zonal(.oceanCarbonUptake))
        inputs.followsPrescribedCO2 = year.calendarYear < configuration.co2EmissionsStartYear
        let f = oceanCarbon.step(carbon, inputs, scratch: year.workspace.oceanCarbon)
        let ledgerState = ledger.view(year.v, block: blocks.ledger)
        ledger.addCarbon(ledgerState, fossil: f.fossilEmissions, landUse: land.landUseEmissions, geologicalRemoval: geological, dt: year.dt)
        let r = year.record
        let emitted = ledgerState.cumulativeFossilCarbon + ledgerState.cumulativeLandUseCarbon
        let airborne = carbon.atmosphere.pointee - configuration.gases.preindustrialCO2PPM * AtmosphericMass.pgCPerPpmCO2
        r.put(.airborneFraction, emitted != 0 ? airborne / emitted : 0)
        r.put(.geologicalRemoval, geological)
        r.put(.geologicalStorage, ledgerState.geologicalStorage)
        r.put(.oceanAlkalinityAddition, year.drivers.oceanAlkalinity)
        r.put(.co2Concentration, carbon.atmosphere.pointee / AtmosphericMass.pgCPerPpmCO2)
        r.put(.atmosphereCarbon, carbon.atmosphere.pointee * 1e12 * AtmosphericMass.carbonDioxideMolarMass / PhysicalConstants.carbonMolarMass)
        r.put(.oceanCarbonUptake, f.oceanUptake)
        r.put(.fossilEmissions, f.fossilEmissions)
        r.put(.oceanCarbonAnomaly, f.oceanCarbon)
        r.put(.surfaceOceanPCO2, f.surfacePCO2)
        r.put(.surfaceOceanPH, -_log(f.surfaceHydrogenIon) * 0.434_294_481_903_251_8)   // −log10
    }

    /// 4. Effective radiative forcing from end-of-year concentrations, and the stochastic forcing; returns the total, W m⁻².
    @inline(__always)
    func stepForcing(_ year: Year, _ start: StartOfYear) -> Double {
        let gases = gasCycles.view(year.v, block: blocks.gases)
        let co2PPM = oceanCarbon.view(year.v, block: blocks.oceanCarbon).atmosphere.pointee / AtmosphericMass.pgCPerPpmCO2
        let noise = grid.areaWeights.withUnsafeBufferPointer { w in
            variability.step(blocks.variability.bands(year.v), .init(random: year.random, areaWeights: w.baseAddress!),
                             scratch: year.workspace.variability)
        }
        // A biogeochemically coupled run's radiation sees preindustrial CO2 (C4MIP -bgc).
        let radiativeCO2 = configuration.carbonCoupling == .biogeochemical ? configuration.gases.preindustrialCO2PPM : co2PPM
        let agents = forcingAgents.step(forcingAgents.view(year.v, block: blocks.forcing), .init(
            co2PPM: radiativeCO2, methanePPB: gases.methane, nitrousOxidePPB: gases.nitrousOxide, halogenPPT: gases.halogens,
            drivers: year.drivers, cumulativeLandUseCarbon: ledger.view(year.v, block: blocks.ledger).cumulativeLandUseCarbon,
            temperatureAnomaly: start.warming))
        // The stochastic part enters each band's energy balance as its own (`stepEnergyBalanceAndOceanHeat`).
        let erf = agents.erf, forcing = erf.total
        let r = year.record
        r.put(.eesc, agents.eesc)
        r.put(.erfCO2, erf.co2); r.put(.erfMethane, erf.methane); r.put(.erfNitrousOxide, erf.nitrousOxide)
        r.put(.erfHalogens, erf.halogens); r.put(.erfOzone, erf.ozone); r.put(.erfStratosphericWaterVapour, erf.stratosphericWaterVapour)
        r.put(.erfAerosolRadiation, erf.aerosolRadiation); r.put(.erfAerosolCloud, erf.aerosolCloud)
        r.put(.erfLandUseAlbedo, erf.landUseAlbedo); r.put(.erfBlackCarbonOnSnow, erf.blackCarbonOnSnow); r.put(.erfContrails, erf.contrails)
        r.put(.erfVolcanic, erf.volcanic); r.put(.erfSolar, erf.solar); r.put(.erfStochastic, noise); r.put(.erfTotal, forcing + noise)
        r.put(.sulfurEmissions, year.drivers.sulfur)
        return forcing
    }

    /// 5a. The cryosphere's melt from the start-of-year climate: heat it takes from the surfaces this year, W m⁻².
    @inline(__always)
    func stepCryosphere(_ year: Year, _ start: StartOfYear) -> Double {
        let lost = grid.count > 1 ? seaIceLost(year.v, scratch: year.workspace.bands) : nil
        return cryosphere.step(cryosphere.view(year.v, block: blocks.cryosphere), .init(warming: start.warming, seaIceLost: lost, dt: year.dt))
    }

    /// Share of the Earth's surface that was sea ice in the preindustrial climate and is open ocean now (negative
    /// where ice has grown), from the current annual-mean ice cover; `scratch` holds 3 × bandCount values.
    func seaIceLost(_ v: UnsafeMutablePointer<Double>, scratch: UnsafeMutablePointer<Double>) -> Double {
        let n = grid.count, absolute = scratch, ice = scratch + n, a = energyBalance.albedo, e = energyBalance
        for b in 0..<n { absolute[b] = e.preindustrialTemperature[b] + surfaceTemperature(band: b, v) }
        a.seasonalCover(temperature: absolute, annual: ice, sunlit: scratch + 2 * n)
        var lost = 0.0
        for b in 0..<n {
            lost += grid.areaWeights[b] * grid.oceanFraction(b)
                * (a.seaIceCover(band: b, iceFraction: e.preindustrialAnnualCover[b]) - a.seaIceCover(band: b, iceFraction: ice[b]))
        }
        return lost
    }

    /// 5. Zonal energy balance: every band's land column and mixed layer, with meridional transport, over the ocean's
    /// columns, which take the heat down (the two meet only at the mixed layer). Returns the global TOA imbalance.
    @inline(__always)
    func stepEnergyBalanceAndOceanHeat(_ year: Year, forcing: Double, melt: Double) -> Double {
        let fluxes = energyBalance.step(blocks.energyBalance.bands(year.v), ocean: ocean, columns: blocks.ocean.bands(year.v),
                                        forcing: forcing, noise: variability.parameters.enabled ? blocks.variability.bands(year.v) : nil,
                                        melt: melt, dt: year.dt, convergence: year.record.zonal(.meridionalConvergence),
                                        scratch: year.workspace.energyBalance, oceanScratch: year.workspace.ocean)
        return recordClimate(year, fluxes)
    }

    /// The climate diagnostics of stage 5; returns the global TOA imbalance, W m⁻².
    @inline(__always)
    func recordClimate(_ year: Year, _ fluxes: EnergyBalance.HeatFluxes) -> Double {
        let v = year.v, r = year.record, columns = blocks.ocean.bands(v), land = blocks.energyBalance.bands(v)
        var imbalance = 0.0, deepUptake = 0.0, temperature = 0.0, sealevel = 0.0, oceanWeight = 0.0
        var landTemperature = 0.0, landWeight = 0.0, seaSurface = 0.0
        let absolute = year.workspace.bands, ice = absolute + grid.count
        for b in 0..<grid.count {
            let w = grid.areaWeights[b], fl = grid.landFraction[b]
            imbalance += w * fluxes.imbalance[b]
            deepUptake += w * fluxes.deep[b]
            let tas = surfaceTemperature(band: b, v)
            temperature += w * tas
            absolute[b] = energyBalance.preindustrialTemperature[b] + tas
            let ow = w * (1 - fl)
            sealevel += ow * ocean.thermostericRise(temperature: columns[b])
            seaSurface += ow * columns[b][0]
            oceanWeight += ow
            landTemperature += w * fl * land[b][0]
            landWeight += w * fl
            r.putZonal(.surfaceTemperature, b, tas)
            r.putZonal(.landSurfaceTemperature, b, land[b][0])
            r.putZonal(.seaSurfaceTemperature, b, columns[b][0])
            r.putZonal(.surfaceTemperatureAbsolute, b, absolute[b] + 273.15)
        }
        recordIce(year, absolute: absolute, ice: ice)
        r.put(.surfaceTemperature, temperature)
        r.put(.landSurfaceTemperature, landWeight > 0 ? landTemperature / landWeight : 0)
        r.put(.seaSurfaceTemperature, seaSurface / oceanWeight)
        r.put(.imbalance, imbalance)
        r.put(.deepOceanHeatUptake, deepUptake)
        r.put(.thermostericSeaLevel, sealevel / oceanWeight)
        if let layers = year.layerTemperature { recordLayers(v, into: layers, oceanWeight: oceanWeight) }
        return imbalance
    }

    /// Annual-mean snow and ice cover of each band and the ice edges; `ice` has room for 2 × bandCount values.
    @inline(__always)
    func recordIce(_ year: Year, absolute: UnsafeMutablePointer<Double>, ice: UnsafeMutablePointer<Double>) {
        energyBalance.albedo.seasonalCover(temperature: absolute, annual: ice, sunlit: ice + grid.count)
        var iceUnchanged = true, blended = 0.0
        let columns = blocks.ocean.bands(year.v), land = blocks.energyBalance.bands(year.v), a = energyBalance.albedo
        for b in 0..<grid.count {
            year.record.putZonal(.iceFraction, b, ice[b])
            iceUnchanged = iceUnchanged && ice[b] == energyBalance.preindustrialAnnualCover[b]
            // Blended GMST (Cowtan et al. 2015, GRL 42, 6526): air temperature over land and sea ice, SST over open
            // water. Water the ice has left since preindustrial times is at the freezing point the reference
            // climatology has under ice (HadSST's −1.8 °C), so its SST anomaly is zero, while the air above the
            // retreating ice warms with the band.
            let opened = max(0, a.seaIceCover(band: b, iceFraction: energyBalance.preindustrialAnnualCover[b]) - a.seaIceCover(band: b, iceFraction: ice[b]))
            let fl = grid.landFraction[b], ng = energyBalance.groundLayers.layerCount, iceShare = land[b][ng]
            // With an insulated sea-ice surface, the air over it is that surface's temperature.
            let sea = iceShare > 0 ? iceShare * land[b][ng + 1] + max(0, 1 - iceShare - opened) * columns[b][0] : (1 - opened) * columns[b][0]
            blended += grid.areaWeights[b] * (fl * land[b][0] + (1 - fl) * sea)
        }
        year.record.put(.blendedSurfaceTemperature, blended)
        // The box model's ice never moves: skip the two arcsines (a few per cent of a step).
        let iceEdges = iceUnchanged ? energyBalance.preindustrialIceEdges : SurfaceAlbedo.iceEdges(grid: grid, iceFraction: ice)
        year.record.put(.iceEdgeNorth, iceEdges.north)
        year.record.put(.iceEdgeSouth, iceEdges.south)
    }

    /// Ocean-area-mean temperature change of each layer, K.
    func recordLayers(_ v: UnsafeMutablePointer<Double>, into layers: UnsafeMutablePointer<Double>, oceanWeight: Double) {
        let columns = blocks.ocean.bands(v)
        for k in 0..<layout.layerCount {
            var sum = 0.0
            for b in 0..<grid.count { sum += grid.areaWeights[b] * grid.oceanFraction(b) * columns[b][k] }
            layers[k] = sum / oceanWeight
        }
    }

    /// 6. The ledger: energy that entered this year, and the carbon and energy residuals.
    @inline(__always)
    func closeLedger(_ year: Year, imbalance: Double) {
        let state = ledger.view(year.v, block: blocks.ledger)
        ledger.addEnergy(state, imbalance: imbalance, dt: year.dt)
        let inventory = heatInventory(year.v)
        // Each band's ocean and land carbon as the carbon and land stages summed them (nothing has moved carbon since).
        let oceanBands = year.workspace.oceanCarbon.inventory, landBands = year.workspace.landCarbon
        let carbon = carbonInReservoirs(year.v, ocean: { oceanBands[$0] }, land: { landBands[$0] })
        let residuals = ledger.step(state, .init(carbon: carbon, initialCarbon: initialCarbon, heat: inventory.total))
        let r = year.record, area = PhysicalConstants.earthSurfaceAreaSquareMetres
        r.put(.oceanHeatContent, inventory.ocean * area)
        r.put(.oceanHeatContent0To700, inventory.ocean0To700 * area)
        r.put(.oceanHeatContent700To2000, inventory.ocean700To2000 * area)
        r.put(.oceanHeatContentBelow2000, inventory.oceanBelow2000 * area)
        r.put(.landHeatContent, inventory.land * area)
        r.put(.atmosphereHeatContent, inventory.atmosphere * area)
        r.put(.cryosphereHeatContent, inventory.cryosphere * area)
        r.put(.cumulativeFossilEmissions, state.cumulativeFossilCarbon)
        r.put(.carbonLedgerResidual, residuals.carbonResidual)
        r.put(.energyLedgerResidual, residuals.energyResidual)
    }

    /// Band-mean surface temperature change of band `b` (land, open ocean and sea ice by area), K.
    @inline(__always)
    func surfaceTemperature(band b: Int, _ v: UnsafeMutablePointer<Double>) -> Double {
        energyBalance.bandMean(band: b, mixedLayer: blocks.ocean.bands(v)[b][0], land: blocks.energyBalance.bands(v)[b])
    }
}

/// Where a step writes its diagnostics: the year's global values and, if wanted, the band values.
struct DiagnosticRecord {
    let global: UnsafeMutablePointer<Double>
    let zonalValues: UnsafeMutablePointer<Double>?
    let bandCount: Int

    @inline(__always)
    init(global: UnsafeMutablePointer<Double>, zonal: UnsafeMutablePointer<Double>?, bandCount: Int) {
        self.global = global; zonalValues = zonal; self.bandCount = bandCount
    }

    @inline(__always) func put(_ diagnostic: Diagnostic, _ value: Double) { global[diagnostic.rawValue] = value }
    @inline(__always) func putZonal(_ diagnostic: ZonalDiagnostic, _ band: Int, _ value: Double) {
        zonalValues?[diagnostic.rawValue * bandCount + band] = value
    }
    /// One zonal diagnostic's band values, if the zonal record is wanted.
    @inline(__always) func zonal(_ diagnostic: ZonalDiagnostic) -> UnsafeMutablePointer<Double>? {
        zonalValues.map { $0 + diagnostic.rawValue * bandCount }
    }
}
