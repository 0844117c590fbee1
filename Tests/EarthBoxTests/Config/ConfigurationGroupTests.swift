import Testing
@testable import EarthBox

/// The one list of namelist groups, and the typed choice settings read through it.
@Suite("Configuration groups and choices") struct ConfigurationGroupTests {
    static func decode(_ text: String) throws(InputError) -> RunConfiguration {
        try RunConfiguration.from(try Namelist.parse(text: text, file: "choice.nml"))
    }

    @Test func everyGroupIsListedOnceAndEverythingFollowsTheList() {
        let names = ConfigurationGroup.all.map(\.name)
        #expect(Set(names).count == names.count, "\(names)")
        #expect(RunConfiguration.groupNames == ConfigurationGroup.all.filter { $0.role == .run }.map(\.name))
        #expect(EnsembleConfiguration.groupNames.contains("ensemble") && EnsembleConfiguration.groupNames.contains("priors"))
        #expect(!EnsembleConfiguration.groupNames.contains("pathway"))
        // Documentation has one section per group, in the list's order.
        let docs = RunConfiguration.documentation
        let positions = names.map { docs.range(of: "### `&\($0)`")?.lowerBound }
        #expect(!positions.contains(nil), "\(zip(names, positions).filter { $1 == nil }.map(\.0))")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        // The resolved namelist holds every run group, in order, and nothing else.
        let resolved = RunConfiguration().resolvedNamelist
        let written = resolved.split(separator: "\n").filter { $0.hasPrefix("&") }.map { String($0.dropFirst()) }
        #expect(written == RunConfiguration.groupNames)
    }

    @Test func theParameterSpaceIsTheSampledGroupsRealKeys() {
        let sampled = ConfigurationGroup.all.filter(\.isSampled).map(\.name)
        #expect(ParameterSpace.groupNames == sampled)
        #expect(!sampled.contains("run") && !sampled.contains("zonal") && sampled.contains("climate"))
        let defaults = ModelConfiguration()
        for name in ParameterSpace.scalarNames {
            #expect(sampled.contains(String(name.prefix { $0 != "." })), "\(name)")
            let parameter = ParameterSpace.parameter(named: name, defaults: defaults)
            #expect(parameter?.name == name, "\(name) does not resolve")
        }
        #expect(ParameterSpace.parameter(named: "zonal.solar_constant", defaults: defaults) == nil)
        #expect(ParameterSpace.parameter(named: "ocean.layer_thickness(1)", defaults: defaults)?.value(defaults)
                == defaults.ocean.layerThicknessMetres[0])
    }

    /// Every case of every choice setting reads back as itself and survives the resolved namelist.
    @Test func everyChoiceDecodesAndRoundTrips() throws {
        for spacing in LatitudeSpacing.allCases {
            for mode in CarbonMode.allCases {
                for insolation in InsolationMethod.allCases {
                    let c = try Self.decode("""
                        &run grid_spacing = '\(spacing.rawValue)', co2_mode = '\(mode.rawValue)', other_gas_mode = '\(mode.rawValue)', bands = 6 /
                        &zonal insolation = '\(insolation.rawValue)' /
                        """)
                    #expect(c.run.gridSpacing == spacing && c.run.co2Mode == mode && c.run.otherGasMode == mode)
                    #expect(c.model.co2Mode == mode && c.model.zonal.insolation == insolation)
                    let back = try RunConfiguration.from(Namelist.parse(text: c.resolvedNamelist, file: "resolved.nml"))
                    #expect(back.run == c.run && back.model.zonal == c.model.zonal)
                }
            }
        }
        for experiment in Experiment.allCases {
            #expect(try Self.decode("&run experiment = '\(experiment.rawValue)' /").run.experiment == experiment)
        }
        for sampling in SamplingMethod.allCases {
            let settings = try NamelistDecoder.decode(EnsembleSettings.self, from: Namelist.parse(text: "&ensemble sampling = '\(sampling.rawValue)' /", file: "e.nml"))
            #expect(settings.sampling == sampling)
        }
    }

    /// A value that is not a case: file, line, key, the allowed values and the nearest one, as for allowed strings.
    @Test func aWrongChoiceNamesFileLineKeyAndAllowedValues() {
        let error = TestSupport.inputError { () throws(InputError) in _ = try Self.decode("&run\n  bands = 2\n  grid_spacing = 'equal_areas'\n/") }
        #expect(error == InputError(file: "choice.nml", line: 3, key: "grid_spacing",
                                    message: "'equal_areas' is not an allowed value (allowed: 'equal_angle', 'equal_area'); did you mean 'equal_area'?"))
        let experiment = TestSupport.inputError { () throws(InputError) in _ = try Self.decode("&run experiment = 'abrupt-4xco2' /") }
        #expect(experiment?.line == 1 && experiment?.key == "experiment")
        #expect(experiment?.message.contains("'1pctCO2'") == true && experiment?.message.hasSuffix("did you mean 'abrupt-4xCO2'?") == true,
                "\(experiment?.message ?? "")")
        let type = TestSupport.inputError { () throws(InputError) in _ = try Self.decode("&zonal\n insolation = 2\n/") }
        #expect(type == InputError(file: "choice.nml", line: 2, key: "insolation", message: "expected a quoted string, got the integer 2"))
    }

    @Test func theChoiceFieldDocumentsItsCases() {
        let field = ZonalParameters.fields.first { $0.key == "insolation" }
        #expect(field?.rangeText == "'legendre', 'exact'")
        #expect(field?.defaultText(of: ZonalParameters()) == "'legendre'")
        #expect(Experiment.allCases.filter(\.isTeachingLab).count == 4)
        #expect(Experiment.allCases.filter(\.isConcentrationDriven) == [.piControl, .abrupt4xCO2, .abrupt2xCO2, .onePercentCO2])
    }
}
