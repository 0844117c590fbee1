/// The conservation ledger: what has entered the model's reservoirs from outside (fossil carbon from the geological
/// reservoir, energy through the top of the atmosphere) and, for the land-use albedo, the land-use emissions so far.
/// Its residuals — reservoirs minus what entered — are zero to round-off in every step of a correct model.
public struct ConservationLedger: EarthSystemComponent {
    public var parameters: Void { () }

    public struct State {
        public let slots: UnsafeMutablePointer<Double>
        /// PgC emitted from the geological reservoir (negative = removal).
        public var cumulativeFossilCarbon: Double {
            @inline(__always) get { slots[0] } @inline(__always) nonmutating set { slots[0] = newValue }
        }
        /// PgC of land-use-change emissions.
        public var cumulativeLandUseCarbon: Double {
            @inline(__always) get { slots[1] } @inline(__always) nonmutating set { slots[1] = newValue }
        }
        /// J m⁻², time integral of the Earth energy imbalance.
        public var cumulativeEnergy: Double {
            @inline(__always) get { slots[2] } @inline(__always) nonmutating set { slots[2] = newValue }
        }
    }

    @inline(__always)
    public func view(_ v: UnsafeMutablePointer<Double>, block: StateBlock) -> State { State(slots: block.globals(v)) }

    public static func stateSlots(_ shape: ModelShape) -> [StateSlot] {
        [StateSlot("cumulative_fossil_carbon", "PgC", scope: .global, preindustrial: "0"),
         StateSlot("cumulative_land_use_carbon", "PgC", scope: .global, preindustrial: "0"),
         StateSlot("cumulative_energy", "J m-2", scope: .global, preindustrial: "0")]
    }

    public static var diagnostics: [Diagnostic] { [.cumulativeFossilEmissions, .carbonLedgerResidual, .energyLedgerResidual] }

    public func setPreindustrial(_ v: UnsafeMutablePointer<Double>, block: StateBlock) {
        let ledger = view(v, block: block)
        ledger.cumulativeFossilCarbon = 0; ledger.cumulativeLandUseCarbon = 0; ledger.cumulativeEnergy = 0
    }

    /// What the reservoirs hold at the end of the year.
    public struct Inputs {
        /// Carbon in the reservoirs (atmosphere, ocean anomaly, land, permafrost) and at the preindustrial start, PgC.
        public let carbon: Double
        public let initialCarbon: Double
        /// Heat content relative to preindustrial, J m⁻².
        public let heat: Double
    }

    public struct Fluxes {
        public let carbonResidual: Double
        public let energyResidual: Double
    }

    /// Carbon that entered this year: fossil emissions used and land-use emissions realised, PgC yr⁻¹.
    @inline(__always)
    public func addCarbon(_ ledger: State, fossil: Double, landUse: Double, dt: Double) {
        ledger.cumulativeFossilCarbon += fossil * dt
        ledger.cumulativeLandUseCarbon += landUse * dt
    }

    /// Energy that entered this year through the top of the atmosphere, W m⁻².
    @inline(__always)
    public func addEnergy(_ ledger: State, imbalance: Double, dt: Double) {
        ledger.cumulativeEnergy += imbalance * dt * PhysicalConstants.secondsPerYear
    }

    /// The year's residuals: reservoirs minus what they started with and what entered.
    @inline(__always)
    public func step(_ ledger: State, _ inputs: Inputs, scratch: NoScratch = NoScratch()) -> Fluxes {
        Fluxes(carbonResidual: inputs.carbon - ledger.cumulativeFossilCarbon - inputs.initialCarbon,
               energyResidual: inputs.heat - ledger.cumulativeEnergy)
    }
}
