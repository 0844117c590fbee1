extension EnergyBalance {
    /// One year of the energy balance over an ocean: the ocean folds its deep layers into each band's mixed layer,
    /// the energy balance solves the surfaces (land, mixed layer, meridional transport), the ocean carries the heat
    /// down, and the top of the atmosphere sees what is left. The two meet only at the mixed layer.
    @inline(__always)
    public func step(_ land: BandBlocks<Double>, ocean: Ocean, columns: BandBlocks<Double>, forcing: Double,
                     noise: BandBlocks<Double>? = nil, melt: Double = 0, dt: Double, convergence: UnsafeMutablePointer<Double>? = nil,
                     scratch: Scratch, oceanScratch: Ocean.Scratch) -> HeatFluxes {
        let surfaces = ocean.surfaceLayers(columns, dt: dt, scratch: oceanScratch)
        let mixedLayer = step(land, .init(forcing: forcing, noise: noise, melt: melt, dt: dt, surfaces: surfaces, convergence: convergence), scratch: scratch)
        let downward = ocean.step(columns, mixedLayer, scratch: oceanScratch)
        return topOfAtmosphere(downward: downward, dt: dt, scratch: scratch)
    }
}
