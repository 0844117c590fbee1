/// Snowball-Earth hysteresis of the zonal energy balance model (Budyko 1969; Sellers 1969; North 1975, 1984).
/// From the preindustrial state the solar constant is swept up to `solarMaximum`, down to `solarMinimum` and up
/// again; each value starts from the previous equilibrium, so the branches differ.
///
/// Four thresholds are located to 0.1 W m⁻² by bisection between the sweep values around each jump: the
/// small-ice-cap collapse (the last polar cap vanishes at once from a finite size, North 1984), the ice cap's
/// return at a finite size on the way down, the snowball onset (large-ice-cap instability) and the snowball exit.
public struct SnowballHysteresis: Sendable {
    public let climate: ZonalClimate
    public let settings: TeachingSettings

    public init(climate: ZonalClimate, settings: TeachingSettings) {
        self.climate = climate
        self.settings = settings
    }

    public struct Point: Sendable {
        public var solarConstant: Double
        /// 1: first ascent from preindustrial, 2: descent, 3: second ascent.
        public var leg: Int
        public var globalMean: Double
        /// Northern ice edge, degrees (0 = snowball, 90 = ice free).
        public var iceEdge: Double
        public var temperature: [Double]
    }

    public struct Result: Sendable {
        public var points: [Point]
        /// Solar constant above which the last polar cap vanishes (first ascent), and the edge just below it.
        public var smallCapCollapse: Double?
        public var smallCapLastEdge: Double?
        /// Solar constant below which an ice cap forms again (descent), and the edge it forms at.
        public var capReturn: Double?
        public var capReturnEdge: Double?
        /// Solar constant below which the Earth freezes over (descent), and the edge just above it.
        public var snowballOnset: Double?
        public var snowballOnsetLastEdge: Double?
        /// Solar constant above which the snowball thaws (second ascent).
        public var snowballExit: Double?
    }

    func equilibrium(_ s: Double, from start: [Double]) -> Point {
        let e = climate.equilibrium(solarConstant: s, start: start, tolerance: 1e-6)
        let edge = e.iceFraction.withUnsafeBufferPointer { SurfaceAlbedo.iceEdges(grid: climate.grid, iceFraction: $0.baseAddress!).north }
        return Point(solarConstant: s, leg: 0, globalMean: e.globalMean, iceEdge: edge, temperature: e.temperature)
    }

    /// Bisects between `low` (state `from`) and `high` for where `jumped(edge)` first holds, to 0.1 W m⁻².
    func bisect(from start: [Double], low: Double, high: Double, jumped: (Double) -> Bool) -> Double {
        var a = low, b = high
        while abs(b - a) > 0.1 {
            let mid = 0.5 * (a + b)
            if jumped(equilibrium(mid, from: start).iceEdge) { b = mid } else { a = mid }
        }
        return 0.5 * (a + b)
    }

    static let iceFree = 90 - 1e-9, frozen = 1e-9

    public func run() -> Result {
        var points = [Point]()
        var result = Result(points: [])
        var state = climate.preindustrial().temperature
        var previous = equilibrium(climate.parameters.solarConstant, from: state)
        func sweep(leg: Int, from start: Double, to end: Double, step: Double) {
            var s = start
            while step > 0 ? s <= end + 1e-9 : s >= end - 1e-9 {
                var p = equilibrium(s, from: state)
                p.leg = leg
                let q = previous
                let lowS = min(q.solarConstant, s), highS = max(q.solarConstant, s)
                if leg == 1, result.smallCapCollapse == nil, q.iceEdge < Self.iceFree, p.iceEdge >= Self.iceFree {
                    let c = bisect(from: q.temperature, low: lowS, high: highS) { $0 >= Self.iceFree }
                    result.smallCapCollapse = c
                    result.smallCapLastEdge = equilibrium(c - 0.1, from: q.temperature).iceEdge
                }
                if leg == 2, result.capReturn == nil, q.iceEdge >= Self.iceFree, p.iceEdge < Self.iceFree {
                    let c = bisect(from: q.temperature, low: lowS, high: highS) { $0 >= Self.iceFree }
                    result.capReturn = c
                    result.capReturnEdge = equilibrium(c - 0.1, from: q.temperature).iceEdge
                }
                if leg == 2, result.snowballOnset == nil, q.iceEdge > Self.frozen, p.iceEdge <= Self.frozen {
                    let c = bisect(from: q.temperature, low: lowS, high: highS) { $0 > Self.frozen }
                    result.snowballOnset = c
                    result.snowballOnsetLastEdge = equilibrium(c + 0.1, from: q.temperature).iceEdge
                }
                if leg == 3, result.snowballExit == nil, q.iceEdge <= Self.frozen, p.iceEdge > Self.frozen {
                    result.snowballExit = bisect(from: q.temperature, low: lowS, high: highS) { $0 > Self.frozen }
                }
                points.append(p); previous = p; state = p.temperature
                s += step
            }
        }
        let step = settings.solarStep
        let first = (climate.parameters.solarConstant / step).rounded(.up) * step
        sweep(leg: 1, from: first, to: settings.solarMaximum, step: step)
        sweep(leg: 2, from: settings.solarMaximum - step, to: settings.solarMinimum, step: -step)
        sweep(leg: 3, from: settings.solarMinimum + step, to: settings.solarMaximum, step: step)
        result.points = points
        return result
    }

    public func table() -> LabTable {
        let r = run()
        var t = LabTable(title: "Snowball-Earth hysteresis: equilibrium northern ice edge as the solar constant goes up, down, and up again",
                         columns: ["solar_constant_W_m2", "leg", "global_mean_degC", "ice_edge_degN"])
        t.rows = r.points.map { [$0.solarConstant, Double($0.leg), $0.globalMean, $0.iceEdge] }
        func show(_ x: Double?) -> String { x.map { String($0.rounded(toPlaces: 1)) } ?? "not reached in the sweep" }
        t.notes = ["legs: 1 up from preindustrial, 2 down, 3 up again",
                   "small-ice-cap collapse (leg 1): \(show(r.smallCapCollapse)) W m-2, from an edge at \(show(r.smallCapLastEdge)) degN straight to ice free",
                   "ice cap returns (leg 2): \(show(r.capReturn)) W m-2, at \(show(r.capReturnEdge)) degN (no smaller cap is stable)",
                   "snowball onset, ice runs to the equator (leg 2): \(show(r.snowballOnset)) W m-2, from an edge at \(show(r.snowballOnsetLastEdge)) degN",
                   "snowball exit, ice retreats from the equator (leg 3): \(show(r.snowballExit)) W m-2"]
        return t
    }
}
