#if canImport(Glibc)
import Glibc
#endif

extension EarthSystemModel {
    /// Advances one member by one year.
    ///
    /// - Parameters:
    ///   - row: this year's drivers (a `DriverSeries` row).
    ///   - workspace: `workspaceCount` scratch values, reused every step so the loop allocates nothing.
    ///   - diagnostics: `Diagnostic.count` values, filled with this year's global diagnostics.
    ///   - layerTemperature: if given, `layout.layerCount` values: ocean-area-mean temperature change per layer, K.
    ///   - zonal: if given, `ZonalDiagnostic.count × bandCount` values (diagnostic-major): this year's band diagnostics.
    public func step(_ state: inout ModelState, drivers row: UnsafePointer<Double>, workspace: UnsafeMutablePointer<Double>,
                     diagnostics d: UnsafeMutablePointer<Double>, layerTemperature: UnsafeMutablePointer<Double>? = nil,
                     zonal: UnsafeMutablePointer<Double>? = nil) {
        var random = state.random
        state.values.withUnsafeMutableBufferPointer { buffer in
            stepValues(buffer.baseAddress!, random: &random, row: row, workspace: workspace, d: d, layerTemperature: layerTemperature, zonal: zonal)
        }
        state.random = random
        state.year += 1
    }

    @inline(__always)
    func stepValues(_ v: UnsafeMutablePointer<Double>, random: inout Xoshiro256StarStar, row: UnsafePointer<Double>,
                    workspace: UnsafeMutablePointer<Double>, d: UnsafeMutablePointer<Double>, layerTemperature: UnsafeMutablePointer<Double>?,
                    zonal: UnsafeMutablePointer<Double>?) {
        let L = layout, h = halogenCount, dt = 1.0
        let bands = L.bandCount, n = L.layerCount
        let perPPM = AtmosphericMass.pgCPerPpmCO2
        let gases = configuration.gases
        func zonalPut(_ diagnostic: ZonalDiagnostic, _ b: Int, _ value: Double) { zonal?[diagnostic.rawValue * bands + b] = value }

        // Start-of-year coupling fields.
        var globalWarming = 0.0
        for b in 0..<bands { globalWarming += grid.areaWeights[b] * surfaceTemperature(band: b, v) }
        let co2StartPPM = v[L.atmosphereCarbon] / perPPM

        // 1. Gases.
        if configuration.otherGasMode == .emissions {
            v[L.methane] = gasCycles.stepMethane(ppb: v[L.methane], emissions: row[DriverColumns.methane], temperatureAnomaly: globalWarming)
            v[L.nitrousOxide] = gasCycles.stepNitrousOxide(ppb: v[L.nitrousOxide], emissions: row[DriverColumns.nitrousOxide])
            gasCycles.stepHalogens(ppt: v + L.halogens, emissions: row + DriverColumns.halogenEmissions)
        } else {
            v[L.methane] = row[DriverColumns.methaneConcentration(halogens: h)]
            v[L.nitrousOxide] = row[DriverColumns.nitrousOxideConcentration(halogens: h)]
            // Gases without a prescribed concentration (NaN in the drivers) follow their emissions.
            gasCycles.stepHalogens(ppt: v + L.halogens, emissions: row + DriverColumns.halogenEmissions)
            let prescribed = row + DriverColumns.halogenConcentrations(halogens: h)
            for i in 0..<h where !prescribed[i].isNaN { v[L.halogens + i] = prescribed[i] }
        }
        // Stratospheric halogen loading reaches ozone after ~3 years (Newman et al. 2007).
        let eescNow = forcingAgents.equivalentEffectiveStratosphericChlorine(ppt: v + L.halogens)
        let eescLagged = v[L.eescHistory]
        v[L.eescHistory] = v[L.eescHistory + 1]
        v[L.eescHistory + 1] = v[L.eescHistory + 2]
        v[L.eescHistory + 2] = eescNow

        // 2. Land carbon of each band, from start-of-year CO2 and the band's land temperature.
        var land = LandFluxes()
        for b in 0..<bands {
            let o = L.band(b)
            let f = self.land.step(vegetation: &v[o + L.vegetation], litter: &v[o + L.litter], soil: &v[o + L.soil],
                                   permafrostFrozen: &v[o + L.permafrostFrozen], permafrostThawed: &v[o + L.permafrostThawed],
                                   co2Ratio: co2StartPPM / gases.preindustrialCO2PPM,
                                   warming: v[o + L.landTemperature],
                                   landUse: row[DriverColumns.co2LandUse] * landShare[b], share: landShare[b], dt: dt)
            land.npp += f.npp
            land.heterotrophicRespiration += f.heterotrophicRespiration
            land.landUseEmissions += f.landUseEmissions
            land.permafrostEmissions += f.permafrostEmissions
            zonalPut(.netBiomeProduction, b, f.netBiomeProduction)
        }
        let landUptake = land.netBiomeProduction

        // 3. Atmosphere and ocean carbon, solved together (see OceanCarbon).
        let columnScratch = workspace
        let bases = workspace + 5 * n
        let slopes = bases + bands * n
        let saved = slopes + bands * n      // per band: six carbonate constants (reused for the diagnostics) and the start inventory
        var sumU = 0.0, sumV = 0.0, oceanBefore = 0.0
        var surfacePCO2 = 0.0, surfaceH = 0.0
        for b in 0..<bands {
            let o = L.band(b)
            let before = oceanCarbon.carbonInventory(dic: v + o + L.columnDIC, oceanAreaSquareMetres: oceanArea[b])
            oceanBefore += before
            var constants = CarbonateConstants(k0: 0, k1: 0, k2: 0, kb: 0, kw: 0, totalBoron: 0)
            let (u, s) = oceanCarbon.prepareBand(dic: v + o + L.columnDIC, mixing: energyBalance.mixing[b], hydrogenIon: &v[o + L.hydrogenIon],
                                                 warming: v[o + L.columnTemperature], oceanAreaSquareMetres: oceanArea[b], dt: dt,
                                                 workspace: columnScratch, base: bases + b * n, slope: slopes + b * n,
                                                 constants: &constants)
            let keep = saved + 7 * b
            keep[0] = constants.k0; keep[1] = constants.k1; keep[2] = constants.k2
            keep[3] = constants.kb; keep[4] = constants.kw; keep[5] = constants.totalBoron; keep[6] = before
            sumU += u
            sumV += s
        }
        let atmosphereOld = v[L.atmosphereCarbon]
        let fossilPrescribed = row[DriverColumns.co2Fossil]
        let atmosphereNew: Double
        if configuration.co2Mode == .emissions {
            atmosphereNew = (atmosphereOld + dt * (fossilPrescribed - landUptake) - dt * sumU) / (1 + dt * sumV)
        } else {
            atmosphereNew = row[DriverColumns.co2Concentration(halogens: h)] * perPPM
        }
        var oceanAfter = 0.0
        for b in 0..<bands {
            let o = L.band(b)
            let column = v + o + L.columnDIC, base = bases + b * n, slope = slopes + b * n
            for k in 0..<n { column[k] = base[k] + atmosphereNew * slope[k] }
            let after = oceanCarbon.carbonInventory(dic: column, oceanAreaSquareMetres: oceanArea[b])
            oceanAfter += after
            let wf = oceanArea[b] / totalOceanArea
            let keep = saved + 7 * b
            zonalPut(.oceanCarbonUptake, b, (after - keep[6]) / dt)
            let constants = CarbonateConstants(k0: keep[0], k1: keep[1], k2: keep[2], kb: keep[3], kw: keep[4], totalBoron: keep[5])
            var hg = v[o + L.hydrogenIon]
            surfacePCO2 += wf * oceanCarbon.surfacePCO2(dicAnomaly: column[0], constants: constants, hydrogenGuess: &hg, iterations: 2)
            v[o + L.hydrogenIon] = hg
            surfaceH += wf * hg
        }
        let oceanUptake = (oceanAfter - oceanBefore) / dt
        let fossilUsed: Double
        if configuration.co2Mode == .emissions {
            // The atmosphere takes exactly what the other reservoirs did not: carbon is conserved to round-off.
            v[L.atmosphereCarbon] = atmosphereOld + dt * (fossilPrescribed - landUptake - oceanUptake)
            fossilUsed = fossilPrescribed
        } else {
            v[L.atmosphereCarbon] = atmosphereNew
            fossilUsed = (atmosphereNew - atmosphereOld) / dt + oceanUptake + landUptake
        }
        v[L.cumulativeFossilCarbon] += fossilUsed * dt
        v[L.cumulativeLandUseCarbon] += land.landUseEmissions * dt

        // 4. Effective radiative forcing from end-of-year concentrations.
        let co2PPM = v[L.atmosphereCarbon] / perPPM
        let noise = variability.next(state: &v[L.stochasticForcing], random: &random)
        let erf = forcingAgents.compute(co2PPM: co2PPM, methanePPB: v[L.methane], nitrousOxidePPB: v[L.nitrousOxide],
                                        halogenPPT: v + L.halogens, laggedEESC: eescLagged, emissions: row,
                                        cumulativeLandUseCarbon: v[L.cumulativeLandUseCarbon],
                                        volcanic: row[DriverColumns.volcanicForcing(halogens: h)],
                                        solar: row[DriverColumns.solarForcing(halogens: h)], temperatureAnomaly: globalWarming)
        let forcing = erf.total + noise

        // 5. Cryosphere melt from the start-of-year climate, then the zonal energy balance: every band's land
        // column, mixed layer and ocean column, with meridional transport.
        let melt = cryosphere.step(landIce: &v[L.landIceMeltHeat], seaIce: &v[L.seaIceMeltHeat], warming: globalWarming,
                                   seaIceLost: bands > 1 ? seaIceLost(v, scratch: workspace) : nil, dt: dt)
        let bandImbalance = workspace + (workspaceCount - 2 * bands), bandDeep = bandImbalance + bands
        let convergence = zonal.map { $0 + ZonalDiagnostic.meridionalConvergence.rawValue * bands }
        energyBalance.step(bands: v + L.band(0), stride: L.bandStride, column: L.columnTemperature, land: L.landTemperature,
                           forcing: forcing, melt: melt, dt: dt, workspace: workspace, imbalance: bandImbalance, deep: bandDeep,
                           convergence: convergence)
        var imbalance = 0.0, deepUptake = 0.0, temperature = 0.0, sealevel = 0.0, oceanWeight = 0.0
        var landTemperature = 0.0, landWeight = 0.0, seaSurface = 0.0
        let absolute = workspace, ice = workspace + bands
        for b in 0..<bands {
            let o = L.band(b)
            let w = grid.areaWeights[b], fl = grid.landFraction[b]
            imbalance += w * bandImbalance[b]
            deepUptake += w * bandDeep[b]
            let tas = surfaceTemperature(band: b, v)
            temperature += w * tas
            absolute[b] = energyBalance.preindustrialTemperature[b] + tas
            let ow = w * (1 - fl)
            sealevel += ow * energyBalance.thermostericRise(temperature: v + o + L.columnTemperature)
            seaSurface += ow * v[o + L.columnTemperature]
            oceanWeight += ow
            landTemperature += w * fl * v[o + L.landTemperature]
            landWeight += w * fl
            zonalPut(.surfaceTemperature, b, tas)
            zonalPut(.landSurfaceTemperature, b, v[o + L.landTemperature])
            zonalPut(.seaSurfaceTemperature, b, v[o + L.columnTemperature])
            zonalPut(.surfaceTemperatureAbsolute, b, absolute[b] + 273.15)
        }
        energyBalance.albedo.iceFraction(temperature: absolute, into: ice)
        var iceUnchanged = true, blended = 0.0
        for b in 0..<bands {
            zonalPut(.iceFraction, b, ice[b])
            iceUnchanged = iceUnchanged && ice[b] == energyBalance.preindustrialIceFraction[b]
            // Blended GMST (Cowtan et al. 2015, GRL 42, 6526): air temperature over land and sea ice, SST over open
            // water. Water the ice has left since preindustrial times is at the freezing point the reference
            // climatology has under ice (HadSST's −1.8 °C), so its SST anomaly is zero, while the air above the
            // retreating ice warms with the band.
            let a = energyBalance.albedo
            let opened = max(0, a.seaIceCover(band: b, iceFraction: energyBalance.preindustrialIceFraction[b]) - a.seaIceCover(band: b, iceFraction: ice[b]))
            let fl = grid.landFraction[b]
            blended += grid.areaWeights[b] * (fl * v[L.band(b) + L.landTemperature] + (1 - fl) * (1 - opened) * v[L.band(b) + L.columnTemperature])
        }
        // The box model's ice never moves: skip the two arcsines (a few per cent of a step).
        let iceEdges = iceUnchanged ? energyBalance.preindustrialIceEdges : SurfaceAlbedo.iceEdges(grid: grid, iceFraction: ice)
        sealevel /= oceanWeight
        v[L.cumulativeEnergy] += imbalance * dt * PhysicalConstants.secondsPerYear
        if let layerTemperature {
            for k in 0..<n {
                var sum = 0.0
                for b in 0..<bands { sum += grid.areaWeights[b] * grid.oceanFraction(b) * v[L.band(b) + L.columnTemperature + k] }
                layerTemperature[k] = sum / oceanWeight
            }
        }

        // 6. Diagnostics and the ledger.
        var vegetation = 0.0, litter = 0.0, soil = 0.0, frozen = 0.0, thawed = 0.0
        for b in 0..<bands {
            let o = L.band(b)
            vegetation += v[o + L.vegetation]; litter += v[o + L.litter]; soil += v[o + L.soil]
            frozen += v[o + L.permafrostFrozen]; thawed += v[o + L.permafrostThawed]
        }
        let inventory = heatInventory(v)
        let heat = inventory.total + v[L.landIceMeltHeat] + v[L.seaIceMeltHeat]
        func put(_ diagnostic: Diagnostic, _ value: Double) { d[diagnostic.rawValue] = value }
        let area = PhysicalConstants.earthSurfaceAreaSquareMetres
        put(.oceanHeatContent0To700, inventory.ocean0To700 * area)
        put(.oceanHeatContent700To2000, inventory.ocean700To2000 * area)
        put(.oceanHeatContentBelow2000, inventory.oceanBelow2000 * area)
        put(.landHeatContent, inventory.land * area)
        put(.atmosphereHeatContent, inventory.atmosphere * area)
        put(.cryosphereHeatContent, (v[L.landIceMeltHeat] + v[L.seaIceMeltHeat]) * area)
        put(.surfaceTemperature, temperature)
        put(.blendedSurfaceTemperature, blended)
        put(.landSurfaceTemperature, landWeight > 0 ? landTemperature / landWeight : 0)
        put(.seaSurfaceTemperature, seaSurface / oceanWeight)
        put(.iceEdgeNorth, iceEdges.north)
        put(.iceEdgeSouth, iceEdges.south)
        put(.imbalance, imbalance)
        put(.deepOceanHeatUptake, deepUptake)
        put(.oceanHeatContent, inventory.ocean * area)
        put(.thermostericSeaLevel, sealevel)
        put(.co2Concentration, co2PPM)
        put(.atmosphereCarbon, v[L.atmosphereCarbon] * 1e12 * 44.0095 / PhysicalConstants.carbonMolarMass)
        put(.methane, v[L.methane])
        put(.nitrousOxide, v[L.nitrousOxide])
        put(.eesc, eescNow)
        put(.erfCO2, erf.co2); put(.erfMethane, erf.methane); put(.erfNitrousOxide, erf.nitrousOxide)
        put(.erfHalogens, erf.halogens); put(.erfOzone, erf.ozone); put(.erfStratosphericWaterVapour, erf.stratosphericWaterVapour)
        put(.erfAerosolRadiation, erf.aerosolRadiation); put(.erfAerosolCloud, erf.aerosolCloud)
        put(.erfLandUseAlbedo, erf.landUseAlbedo); put(.erfBlackCarbonOnSnow, erf.blackCarbonOnSnow); put(.erfContrails, erf.contrails)
        put(.erfVolcanic, erf.volcanic); put(.erfSolar, erf.solar); put(.erfStochastic, noise); put(.erfTotal, forcing)
        put(.oceanCarbonUptake, oceanUptake)
        put(.netPrimaryProduction, land.npp)
        put(.heterotrophicRespiration, land.heterotrophicRespiration)
        put(.landUseEmissions, land.landUseEmissions)
        put(.permafrostEmissions, land.permafrostEmissions)
        put(.netBiomeProduction, landUptake)
        put(.fossilEmissions, fossilUsed)
        put(.landUseEmissionsRequested, row[DriverColumns.co2LandUse])
        put(.methaneEmissions, row[DriverColumns.methane])
        put(.nitrousOxideEmissions, row[DriverColumns.nitrousOxide])
        put(.sulfurEmissions, row[DriverColumns.sulfur])
        put(.vegetationCarbon, vegetation); put(.litterCarbon, litter); put(.soilCarbon, soil)
        put(.permafrostFrozenCarbon, frozen); put(.permafrostThawedCarbon, thawed)
        put(.oceanCarbonAnomaly, oceanAfter)
        put(.cumulativeFossilEmissions, v[L.cumulativeFossilCarbon])
        put(.surfaceOceanPCO2, surfacePCO2)
        put(.surfaceOceanPH, -_log(surfaceH) * 0.434_294_481_903_251_8)   // −log10
        put(.carbonLedgerResidual, carbonInReservoirs(v) - v[L.cumulativeFossilCarbon] - initialCarbon)
        put(.energyLedgerResidual, heat - v[L.cumulativeEnergy])
    }

