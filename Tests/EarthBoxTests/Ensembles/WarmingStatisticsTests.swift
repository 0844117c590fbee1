import Testing
@testable import EarthBox

/// The one definition of the headline numbers (docs/calibration.md §5): the remaining carbon budget to the 20-year
/// mean crossing, and percentiles that keep "never reached" members.
@Suite struct WarmingStatisticsTests {
    /// 1850–2100 warming: 0 to 1900, then rising 0.02 K/yr; emissions 10 Gt CO2/yr. The 20-year mean centred on year
    /// c is 0.02 (c − 1900.5) for c ≥ 1911, so it first reaches 1.5 K at c = 1976 (0.02 × 75.5 = 1.51 ≥ 1.5; c = 1975
    /// gives 1.49): from 1950 the budget is 26 years × 10 = 260; 2 K is first reached at 2001 (2.01).
    @Test func remainingBudgetRunsToTheCentralYearOfTheFirst20YearMeanAtTheLevel() {
        let years = Array(1850...2100)
        let tas = years.map { $0 <= 1900 ? 0 : 0.02 * Double($0 - 1900) }
        let co2 = years.map { _ in 10.0 }
        #expect(WarmingStatistics.remainingBudget(tas: tas, totalCO2: co2, firstYear: 1850, from: 1950, level: 1.5) == 260)
        #expect(WarmingStatistics.remainingBudget(tas: tas, totalCO2: co2, firstYear: 1850, from: 1950, level: 2.0) == 510)
        // A level crossed before the start year costs nothing more; one never reached is +∞.
        #expect(WarmingStatistics.remainingBudget(tas: tas, totalCO2: co2, firstYear: 1850, from: 1990, level: 1.5) == 0)
        #expect(WarmingStatistics.remainingBudget(tas: tas, totalCO2: co2, firstYear: 1850, from: 1950, level: 5.0) == .infinity)
        // A baseline shift moves the crossing: the level is relative to 1850–1900.
        let shifted = tas.map { $0 + 0.3 }
        #expect(WarmingStatistics.remainingBudget(tas: shifted, totalCO2: co2, firstYear: 1850, from: 1950, level: 1.5) == 260)
        // A series without the baseline has no budget.
        #expect(WarmingStatistics.remainingBudget(tas: Array(tas[60...]), totalCO2: Array(co2[60...]), firstYear: 1910, from: 1950, level: 1.5).isNaN)
    }

    /// Likelihood L is the (100 − L)th percentile; members that never reach the level rank last and can make it +∞.
    @Test func budgetLikelihoodKeepsNeverReachedMembers() {
        let budgets: [Double] = [100, 200, 300, .infinity]
        let w = [Double](repeating: 1, count: 4)
        // Hazen positions 0.125, 0.375, 0.625, 0.875: the median lies halfway between 200 and 300.
        #expect(WarmingStatistics.budget(budgets, weights: w, likelihood: 50) == 250)
        // 67 %: the 33rd percentile, 0.82 of the way from 100 (position 0.125) to 200 (0.375).
        #expect(abs(WarmingStatistics.budget(budgets, weights: w, likelihood: 67) - 182) < 1e-9)
        #expect(WarmingStatistics.budget(budgets, weights: w, likelihood: 17) == .infinity)
        // Dropping the infinite member (as plain percentiles do) would move the median to 200: it must not.
        #expect(WeightedStatistics.percentiles(budgets, weights: w, [50])[0] == 200)
        // Weighted: a heavy never-reached member pushes the median to +∞.
        #expect(WarmingStatistics.budget(budgets, weights: [1, 1, 1, 5], likelihood: 50) == .infinity)
    }
}
