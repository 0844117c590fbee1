/// One unit of parallel work.
public enum EnsembleTask: Sendable, Equatable {
    /// Member `member` (parameter sample × realisation) through historical + scenario `scenario`.
    case scenario(member: Int, scenario: Int)
    /// The idealised experiments (abrupt-4xCO2, 1pctCO2) of parameter sample `sample`, for ECS, TCR, TCRE.
    case metrics(sample: Int)
}

/// The fixed list of tasks of an ensemble and how they are shared among ranks.
public struct EnsembleTaskList: Sendable {
    public let tasks: [EnsembleTask]
    /// Simulated years of each task (its cost: every year costs the same step).
    public let costs: [Int]

    /// Scenario tasks member-major (task m·S + s), then the metric tasks of each sample.
    public init(configuration c: EnsembleConfiguration) {
        var tasks: [EnsembleTask] = [], costs: [Int] = []
        let years = c.years.count
        for m in 0..<c.memberCount {
            for s in c.scenarios.indices { tasks.append(.scenario(member: m, scenario: s)); costs.append(years) }
        }
        if c.settings.climateMetrics {
            for p in 0..<c.settings.members {
                tasks.append(.metrics(sample: p)); costs.append(ClimateMetricExperiments.simulatedYears)
            }
        }
        self.tasks = tasks
        self.costs = costs
    }

    public var count: Int { tasks.count }

    /// The share of `pending` (task indices, ascending) that rank `rank` of `size` computes: contiguous blocks of
    /// nearly equal cost, a task going to the rank whose cost interval holds the midpoint of the task's cost.
    /// Every pending task goes to exactly one rank; the split depends only on (pending, costs, size), so
    /// a rank with nothing left to do is impossible unless there are fewer tasks than ranks.
    public static func share(of pending: [Int], costs: [Int], rank: Int, size: Int) -> [Int] {
        precondition(size >= 1 && rank >= 0 && rank < size)
        let total = pending.reduce(0) { $0 + costs[$1] }
        guard total > 0 else { return rank == 0 ? pending : [] }
        var mine: [Int] = [], before = 0
        for t in pending {
            // Integer arithmetic: the owner of the midpoint (2·before + cost)/(2·total) of the task, times size.
            let owner = min(size - 1, (2 * before + costs[t]) * size / (2 * total))
            if owner == rank { mine.append(t) }
            before += costs[t]
        }
        return mine
    }
}
