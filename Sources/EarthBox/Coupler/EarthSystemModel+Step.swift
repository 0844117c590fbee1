extension EarthSystemModel {
    /// Advances one member by one year.
    ///
    /// - Parameters:
    ///   - row: this year's drivers (a `DriverSeries` row).
    ///   - workspace: `workspaceCount` scratch values, reused every step so the loop allocates nothing.
    ///   - diagnostics: `Diagnostic.count` values, filled with this year's global diagnostics.
    ///   - layerTemperature: if given, `layout.layerCount` values: ocean-area-mean temperature change per layer, K.
    public func step(_ state: inout ModelState, drivers row: UnsafePointer<Double>, workspace: UnsafeMutablePointer<Double>,
                     diagnostics d: UnsafeMutablePointer<Double>, layerTemperature: UnsafeMutablePointer<Double>? = nil) {
        var random = state.random
        state.values.withUnsafeMutableBufferPointer { buffer in
            stepValues(buffer.baseAddress!, random: &random, row: row, workspace: workspace, d: d, layerTemperature: layerTemperature)
        }
        state.random = random
        state.year += 1
    }

    @inline(__always)
    func stepValues(_ v: UnsafeMutablePointer<Double>, random: inout Xoshiro256StarStar, row: UnsafePointer<Double>,
                    workspace: UnsafeMutablePointer<Double>, d: UnsafeMutablePointer<Double>, layerTemperature: UnsafeMutablePointer<Double>?) {
        let L = layout, h = halogenCount, dt = 1.0
        let bands = L.bandCount, n = L.layerCount
        let perPPM = AtmosphericMass.pgCPerPpmCO2
        let gases = configuration.gases

        // Start-of-year coupling fields.
        var globalWarming = 0.0
        for b in 0..<bands { globalWarming += grid.areaWeights[b] * airTemperature(band: b, v) }
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

        // 2. Land carbon, from start-of-year CO2 and temperature.
        var land = LandFluxes()
        for b in 0..<bands {
            let o = L.band(b)
            let f = self.land.step(vegetation: &v[o + L.vegetation], litter: &v[o + L.litter], soil: &v[o + L.soil],
                                   permafrostFrozen: &v[o + L.permafrostFrozen], permafrostThawed: &v[o + L.permafrostThawed],
                                   co2Ratio: co2StartPPM / gases.preindustrialCO2PPM,
                                   warming: configuration.climate.landOceanWarmingRatio * v[o + L.columnTemperature],
                                   landUse: row[DriverColumns.co2LandUse] * landShare[b], share: landShare[b], dt: dt)
            land.npp += f.npp
            land.heterotrophicRespiration += f.heterotrophicRespiration
            land.landUseEmissions += f.landUseEmissions
            land.permafrostEmissions += f.permafrostEmissions
        }
        let landUptake = land.netBiomeProduction

        // 3. Atmosphere and ocean carbon, solved together (see OceanCarbon).
        let columnScratch = workspace
        let bases = workspace + 5 * n
        let slopes = bases + bands * n
        let savedConstants = slopes + bands * n      // six values per band, reused for the diagnostics below
        var sumU = 0.0, sumV = 0.0, oceanBefore = 0.0
        var surfacePCO2 = 0.0, surfaceH = 0.0
        for b in 0..<bands {
            let o = L.band(b)
            oceanBefore += oceanCarbon.carbonInventory(dic: v + o + L.columnDIC, oceanAreaSquareMetres: oceanArea[b])
            var constants = CarbonateConstants(k0: 0, k1: 0, k2: 0, kb: 0, kw: 0, totalBoron: 0)
            let (u, s) = oceanCarbon.prepareBand(dic: v + o + L.columnDIC, hydrogenIon: &v[o + L.hydrogenIon],
                                                 warming: v[o + L.columnTemperature], oceanAreaSquareMetres: oceanArea[b], dt: dt,
                                                 workspace: columnScratch, base: bases + b * n, slope: slopes + b * n,
                                                 constants: &constants)
            let saved = savedConstants + 6 * b
            saved[0] = constants.k0; saved[1] = constants.k1; saved[2] = constants.k2
            saved[3] = constants.kb; saved[4] = constants.kw; saved[5] = constants.totalBoron
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
            oceanAfter += oceanCarbon.carbonInventory(dic: column, oceanAreaSquareMetres: oceanArea[b])
            let wf = oceanArea[b] / totalOceanArea
            let saved = savedConstants + 6 * b
            let constants = CarbonateConstants(k0: saved[0], k1: saved[1], k2: saved[2], kb: saved[3], kw: saved[4], totalBoron: saved[5])
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

        // 5. Energy balance and ocean heat, per band.
        var imbalance = 0.0, deepUptake = 0.0, temperature = 0.0, sealevel = 0.0, oceanWeight = 0.0
        for b in 0..<bands {
            let o = L.band(b)
            let (nb, hb) = energyBalance.step(temperature: v + o + L.columnTemperature, forcing: forcing,
                                              oceanFraction: grid.oceanFraction(b), dt: dt, workspace: columnScratch)
            let w = grid.areaWeights[b]
            imbalance += w * nb
            deepUptake += w * hb
            temperature += w * airTemperature(band: b, v)
            let ow = w * grid.oceanFraction(b)
            sealevel += ow * energyBalance.thermostericRise(temperature: v + o + L.columnTemperature)
            oceanWeight += ow
        }
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
        let heat = heatContent(v)
        func put(_ diagnostic: Diagnostic, _ value: Double) { d[diagnostic.rawValue] = value }
        put(.surfaceTemperature, temperature)
        put(.imbalance, imbalance)
        put(.deepOceanHeatUptake, deepUptake)
        put(.oceanHeatContent, heat * PhysicalConstants.earthSurfaceAreaSquareMetres - oceanSurfaceExcess(temperature: v))
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

    /// Near-surface air temperature change of band `b`, K.
    @inline(__always)
    func airTemperature(band b: Int, _ v: UnsafePointer<Double>) -> Double {
        energyBalance.airTemperatureFactor(landFraction: grid.landFraction[b]) * v[layout.band(b) + layout.columnTemperature]
    }

    /// The part of the heat content held by the atmosphere and land surface, J (excluded from ocean heat content).
    @inline(__always)
    func oceanSurfaceExcess(temperature v: UnsafePointer<Double>) -> Double {
        var sum = 0.0
        for b in 0..<layout.bandCount {
            sum += grid.areaWeights[b] * configuration.climate.atmosphereLandHeatCapacity * airTemperature(band: b, v)
        }
        return sum * PhysicalConstants.earthSurfaceAreaSquareMetres
    }
}
