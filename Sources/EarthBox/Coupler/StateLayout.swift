/// Where each prognostic variable lives in a member's flat state vector.
///
/// One contiguous `[Double]` per member makes a restart file one write, an ensemble one array, and a
/// bit-for-bit comparison one `==`. Components read and write through these offsets; nothing else
/// knows the layout.
public struct StateLayout: Sendable, Equatable {
    public let bandCount: Int
    public let layerCount: Int
    public let halogenCount: Int
    public let groundLayerCount: Int

    // Well-mixed atmosphere.
    public let atmosphereCarbon: Int          // PgC
    public let methane: Int                   // ppb
    public let nitrousOxide: Int              // ppb
    public let halogens: Int                  // ppt, halogenCount values
    public let eescHistory: Int               // ppt, 3 values: EESC of the last three years (stratospheric age lag)
    public let stochasticForcing: Int         // W m⁻², AR(1) state
    public let cumulativeFossilCarbon: Int    // PgC, emissions from the geological reservoir (negative = removal)
    public let cumulativeLandUseCarbon: Int   // PgC, land-use-change emissions (drives land-use albedo)
    public let cumulativeEnergy: Int          // J m⁻², time integral of the Earth energy imbalance
    // Cryosphere heat stores (issue 11), J m⁻² of Earth: latent heat taken up by melting land ice and sea ice.
    public let landIceMeltHeat: Int
    public let seaIceMeltHeat: Int
    public let globalCount: Int

    // Per band, in blocks of `bandStride`.
    public let bandStride: Int
    public let columnTemperature: Int         // K anomaly, layerCount values; [0] is the surface/mixed layer
    public let landTemperature: Int           // K anomaly, groundLayerCount values: the land surface, then the ground below
    public let columnDIC: Int                 // µmol kg⁻¹ anomaly, layerCount values
    public let hydrogenIon: Int               // mol kg⁻¹, last carbonate-chemistry solution (solver's first guess)
    public let vegetation: Int                // PgC
    public let litter: Int                    // PgC
    public let soil: Int                      // PgC
    public let permafrostFrozen: Int          // PgC
    public let permafrostThawed: Int          // PgC

    public var count: Int { globalCount + bandCount * bandStride }

    public init(bandCount: Int, layerCount: Int, halogenCount: Int, groundLayerCount: Int = 1) {
        self.bandCount = bandCount
        self.layerCount = layerCount
        self.halogenCount = halogenCount
        self.groundLayerCount = groundLayerCount
        var i = 0
        func take(_ n: Int) -> Int { defer { i += n }; return i }
        atmosphereCarbon = take(1)
        methane = take(1)
        nitrousOxide = take(1)
        halogens = take(halogenCount)
        eescHistory = take(3)
        stochasticForcing = take(1)
        cumulativeFossilCarbon = take(1)
        cumulativeLandUseCarbon = take(1)
        cumulativeEnergy = take(1)
        landIceMeltHeat = take(1)
        seaIceMeltHeat = take(1)
        globalCount = i
        i = 0
        columnTemperature = take(layerCount)
        landTemperature = take(groundLayerCount)
        columnDIC = take(layerCount)
        hydrogenIon = take(1)
        vegetation = take(1)
        litter = take(1)
        soil = take(1)
        permafrostFrozen = take(1)
        permafrostThawed = take(1)
        bandStride = i
    }

    /// Offset of band `b`'s block.
    public func band(_ b: Int) -> Int { globalCount + b * bandStride }
}

/// The prognostic state of one ensemble member.
public struct ModelState: Sendable, Equatable {
    public var year: Int
    public var values: [Double]
    public var random: Xoshiro256StarStar

    public init(year: Int, layout: StateLayout, seed: UInt64) {
        self.year = year
        self.values = [Double](repeating: 0, count: layout.count)
        self.random = Xoshiro256StarStar(seed: seed)
    }
}
