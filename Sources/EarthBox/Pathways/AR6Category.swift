/// The AR6 WG3 scenario categories C1–C8 (IPCC AR6 WG3 Ch. 3, Riahi et al. 2022, Table 3.1 and Box SPM.1), judged on
/// percentiles of peak warming and of 2100 warming as the AR6 climate-assessment pipeline does (Kikstra et al. 2022).
/// One shared definition for every command and the web simulator.
public enum AR6Category: String, CaseIterable, Sendable {
    case c1 = "C1", c2 = "C2", c3 = "C3", c4 = "C4", c5 = "C5", c6 = "C6", c7 = "C7", c8 = "C8"

    public var name: String {
        switch self {
        case .c1: "limit warming to 1.5°C (>50%) with no or limited overshoot"
        case .c2: "return warming to 1.5°C (>50%) after a high overshoot"
        case .c3: "limit warming to 2°C (>67%)"
        case .c4: "limit warming to 2°C (>50%)"
        case .c5: "limit warming to 2.5°C (>50%)"
        case .c6: "limit warming to 3°C (>50%)"
        case .c7: "limit warming to 4°C (>50%)"
        case .c8: "exceed warming of 4°C (>=50%)"
        }
    }

    /// C1: P33 of peak ≤ 1.5 and median 2100 ≤ 1.5; C2: median 2100 ≤ 1.5 (peak P33 above); C3: P67 of peak ≤ 2;
    /// C4: median peak ≤ 2; C5–C7: median peak ≤ 2.5, 3, 4; C8: above.
    public static func classify(peakP33: Double, peakMedian: Double, peakP67: Double, median2100: Double) -> AR6Category {
        if median2100 <= 1.5 { return peakP33 <= 1.5 ? .c1 : .c2 }
        if peakP67 <= 2 { return .c3 }
        if peakMedian <= 2 { return .c4 }
        if peakMedian <= 2.5 { return .c5 }
        if peakMedian <= 3 { return .c6 }
        if peakMedian <= 4 { return .c7 }
        return .c8
    }
}