    /// Band-mean surface temperature change of band `b` (land and ocean by area), K.
    @inline(__always)
    func surfaceTemperature(band b: Int, _ v: UnsafePointer<Double>) -> Double {
        let o = layout.band(b), fl = grid.landFraction[b]
        return (1 - fl) * v[o + layout.columnTemperature] + fl * v[o + layout.landTemperature]
    }

    /// Share of the Earth's surface that was sea ice in the preindustrial climate and is open ocean now (negative
    /// where ice has grown), from the start-of-year ice line; `scratch` holds 2 × bandCount values.
    func seaIceLost(_ v: UnsafePointer<Double>, scratch: UnsafeMutablePointer<Double>) -> Double {
        let n = layout.bandCount, absolute = scratch, ice = scratch + n
        for b in 0..<n { absolute[b] = energyBalance.preindustrialTemperature[b] + surfaceTemperature(band: b, v) }
        energyBalance.albedo.iceFraction(temperature: absolute, into: ice)
        var lost = 0.0
        for b in 0..<n {
            let a = energyBalance.albedo
            lost += grid.areaWeights[b] * grid.oceanFraction(b)
                * (a.seaIceCover(band: b, iceFraction: energyBalance.preindustrialIceFraction[b]) - a.seaIceCover(band: b, iceFraction: ice[b]))
        }
        return lost
    }
}
