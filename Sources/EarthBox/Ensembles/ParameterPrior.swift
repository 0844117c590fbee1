/// One uncertain parameter and its prior, as declared in `&priors`:
///
///     &priors
///       climate.equilibrium_climate_sensitivity = 'lognormal', 3.0, 0.28, 1.5, 8.0   ! median, sigma of ln, lower, upper
///       forcing.aerosol_cloud_scale = 'normal', 1.0, 0.4, 0.1, 2.5                    ! mean, sd, lower, upper
///       ocean.vertical_diffusivity = 'uniform', 0.3, 1.5                              ! lower, upper
///       land.respiration_q10 = 'triangular', 1.4, 2.0, 3.0                            ! lower, mode, upper
///     /
///
/// (`climate%equilibrium_climate_sensitivity`, the Fortran derived-type spelling, is accepted too.)
public struct ParameterPrior: Sendable {
    public let parameter: UncertainParameter
    public let distribution: ProbabilityDistribution
    /// Where it was declared (for errors found later, e.g. a sample breaking a cross-parameter check).
    public let line: Int
    /// The parameter-set file the values come from instead (`&ensemble parameter_file`); the distribution is then its range.
    public var parameterSet: String? = nil

    /// The prior as output attributes state it.
    public var summary: String { parameterSet.map { "posterior parameter set \($0)" } ?? distribution.summary }
}

extension ParameterPrior {
    public static let groupName = "priors"

    /// Reads and validates every prior of `&priors` (none if the group is absent): the parameter must exist, the
    /// distribution must be known, its numbers complete, bounds ordered and inside the parameter's allowed range.
    public static func decodeAll(from namelist: Namelist, defaults: ModelConfiguration) throws(InputError) -> [ParameterPrior] {
        guard let block = namelist.group(groupName) else { return [] }
        var priors: [ParameterPrior] = []
        for entry in block.entries {
            priors.append(try decode(entry, file: namelist.file, defaults: defaults))
        }
        return priors
    }

    static func decode(_ entry: NamelistEntry, file: String, defaults: ModelConfiguration) throws(InputError) -> ParameterPrior {
        func fail(_ message: String) -> InputError { InputError(file: file, line: entry.line, key: entry.key, message: message) }
        guard let parameter = ParameterSpace.parameter(named: entry.key, defaults: defaults) else {
            let hint = NearestName.hint(for: entry.key, among: ParameterSpace.scalarNames)
            let form = entry.key.contains(".") ? "" : "; name a parameter as group.key, e.g. climate.equilibrium_climate_sensitivity"
            throw fail("not a real model parameter that a prior can set\(hint)\(form) (`earthbox parameters` lists them)")
        }
        guard case .string(let name)? = entry.values.first else {
            throw fail("expected the distribution name first, e.g. 'uniform', 2.0, 5.0 (distributions: \(ProbabilityDistribution.names.joined(separator: ", ")))")
        }
        let distributionName = name.lowercased()
        guard ProbabilityDistribution.names.contains(distributionName) else {
            throw fail("unknown distribution '\(name)' (known: \(ProbabilityDistribution.names.joined(separator: ", ")))"
                       + NearestName.hint(for: distributionName, among: ProbabilityDistribution.names))
        }
        var numbers: [Double] = []
        for value in entry.values.dropFirst() {
            switch value {
            case .real(let x): numbers.append(x)
            case .integer(let i): numbers.append(Double(i))
            default: throw fail("expected numbers after '\(distributionName)', got \(value.phrase)")
            }
        }
        let expected: (count: Int, spelling: String) = switch distributionName {
        case "uniform": (2, "lower, upper")
        case "normal": (4, "mean, standard deviation, lower, upper")
        case "lognormal": (4, "median, standard deviation of ln, lower, upper")
        default: (3, "lower, mode, upper")
        }
        guard numbers.count == expected.count else {
            throw fail("'\(distributionName)' takes \(expected.count) numbers (\(expected.spelling)), got \(numbers.count)")
        }
        let distribution: ProbabilityDistribution
        switch distributionName {
        case "uniform": distribution = .uniform(lower: numbers[0], upper: numbers[1])
        case "normal":
            guard numbers[1] > 0 else { throw fail("standard deviation \(numbers[1]) must be positive") }
            distribution = .normal(mean: numbers[0], standardDeviation: numbers[1], lower: numbers[2], upper: numbers[3])
        case "lognormal":
            guard numbers[0] > 0 else { throw fail("median \(numbers[0]) must be positive") }
            guard numbers[1] > 0 else { throw fail("standard deviation of ln \(numbers[1]) must be positive") }
            guard numbers[2] > 0 else { throw fail("lower bound \(numbers[2]) of a lognormal must be positive") }
            distribution = .lognormal(median: numbers[0], logStandardDeviation: numbers[1], lower: numbers[2], upper: numbers[3])
        default:
            guard numbers[0] <= numbers[1], numbers[1] <= numbers[2] else {
                throw fail("triangular needs lower ≤ mode ≤ upper, got \(numbers[0]), \(numbers[1]), \(numbers[2])")
            }
            distribution = .triangular(lower: numbers[0], mode: numbers[1], upper: numbers[2])
        }
        let (lower, upper) = distribution.bounds
        guard lower < upper else {
            throw fail("bounds reversed or empty: lower bound \(lower) is not below upper bound \(upper)")
        }
        // Both bounds must be valid values of the parameter (the field's own range check, same message as in its group).
        var scratch = defaults
        try parameter.assign(lower, to: &scratch, file: file, line: entry.line)
        try parameter.assign(upper, to: &scratch, file: file, line: entry.line)
        guard distribution.massInsideBounds > 1e-12 else {
            throw fail("the bounds [\(lower), \(upper)] exclude (numerically) all of the \(distributionName) distribution")
        }
        return ParameterPrior(parameter: parameter, distribution: distribution, line: entry.line)
    }
}

extension ParameterPrior {
    /// Markdown documentation of `&priors` for `earthbox parameters`.
    public static var documentation: String {
        """
        ### `&priors` (ensembles only)

        One line per uncertain parameter, named `group.key` (or Fortran's `group%key`; `group.key(n)` for element n of a
        list, e.g. `ocean.layer_thickness(1)`, the mixed-layer depth). Every real key of the groups above except `&run`
        can be sampled; the sampled value goes through the same range check as in its group. Every prior is truncated to
        its bounds. Samples: Latin hypercube (McKay et al. 1979) from `&ensemble seed`.

        | distribution | numbers |
        |---|---|
        | `'uniform'` | lower, upper |
        | `'normal'` | mean, standard deviation, lower, upper |
        | `'lognormal'` | median, standard deviation of ln, lower, upper |
        | `'triangular'` | lower, mode, upper |

        """
    }
}
