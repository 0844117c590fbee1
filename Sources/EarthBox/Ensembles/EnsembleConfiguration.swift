#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An ensemble namelist, read and fully validated: the base run (`&run` and every parameter group, exactly as for
/// `earthbox run`), `&ensemble`, the `&priors`, and every member's parameter values. Everything that can be wrong
/// with the input is found here, before any rank starts work; every rank computes the same result from the file.
public struct EnsembleConfiguration: Sendable {
    public let base: RunConfiguration
    public let settings: EnsembleSettings
    public let priors: [ParameterPrior]
    /// `settings.members` rows of `priors.count` values: the sampled parameters of each parameter sample.
    public let samples: [[Double]]
    /// Text of the namelist file as read (stored in the output for provenance and hashed for the journal).
    public let namelistText: String
    public var source: String { base.source }

    public static var groupNames: [String] { ConfigurationGroup.names(.run, .ensemble) }

    /// `overrides` (`--set group.key=value`, any group including `&ensemble`) replace values of the file before
    /// decoding; they are appended to the recorded text as comments, so they are part of the journal's fingerprint.
    public static func load(path: String, overrides: [NamelistOverride] = []) throws(InputError) -> EnsembleConfiguration {
        let namelist = try Namelist.load(path: path)
        let text = try BoundedRead.text(path: path, limit: BoundedRead.namelistLimit, what: "namelist file")
        let record = overrides.isEmpty ? text : text + (text.hasSuffix("\n") ? "" : "\n") + NamelistOverride.comments(overrides)
        do { return try from(namelist.applying(overrides), text: record) } catch { throw error.locating(overrides) }
    }

    public static func from(_ namelist: Namelist, text: String = "") throws(InputError) -> EnsembleConfiguration {
        try NamelistDecoder.checkGroups(namelist, allowed: groupNames)
        let runGroups = Namelist(file: namelist.file, groups: namelist.groups.filter { RunConfiguration.groupNames.contains($0.name) })
        let base = try RunConfiguration.from(runGroups)
        var settings = try NamelistDecoder.decode(EnsembleSettings.self, from: namelist)
        var priors = try ParameterPrior.decodeAll(from: namelist, defaults: base.model)
        let parameterSet = try ParameterSetFile.members(settings: &settings, priors: &priors, namelist: namelist, defaults: base.model)

        let run = base.run
        if run.experiment != .scenario {
            throw namelist.error(group: "run", key: "experiment",
                                 "an ensemble runs historical + the &ensemble scenarios: experiment must be 'scenario', not '\(run.experiment)'")
        }
        if settings.constrain {
            // The constraints use 1850–1900 as baseline and observations up to 2022 (Observations.swift).
            if run.startYear > 1850 || run.endYear < 2022 {
                throw namelist.error(group: "run", key: run.startYear > 1850 ? "start_year" : "end_year",
                                     "constrain = .true. needs the years 1850-2022 (start_year ≤ 1850, end_year ≥ 2022); got \(run.startYear)-\(run.endYear)")
            }
        }
        if settings.variabilityRealisations > 1 && !base.model.variability.enabled {
            throw namelist.error(group: "ensemble", key: "variability_realisations",
                                 "\(settings.variabilityRealisations) realisations need internal variability: set &variability enabled = .true.")
        }
        // 'tas' is the old name of tas_anomaly: both, or any name twice, would be two variables of one name.
        let outputs = settings.outputVariables.map { Diagnostic.named($0)?.name ?? $0 }
        if let twice = outputs.enumerated().first(where: { outputs[..<$0.offset].contains($0.element) })?.element {
            throw namelist.error(group: "ensemble", key: "output_variables", "'\(twice)' is listed twice ('tas' is tas_anomaly)")
        }
        // The streamed ensemble's needs (`earthbox ensemble`); the in-memory gather checks its own at the start of `EnsembleDriver.run`.
        let free = (FilePaths.freeBytes(run.outputDirectory) ?? FilePaths.freeBytes(".")).map { Int(clamping: $0) }
        if let problem = EnsembleMemory.streamedProblem(settings, yearCount: run.endYear - run.startYear + 1, priorCount: priors.count,
                                                        available: EnsembleMemory.physicalBytes, availableDisk: free) {
            throw namelist.error(group: "ensemble", key: "members", problem)
        }
        var seen = Set<String>()
        for prior in priors {
            if !seen.insert(prior.parameter.name).inserted {
                throw InputError(file: namelist.file, line: prior.line, key: prior.parameter.name, message: "has two priors")
            }
        }

        let unit = parameterSet != nil ? [] : settings.sampling == .latinHypercube
            ? LatinHypercube.sample(count: settings.members, dimensions: priors.count, seed: UInt64(settings.seed))
            : LatinHypercube.random(count: settings.members, dimensions: priors.count, seed: UInt64(settings.seed))
        let samples = parameterSet ?? unit.map { row in zip(row, priors).map { u, prior in prior.distribution.quantile(u) } }
        let configuration = EnsembleConfiguration(base: base, settings: settings, priors: priors, samples: samples, namelistText: text)
        // Every sample must be a valid configuration, including the checks that tie several parameters together.
        for sample in 0..<settings.members {
            let model = try configuration.model(sample: sample)
            if let problem = RunConfiguration.consistencyProblem(model) {
                let line = priors.first { $0.parameter.name.hasPrefix(problem.group + ".") }?.line
                throw InputError(file: namelist.file, line: line ?? namelist.location(group: problem.group, key: problem.key), key: problem.key,
                                 message: "sample \(sample) breaks a consistency check (\(problem.message)); narrow the priors")
            }
        }
        return configuration
    }

    /// Members = parameter samples × variability realisations; member j is sample j / R, realisation j % R.
    public var memberCount: Int { settings.members * settings.variabilityRealisations }
    public var scenarios: [String] { settings.scenarios }
    public var years: ClosedRange<Int> { base.run.startYear...base.run.endYear }

    public func sample(ofMember member: Int) -> Int { member / settings.variabilityRealisations }
    public func realisation(ofMember member: Int) -> Int { member % settings.variabilityRealisations }

    /// The model configuration of parameter sample `sample`: the base with every prior's sampled value applied.
    public func model(sample: Int) throws(InputError) -> ModelConfiguration {
        var model = base.model
        for (prior, value) in zip(priors, samples[sample]) {
            try prior.parameter.assign(value, to: &model, file: source, line: prior.line)
        }
        return model
    }

    /// Seed of member `member`'s variability stream: a SplitMix64 hash of the ensemble seed and the member index
    /// (Steele, Lea & Flood 2014, OOPSLA), never of the rank, so a member's result does not depend on where it ran.
    public func variabilitySeed(member: Int) -> UInt64 {
        var z = UInt64(settings.seed) &+ 0x9E37_79B9_7F4A_7C15 &* UInt64(member + 1)
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The output variables as diagnostics, in namelist order.
    public var outputDiagnostics: [Diagnostic] {
        settings.outputVariables.map { Diagnostic.named($0)! }
    }

    /// 64-bit FNV-1a hash of the namelist text (Fowler, Noll & Vo): identifies the ensemble a journal belongs to.
    public var fingerprint: UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in (namelistText + "|\(base.resolvedNamelist)").utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}
