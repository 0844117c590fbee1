/// The contract every process of the model keeps (SpeedyWeather.jl's swappable components, one shape for all):
///
/// - its named state slots, with units, in the member's one flat state vector (`stateSlots`); the slots are also
///   its whole part of the restart file, which stores the flat vector;
/// - its parameters (the typed namelist group it is built from);
/// - its preindustrial state, written through its own typed views of its block (`setPreindustrial`);
/// - one step a year that takes typed coupling inputs and returns typed fluxes (`step`), with scratch memory the
///   component sizes itself (`Scratch`, taken once per worker from a `ScratchArena` by `makeScratch`, reused every year);
/// - the global diagnostics it reports (`diagnostics`), each produced by exactly one component.
///
/// Views (`State`) are generic over the lane type: `Double` steps one member; a batch of members stored
/// structure-of-arrays (slot-major, one SIMD lane per member) uses the same offsets with a SIMD lane type.
/// Nothing in a step is an existential: the coupler calls concrete components, and the compiler specialises.
public protocol EarthSystemComponent: Sendable {
    associatedtype Parameters: Sendable
    /// The component's typed view into one member's state.
    associatedtype State
    /// What the component needs from the rest of the model this year.
    associatedtype Inputs
    /// What it hands back to the coupler this year.
    associatedtype Fluxes
    /// Scratch memory for `step`, sized by the component.
    associatedtype Scratch = NoScratch

    var parameters: Parameters { get }
    /// The component's slots in layout order, for a model of the given shape.
    static func stateSlots(_ shape: ModelShape) -> [StateSlot]
    /// The global diagnostics this component produces.
    static var diagnostics: [Diagnostic] { get }
    /// Writes the preindustrial (control) state into its slots of `state`, which start at `block`.
    func setPreindustrial(_ state: UnsafeMutablePointer<Double>, block: StateBlock)
    func makeScratch(in arena: ScratchArena) -> Scratch
    /// Advances `state` by one year.
    func step(_ state: State, _ inputs: Inputs, scratch: Scratch) -> Fluxes
}

extension EarthSystemComponent where Scratch == NoScratch {
    public func makeScratch(in arena: ScratchArena) -> NoScratch { NoScratch() }
}

/// Scratch of a component that needs none.
public struct NoScratch: Sendable { public init() {} }

/// The sizes every component's slots depend on.
public struct ModelShape: Sendable, Equatable {
    public let bandCount: Int
    public let layerCount: Int
    public let halogenCount: Int
    /// Layers of each band's land column (the surface and the ground below it).
    public let groundLayerCount: Int
    public init(bandCount: Int, layerCount: Int, halogenCount: Int, groundLayerCount: Int = 1) {
        self.bandCount = bandCount; self.layerCount = layerCount; self.halogenCount = halogenCount
        self.groundLayerCount = groundLayerCount
    }
}

/// One named prognostic variable (or a fixed-length vector of them) of a component.
public struct StateSlot: Sendable, Equatable {
    public enum Scope: Sendable, Equatable {
        /// Once per member (well-mixed atmosphere, ledger).
        case global
        /// Once in every latitude band's block.
        case perBand
    }
    public let name: String
    public let units: String
    public let count: Int
    public let scope: Scope
    /// What the preindustrial state holds, in words (the value itself is written by `setPreindustrial`).
    public let preindustrial: String

    public init(_ name: String, _ units: String, count: Int = 1, scope: Scope, preindustrial: String) {
        self.name = name; self.units = units; self.count = count; self.scope = scope; self.preindustrial = preindustrial
    }
}
