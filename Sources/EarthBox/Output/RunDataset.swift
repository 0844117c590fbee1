/// Turns a run's record into a CF-1.8 dataset: annual time axis with bounds, every diagnostic with its
/// units and long name, CMIP's per-area versions of the global carbon fluxes and pools, ocean temperature
/// and heat content by layer, and the provenance (resolved namelist, model version) as global attributes.
public enum RunDataset {
    public static let modelVersion = "0.1.0"

    public static func make(record: RunRecord, plan: RunPlan) -> Dataset {
        let n = record.yearCount
        let model = plan.simulation.model
        let layers = model.oceanLayers
        var depthBounds = [Double]()
        for (top, dz) in zip(layers.topDepthsMetres, layers.thicknessMetres) { depthBounds += [top, top + dz] }
        let grid = model.grid
        var dataset = Dataset(dimensions: [Dimension(name: "time", length: n), Dimension(name: "bnds", length: 2),
                                           Dimension(name: "depth", length: layers.layerCount), Dimension(name: "lat", length: grid.count)])
        let startYear = record.years.first ?? plan.configuration.run.startYear
        dataset.variables += CFMetadata.timeAxis(years: record.years)
        dataset.variables.append(CFMetadata.heightCoordinate)
        dataset.variables += CFMetadata.longitudeCoordinates
        dataset.variables.append(Variable(name: "depth", dimensions: ["depth"], data: layers.centreDepthsMetres, attributes: [
            ("standard_name", .text("depth")), ("long_name", .text("depth of the centre of the ocean layer")), ("units", .text("m")),
            ("positive", .text("down")), ("axis", .text("Z")), ("bounds", .text("depth_bnds"))]))
        dataset.variables.append(Variable(name: "depth_bnds", dimensions: ["depth", "bnds"], data: depthBounds))
        var latitudeBounds = [Double]()
        for b in 0..<grid.count { latitudeBounds += [grid.southEdgesDegrees[b], grid.northEdgesDegrees[b]] }
        dataset.variables.append(Variable(name: "lat", dimensions: ["lat"], data: grid.centresDegrees, attributes: [
            ("standard_name", .text("latitude")), ("long_name", .text("latitude of the band centre")), ("units", .text("degrees_north")),
            ("axis", .text("Y")), ("bounds", .text("lat_bnds"))]))
        dataset.variables.append(Variable(name: "lat_bnds", dimensions: ["lat", "bnds"], data: latitudeBounds))
        dataset.variables.append(Variable(name: "area_weight", dimensions: ["lat"], data: grid.areaWeights, attributes: [
            ("long_name", .text("fraction of the Earth's surface in the band")), ("units", .text("1"))]))
        dataset.variables.append(Variable(name: "cell_area", dimensions: ["lat"],
                                          data: grid.areaWeights.map { $0 * PhysicalConstants.earthSurfaceAreaSquareMetres }, attributes: [
            ("standard_name", .text("cell_area")), ("long_name", .text("area of the latitude band")), ("units", .text("m2"))]))
        dataset.variables.append(Variable(name: "sftlf", dimensions: ["lat"], data: grid.landFraction.map { $0 * 100 }, attributes: [
            ("standard_name", .text("land_area_fraction")), ("long_name", .text("percentage of the band that is land")), ("units", .text("%"))]))
        dataset.variables.append(Variable(name: "ts_preindustrial", dimensions: ["lat"],
                                          data: model.energyBalance.preindustrialTemperature.map { $0 + 273.15 }, attributes: [
            ("standard_name", .text("surface_temperature")),
            ("long_name", .text("preindustrial climatology of the surface temperature (zonal energy balance equilibrium)")), ("units", .text("K")),
            ("cell_methods", .text("longitude: mean")), ("cell_measures", .text("area: cell_area")), ("coordinates", .text("longitude"))]))
        for z in ZonalDiagnostic.allCases {
            dataset.variables.append(Variable(name: z.name, dimensions: ["time", "lat"], data: record.zonalSeries(z),
                                              attributes: z.attributes(startYear: startYear) + [("cell_measures", .text("area: cell_area"))]))
        }
        for d in Diagnostic.allCases {
            dataset.variables.append(Variable(name: d.name, dimensions: ["time"], data: record.series(d), attributes: d.attributes(startYear: startYear)))
        }
        let base = model.energyBalance.preindustrialGlobalMeanKelvin
        dataset.variables.append(Variable(name: "tas", dimensions: ["time"], data: record.series(.surfaceTemperature).map { $0 + base },
                                          attributes: CFMetadata.absoluteTemperatureAttributes))

        // CMIP per-area forms of the global totals (kg m-2 s-1 and kg m-2; Jones et al. 2016, C4MIP, GMD 9, 2853).
        let oceanArea = model.oceanArea.reduce(0, +)
        let landArea = PhysicalConstants.earthSurfaceAreaSquareMetres - oceanArea
        let fluxScale = 1e12 / PhysicalConstants.secondsPerYear   // PgC/yr → kg s⁻¹
        func perArea(_ name: String, _ source: Diagnostic, scale: Double, units: String, standard: String, long: String) {
            dataset.variables.append(Variable(name: name, dimensions: ["time"], data: record.series(source).map { $0 * scale }, attributes: [
                ("standard_name", .text(standard)), ("long_name", .text(long)), ("units", .text(units)),
                ("cell_methods", .text("time: mean area: mean where \(name == "fgco2" ? "sea" : "land")")), ("coordinates", .text("year"))]))
        }
        perArea("fgco2", .oceanCarbonUptake, scale: fluxScale / oceanArea, units: "kg m-2 s-1",
                standard: "surface_downward_mass_flux_of_carbon_dioxide_expressed_as_carbon", long: "surface downward flux of total CO2")
        perArea("nbp", .netBiomeProduction, scale: fluxScale / landArea, units: "kg m-2 s-1",
                standard: "surface_net_downward_mass_flux_of_carbon_dioxide_expressed_as_carbon_due_to_all_land_processes",
                long: "carbon mass flux out of atmosphere due to net biospheric production on land")
        perArea("npp", .netPrimaryProduction, scale: fluxScale / landArea, units: "kg m-2 s-1",
                standard: "net_primary_productivity_of_biomass_expressed_as_carbon", long: "net primary production on land")
        perArea("rh", .heterotrophicRespiration, scale: fluxScale / landArea, units: "kg m-2 s-1",
                standard: "heterotrophic_respiration_carbon_flux", long: "heterotrophic respiration on land")
        perArea("cVeg", .vegetationCarbon, scale: 1e12 / landArea, units: "kg m-2", standard: "vegetation_carbon_content", long: "carbon mass in vegetation")
        perArea("cLitter", .litterCarbon, scale: 1e12 / landArea, units: "kg m-2", standard: "litter_mass_content_of_carbon", long: "carbon mass in litter pool")
        perArea("cSoil", .soilCarbon, scale: 1e12 / landArea, units: "kg m-2", standard: "soil_mass_content_of_carbon", long: "carbon mass in soil pool")

        // By layer: temperature change and heat content.
        let heatPerKelvin = layers.thicknessMetres.map { PhysicalConstants.seawaterDensity * PhysicalConstants.seawaterHeatCapacity * $0 * oceanArea }
        var layerHeat = [Double]()
        layerHeat.reserveCapacity(record.layerTemperature.count)
        for (i, t) in record.layerTemperature.enumerated() { layerHeat.append(t * heatPerKelvin[i % layers.layerCount]) }
        let reference = CFMetadata.anomalyReference(startYear: startYear)
        dataset.variables.append(Variable(name: "thetao_change", dimensions: ["time", "depth"], data: record.layerTemperature, attributes: [
            ("standard_name", .text("sea_water_temperature_anomaly")),
            ("long_name", .text("ocean-area-mean sea water temperature change by layer since preindustrial")), ("units", .text("K")),
            ("cell_methods", .text("time: mean area: mean where sea")), ("coordinates", .text("year"))] + reference))
        dataset.variables.append(Variable(name: "ohc_layer", dimensions: ["time", "depth"], data: layerHeat, attributes: [
            ("long_name", .text("ocean heat content change by layer since preindustrial")), ("units", .text("J")),
            ("cell_methods", .text("time: mean area: sum where sea")), ("coordinates", .text("year"))] + reference))

        let run = plan.configuration.run
        dataset.globalAttributes = [
            ("Conventions", .text("CF-1.8")),
            ("title", .text("EarthBox \(run.resolvedRunName)")),
            ("source", .text("EarthBox \(modelVersion): reduced-complexity coupled Earth system model")),
            ("institution", .text("EarthBox developers")),
            ("experiment_id", .text(run.resolvedRunName)),
            ("scenario", .text(run.scenario)),
            ("co2_mode", .text(plan.configuration.model.co2Mode.rawValue)),
            ("model_version", .text(modelVersion)),
            ("namelist_file", .text(plan.configuration.source)),
            ("history", .text(history(plan.configuration.source))),
            ("namelist", .text(plan.configuration.namelistRecord)),
            ("references", .text("Forcing: RCMIP v5.1.0 (Nicholls et al. 2020, GMD 13, 5175). Physics and parameter sources: see `earthbox parameters`.")),
        ]
        if !plan.emissionsProvenance.isEmpty { dataset.globalAttributes.append(("emissions_provenance", .text(plan.emissionsProvenance))) }
        return dataset
    }

    /// CF `history`: what made the file. No date, so that reruns (and restarts) give the same bits.
    static func history(_ namelistFile: String) -> String {
        "EarthBox \(modelVersion) from namelist \(namelistFile) (resolved namelist in the `namelist` attribute)"
    }
}
