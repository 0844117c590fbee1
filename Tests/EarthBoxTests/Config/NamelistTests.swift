import Testing
@testable import EarthBox

// MARK: - Example groups

struct ClimateTestParameters: NamelistGroup, Equatable {
    static let groupName = "climate"
    var equilibriumClimateSensitivity = 3.0
    var spinupYears = 100
    var interactiveCarbon = true
    var scenario = "ssp245"
    var layerDepths: [Double] = [50.0, 500.0, 3000.0]

    static let fields: [NamelistField<ClimateTestParameters>] = [
        .real("equilibrium_climate_sensitivity", \.equilibriumClimateSensitivity, range: 1.5...6.0, unit: "K",
              "Equilibrium warming for a doubling of CO2", citation: "Sherwood et al. (2020), Rev. Geophys."),
        .integer("spinup_years", \.spinupYears, range: 0...10_000, unit: "yr", "Length of the spin-up"),
        .logical("interactive_carbon", \.interactiveCarbon, "Couple the carbon cycle | CO2 concentration"),
        .string("scenario", \.scenario, allowed: ["ssp126", "ssp245", "ssp585"], "Forcing scenario"),
        .realList("layer_depths", \.layerDepths, elementRange: 0...6000, count: 1...5, unit: "m",
                  "Bottom depth of each ocean layer", citation: "Held et al. (2010)"),
    ]
}

struct OceanTestParameters: NamelistGroup, Equatable {
    static let groupName = "ocean"
    var offset = 0.0
    var values: [Double] = [1.0]
    var restartFile = "restart.nc"
    var layers = 3

    static let fields: [NamelistField<OceanTestParameters>] = [
        .real("offset", \.offset, range: -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude,
              unit: "1", "Any finite real", citation: ""),
        .realList("values", \.values, elementRange: -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude,
                  count: 1...100, unit: "1", "Any finite reals", citation: ""),
        .string("restart_file", \.restartFile, allowed: nil, "Restart file path"),
        .integer("layers", \.layers, range: 1...50, "Number of layers"),
    ]
}

// MARK: - Helpers

private func parse(_ text: String, file: String = "test.nml") throws(InputError) -> Namelist {
    try Namelist.parse(text: text, file: file)
}

/// The InputError thrown by `body`, or nil if it did not throw.
private func inputError<T>(_ body: () throws(InputError) -> T) -> InputError? {
    do { _ = try body(); return nil } catch { return error }
}

private func values(_ text: String, group: String = "g", key: String) throws -> [NamelistValue] {
    let namelist = try parse(text)
    return try #require(namelist.group(group)?.entry(key)).values
}

// MARK: - Parser: syntax features

@Suite struct NamelistSyntaxTests {
    @Test func groupsEntriesAndLines() throws {
        let text = """
        ! a comment before any group

        &CLIMATE
          Equilibrium_Climate_Sensitivity = 2.5
          spinup_years = 20
        /
        &ocean layers = 4 /
        """
        let namelist = try parse(text)
        #expect(namelist.file == "test.nml")
        #expect(namelist.groups.map(\.name) == ["climate", "ocean"])
        #expect(namelist.groups.map(\.line) == [3, 7])
        let climate = try #require(namelist.group("Climate"))
        #expect(climate.entries.map(\.key) == ["equilibrium_climate_sensitivity", "spinup_years"])
        #expect(climate.entries.map(\.line) == [4, 5])
        #expect(climate.entries[0].values == [.real(2.5)])
        #expect(namelist.location(group: "ocean", key: "LAYERS") == 7)
        #expect(namelist.location(group: "ocean", key: "offset") == nil)
        #expect(namelist.location(group: "missing", key: "x") == nil)
    }

    @Test func emptyFileAndEmptyGroup() throws {
        #expect(try parse("").groups.isEmpty)
        #expect(try parse("  \n! only a comment\n\n").groups.isEmpty)
        let namelist = try parse("&empty /\n&also_empty\n/")
        #expect(namelist.groups.map(\.name) == ["empty", "also_empty"])
        #expect(namelist.groups.allSatisfy { $0.entries.isEmpty })
    }

    @Test func commasAreOptional() throws {
        let withCommas = try parse("&g a = 1, b = 2, c = 3, /")
        let without = try parse("&g a = 1 b = 2\n c = 3 /")
        for namelist in [withCommas, without] {
            let group = try #require(namelist.group("g"))
            #expect(group.entries.map(\.key) == ["a", "b", "c"])
            #expect(group.entries.map(\.values) == [[.integer(1)], [.integer(2)], [.integer(3)]])
        }
    }

    @Test func commentsAreIgnoredButNotInsideStrings() throws {
        let text = """
        &g ! group comment
          s = 'x ! not a comment' ! comment
          t = "a!b"!comment right after
          ! whole-line comment
        / ! after the end
        """
        let group = try #require(try parse(text).group("g"))
        #expect(group.entries.map(\.values) == [[.string("x ! not a comment")], [.string("a!b")]])
    }

    @Test func integers() throws {
        #expect(try values("&g a = 42, -7, +3, 0 /", key: "a")
            == [.integer(42), .integer(-7), .integer(3), .integer(0)])
        #expect(try values("&g a = \(Int.max) /", key: "a") == [.integer(Int.max)])
    }

    @Test func realsInEveryFortranSpelling() throws {
        let reals = try values("&g a = 1.5, -2e-3, 1.0d0, 3.D-2, .5, 5., 1E+3, -.25D+1, 2.5e300 /", key: "a")
        #expect(reals == [.real(1.5), .real(-2e-3), .real(1.0), .real(0.03), .real(0.5), .real(5.0),
                          .real(1000.0), .real(-2.5), .real(2.5e300)])
        // Exponent marks make a real even without a decimal point.
        #expect(try values("&g a = 1e3 /", key: "a") == [.real(1000)])
        #expect(try values("&g a = 0.1 /", key: "a") == [.real(0.1)])
    }

    @Test func logicals() throws {
        let flags = try values("&g a = .true., .false., T, F, .t., .F., true, FALSE, .True /", key: "a")
        #expect(flags == [true, false, true, false, true, false, true, false, true].map(NamelistValue.logical))
    }

    @Test func logicalListFollowedByNextKey() throws {
        // `T`/`F` look like keys; the next entry is recognised by its '='.
        let group = try #require(try parse("&g flags = T F\n T\n f = 2 /").group("g"))
        #expect(group.entries.map(\.key) == ["flags", "f"])
        #expect(group.entries[0].values == [.logical(true), .logical(false), .logical(true)])
        #expect(group.entries[1].values == [.integer(2)])
    }

    @Test func stringsWithBothQuotesAndDoubledQuoteEscapes() throws {
        let strings = try values(#"&g a = 'abc', "def", 'it''s', "say ""hi""", "it's", '', 'Ünïcødé' /"#, key: "a")
        #expect(strings == [.string("abc"), .string("def"), .string("it's"), .string(#"say "hi""#),
                            .string("it's"), .string(""), .string("Ünïcødé")])
    }

    @Test func listsContinueOnFollowingLines() throws {
        let text = """
        &g
          depths = 10.0, 20.0,
                   30.0 ! comment inside a list
                   40.0
          n = 1
        /
        """
        let group = try #require(try parse(text).group("g"))
        #expect(group.entries[0].values == [.real(10), .real(20), .real(30), .real(40)])
        #expect(group.entries[0].line == 2)
        #expect(group.entries[1].line == 5)
    }

    @Test func repeatCounts() throws {
        #expect(try values("&g a = 3*0.5 /", key: "a") == Array(repeating: .real(0.5), count: 3))
        #expect(try values("&g a = 1.0, 2*2.0, 1*.true., 2*'x y' /", key: "a")
            == [.real(1), .real(2), .real(2), .logical(true), .string("x y"), .string("x y")])
    }

    @Test func windowsLineEndingsAndByteOrderMark() throws {
        let namelist = try parse("\u{FEFF}&g\r\n  a = 1.5\r\n  s = 'x'\r\n/\r\n")
        let group = try #require(namelist.group("g"))
        #expect(group.entries.map(\.values) == [[.real(1.5)], [.string("x")]])
        #expect(group.entries.map(\.line) == [2, 3])
    }

    @Test func loadReadsAFile() throws {
        let path = "/tmp/earthbox-namelist-test-\(UInt32.random(in: 0...UInt32.max)).nml"
        let text = "&climate\n  spinup_years = 7\n/\n"
        try #require(writeFile(path, text))
        defer { removeFile(path) }
        let namelist = try Namelist.load(path: path)
        #expect(namelist.file == path)
        #expect(namelist.location(group: "climate", key: "spinup_years") == 2)
        #expect(try NamelistDecoder.decode(ClimateTestParameters.self, from: namelist).spinupYears == 7)
    }
}

// MARK: - Parser: syntax errors

@Suite struct NamelistSyntaxErrorTests {
    @Test func missingFile() {
        let error = inputError { () throws(InputError) in try Namelist.load(path: "/nonexistent/earthbox/run.nml") }
        #expect(error == InputError(file: "/nonexistent/earthbox/run.nml",
                                    message: "cannot open the namelist file: No such file or directory"))
        #expect(error?.description == "/nonexistent/earthbox/run.nml: error: cannot open the namelist file: No such file or directory")
    }

    @Test func textOutsideAGroup() {
        let error = inputError { () throws(InputError) in try parse("&g a = 1 /\n\nb = 2\n") }
        #expect(error?.file == "test.nml")
        #expect(error?.line == 3)
        #expect(error?.key == nil)
        #expect(error?.message == "text outside a group: 'b = 2'; settings must be inside '&group_name ... /'")
    }

    @Test func missingSlashAtEndOfFile() {
        let error = inputError { () throws(InputError) in try parse("&climate\n  a = 1\n  b = 2, 3\n") }
        #expect(error == InputError(file: "test.nml", line: 3,
                                    message: "group '&climate' (line 1) is not closed: missing '/' before end of file"))
        // Without a final newline the last line is the same.
        #expect(inputError { () throws(InputError) in try parse("&climate\n  a = 1\n  b = 2") }?.line == 3)
    }

    @Test func missingSlashBeforeNextGroup() {
        let error = inputError { () throws(InputError) in try parse("&a\n x = 1\n&b\n y = 2\n/\n") }
        #expect(error == InputError(file: "test.nml", line: 3,
                                    message: "group '&a' (line 1) is not closed: missing '/' before the next group"))
    }

    @Test func missingEquals() {
        let error = inputError { () throws(InputError) in try parse("&g\n  a = 1\n  ecs 3.0\n/\n") }
        #expect(error == InputError(file: "test.nml", line: 3, key: "ecs", message: "missing '=' after the key"))
        #expect(error?.description == "test.nml:3: error: 'ecs': missing '=' after the key")
    }

    @Test func unterminatedString() {
        let error = inputError { () throws(InputError) in try parse("&g\n  name = 'abc\n  n = 1\n/\n") }
        #expect(error == InputError(file: "test.nml", line: 2, key: "name",
                                    message: "unterminated string: missing closing ' on this line"))
        let atEnd = inputError { () throws(InputError) in try parse("&g\n  name = \"abc") }
        #expect(atEnd?.line == 2)
        #expect(atEnd?.key == "name")
    }

    @Test(arguments: ["1.2.3", "1e", "1e+", "-", "+.", "1.5x", "--1", "1d2.5", "3*1.2.3"])
    func malformedNumbers(_ spelling: String) {
        let error = inputError { () throws(InputError) in try parse("&g\n  a = 1\n  x = 0.5, \(spelling)\n/\n") }
        let shown = spelling.hasPrefix("3*") ? String(spelling.dropFirst(2)) : spelling
        #expect(error == InputError(file: "test.nml", line: 3, key: "x", message: "malformed number '\(shown)'"))
    }

    @Test func malformedNumberOnAContinuationLineReportsThatLine() {
        let error = inputError { () throws(InputError) in try parse("&g\n  x = 1.0,\n      2..0\n/\n") }
        #expect(error?.line == 3)
        #expect(error?.key == "x")
    }

    @Test func otherBadValues() {
        let unquoted = inputError { () throws(InputError) in try parse("&g\n  s = hello\n/") }
        #expect(unquoted == InputError(file: "test.nml", line: 2, key: "s",
                                       message: "unexpected text 'hello'; strings must be quoted, e.g. 'hello'"))
        let logical = inputError { () throws(InputError) in try parse("&g\n  l = .yes.\n/") }
        #expect(logical == InputError(file: "test.nml", line: 2, key: "l",
                                      message: "malformed logical '.yes.'; write .true. or .false."))
        let big = inputError { () throws(InputError) in try parse("&g\n  n = 99999999999999999999\n/") }
        #expect(big?.message == "integer '99999999999999999999' is too large")
        let huge = inputError { () throws(InputError) in try parse("&g\n  x = 1e400\n/") }
        #expect(huge?.message == "real number '1e400' is too large for double precision")
        let afterString = inputError { () throws(InputError) in try parse("&g\n  s = 'a'b\n/") }
        #expect(afterString?.line == 2)
        #expect(afterString?.key == "s")
        let notAValue = inputError { () throws(InputError) in try parse("&g\n  x = =2\n/") }
        #expect(notAValue == InputError(file: "test.nml", line: 2, key: "x", message: "unexpected '=2'; expected a value"))
        let zeroRepeat = inputError { () throws(InputError) in try parse("&g\n  x = 0*1.0\n/") }
        #expect(zeroRepeat?.message == "repeat count must be at least 1")
        let bigRepeat = inputError { () throws(InputError) in try parse("&g\n  x = 99999999*1.0\n/") }
        #expect(bigRepeat?.key == "x")
    }

    @Test func emptyValues() {
        let beforeNextKey = inputError { () throws(InputError) in try parse("&g\n  a =\n  b = 1\n/\n") }
        #expect(beforeNextKey == InputError(file: "test.nml", line: 2, key: "a", message: "empty value: nothing after '='"))
        let beforeSlash = inputError { () throws(InputError) in try parse("&g\n  a = 1\n  b = /\n") }
        #expect(beforeSlash == InputError(file: "test.nml", line: 3, key: "b", message: "empty value: nothing after '='"))
        let leadingComma = inputError { () throws(InputError) in try parse("&g\n  a = , 1\n/\n") }
        #expect(leadingComma == InputError(file: "test.nml", line: 2, key: "a",
                                           message: "empty value: nothing between '=' and ','"))
        let doubleComma = inputError { () throws(InputError) in try parse("&g\n  a = 1,\n ,2\n/\n") }
        #expect(doubleComma == InputError(file: "test.nml", line: 3, key: "a", message: "empty value between two commas"))
        let repeatWithoutValue = inputError { () throws(InputError) in try parse("&g\n  a = 3*\n/\n") }
        #expect(repeatWithoutValue == InputError(file: "test.nml", line: 2, key: "a",
                                                 message: "empty value after '3*' (null values are not supported)"))
    }

    @Test func keyRepeatedInAGroup() {
        let error = inputError { () throws(InputError) in try parse("&g\n  a = 1\n  b = 2\n  A = 3\n/\n") }
        #expect(error == InputError(file: "test.nml", line: 4, key: "a",
                                    message: "set twice in group '&g' (first on line 2)"))
        // The same key in two different groups is fine.
        #expect(inputError { () throws(InputError) in try parse("&g a = 1 /\n&h a = 1 /") } == nil)
    }

    @Test func groupRepeatedInAFile() {
        let error = inputError { () throws(InputError) in try parse("&climate\n a = 1\n/\n\n&CLIMATE\n b = 2\n/\n") }
        #expect(error == InputError(file: "test.nml", line: 5, message: "group '&climate' appears twice (first on line 1)"))
    }

    @Test func badGroupStartAndStrayCharacters() {
        let noName = inputError { () throws(InputError) in try parse("\n& /") }
        #expect(noName == InputError(file: "test.nml", line: 2, message: "expected a group name after '&'"))
        let stray = inputError { () throws(InputError) in try parse("&g\n  a = 1\n  = 2\n/") }
        #expect(stray?.line == 3)
        #expect(stray?.message == "unexpected '= 2' in group '&g'; expected 'key = value' or '/'")
        let sameLine = inputError { () throws(InputError) in try parse("&g\n  a = 1 ecs 3.0\n/") }
        #expect(sameLine == InputError(file: "test.nml", line: 2, key: "ecs", message: "missing '=' after the key"))
        // An element index is part of the key (`&priors` uses `ocean.layer_thickness(1)`); plain groups reject it as unknown.
        let arrayIndex = try? parse("&g\n  a(2) = 1\n/")
        #expect(arrayIndex?.groups.first?.entries.first?.key == "a(2)")
        let unclosedIndex = inputError { () throws(InputError) in try parse("&g\n  a(2 = 1\n/") }
        #expect(unclosedIndex == InputError(file: "test.nml", line: 2, key: "a", message: "missing '=' after the key"))
    }
}

// MARK: - Typed decoding

@Suite struct NamelistDecoderTests {
    private func decodeClimate(_ body: String) throws(InputError) -> ClimateTestParameters {
        try NamelistDecoder.decode(ClimateTestParameters.self, from: parse("&climate\n\(body)\n/\n", file: "run.nml"))
    }

    private func climateError(_ body: String) -> InputError? {
        inputError { () throws(InputError) in try decodeClimate(body) }
    }

    @Test func absentGroupAndAbsentKeysGiveDefaults() throws {
        let none = try NamelistDecoder.decode(ClimateTestParameters.self, from: parse("&ocean layers = 2 /"))
        #expect(none == ClimateTestParameters())
        let some = try decodeClimate("  spinup_years = 5")
        var expected = ClimateTestParameters()
        expected.spinupYears = 5
        #expect(some == expected)
    }

    @Test func allFieldTypes() throws {
        let value = try decodeClimate("""
          EQUILIBRIUM_CLIMATE_SENSITIVITY = 4.5d0
          spinup_years = 250, interactive_carbon = F
          scenario = "ssp585"
          layer_depths = 2*10.0, 100
        """)
        #expect(value.equilibriumClimateSensitivity == 4.5)
        #expect(value.spinupYears == 250)
        #expect(value.interactiveCarbon == false)
        #expect(value.scenario == "ssp585")
        #expect(value.layerDepths == [10, 10, 100])
    }

    @Test func integerIsAcceptedForAReal() throws {
        #expect(try decodeClimate("equilibrium_climate_sensitivity = 4").equilibriumClimateSensitivity == 4.0)
        #expect(try decodeClimate("layer_depths = 1, 2.5").layerDepths == [1.0, 2.5])
    }

    @Test func rangeBoundsAreInclusive() throws {
        #expect(try decodeClimate("equilibrium_climate_sensitivity = 1.5").equilibriumClimateSensitivity == 1.5)
        #expect(try decodeClimate("equilibrium_climate_sensitivity = 6").equilibriumClimateSensitivity == 6.0)
        #expect(try decodeClimate("spinup_years = 0").spinupYears == 0)
    }

    @Test func unknownKeyWithSuggestion() {
        let error = climateError("  spinup_years = 5\n  equilibrium_climate_sensitivty = 3.0")
        #expect(error == InputError(file: "run.nml", line: 3, key: "equilibrium_climate_sensitivty",
                                    message: "unknown key in group '&climate'; did you mean 'equilibrium_climate_sensitivity'?"))
        #expect(error?.description == "run.nml:3: error: 'equilibrium_climate_sensitivty': "
                + "unknown key in group '&climate'; did you mean 'equilibrium_climate_sensitivity'?")
        #expect(climateError("spinup_yaers = 1")?.message == "unknown key in group '&climate'; did you mean 'spinup_years'?")
    }

    @Test func unknownKeyFarFromEverythingListsValidKeys() {
        let error = climateError("co2 = 280")
        #expect(error == InputError(file: "run.nml", line: 2, key: "co2", message:
            "unknown key in group '&climate' (valid keys: equilibrium_climate_sensitivity, spinup_years, "
            + "interactive_carbon, scenario, layer_depths)"))
    }

    @Test func wrongTypes() {
        #expect(climateError("equilibrium_climate_sensitivity = 'three'") == InputError(
            file: "run.nml", line: 2, key: "equilibrium_climate_sensitivity",
            message: "expected a real number, got the string 'three'"))
        #expect(climateError("spinup_years = 1.5") == InputError(
            file: "run.nml", line: 2, key: "spinup_years", message: "expected an integer, got the real number 1.5"))
        #expect(climateError("interactive_carbon = 1") == InputError(
            file: "run.nml", line: 2, key: "interactive_carbon",
            message: "expected a logical (.true. or .false.), got the integer 1"))
        #expect(climateError("scenario = .true.") == InputError(
            file: "run.nml", line: 2, key: "scenario", message: "expected a quoted string, got the logical .true."))
        #expect(climateError("layer_depths = 10.0, 'deep'") == InputError(
            file: "run.nml", line: 2, key: "layer_depths", message: "expected a real number, got the string 'deep'"))
    }

    @Test func listForAScalarAndCountOutsideRange() {
        #expect(climateError("equilibrium_climate_sensitivity = 3.0, 4.0") == InputError(
            file: "run.nml", line: 2, key: "equilibrium_climate_sensitivity",
            message: "expected a single value, got a list of 2 values"))
        #expect(climateError("spinup_years = 3*1") == InputError(
            file: "run.nml", line: 2, key: "spinup_years", message: "expected a single value, got a list of 3 values"))
        #expect(climateError("layer_depths = 6*10.0") == InputError(
            file: "run.nml", line: 2, key: "layer_depths", message: "expected 1 to 5 values, got 6"))
    }

    @Test func outOfRangePrintsValueRangeAndUnit() {
        let error = climateError("\n  equilibrium_climate_sensitivity = 7.5")
        #expect(error == InputError(file: "run.nml", line: 3, key: "equilibrium_climate_sensitivity",
                                    message: "value 7.5 is outside the allowed range [1.5, 6.0] (unit: K)"))
        #expect(error?.description == "run.nml:3: error: 'equilibrium_climate_sensitivity': "
                + "value 7.5 is outside the allowed range [1.5, 6.0] (unit: K)")
        #expect(climateError("spinup_years = -1")?.message == "value -1 is outside the allowed range [0, 10000] (unit: yr)")
        #expect(climateError("layer_depths = 10, 7000")?.message
                == "element 2 (value 7000.0) is outside the allowed range [0.0, 6000.0] (unit: m)")
    }

    @Test func stringNotAllowedSuggestsNearest() {
        #expect(climateError("scenario = 'ssp244'") == InputError(
            file: "run.nml", line: 2, key: "scenario",
            message: "'ssp244' is not an allowed value (allowed: 'ssp126', 'ssp245', 'ssp585'); did you mean 'ssp245'?"))
        #expect(climateError("scenario = 'rcp85'")?.message
                == "'rcp85' is not an allowed value (allowed: 'ssp126', 'ssp245', 'ssp585')")
    }

    @Test func anyStringWhenAllowedIsNil() throws {
        let namelist = try parse("&ocean restart_file = '/data/run''s restart.nc' /")
        #expect(try NamelistDecoder.decode(OceanTestParameters.self, from: namelist).restartFile == "/data/run's restart.nc")
    }

    @Test func checkGroups() throws {
        let allowed = ["climate", "ocean"]
        try NamelistDecoder.checkGroups(parse("&climate /\n&OCEAN /"), allowed: allowed)
        let typo = inputError { () throws(InputError) in
            try NamelistDecoder.checkGroups(parse("&ocean /\n&climat\n/", file: "run.nml"), allowed: allowed)
        }
        #expect(typo == InputError(file: "run.nml", line: 2, message: "unknown group '&climat'; did you mean '&climate'?"))
        let far = inputError { () throws(InputError) in
            try NamelistDecoder.checkGroups(parse("&land /", file: "run.nml"), allowed: allowed)
        }
        #expect(far?.message == "unknown group '&land' (valid groups: &climate, &ocean)")
    }

    @Test func crossFieldErrorPointsAtTheKeysLine() throws {
        let namelist = try parse("&bounds\n  t_min = 300\n  t_max = 250\n/\n&other /", file: "run.nml")
        let error = namelist.error(group: "bounds", key: "T_MAX", "bounds reversed: t_max (250) < t_min (300)")
        #expect(error == InputError(file: "run.nml", line: 3, key: "t_max",
                                    message: "bounds reversed: t_max (250) < t_min (300)"))
        #expect(namelist.error(group: "other", key: "x", "m").line == 5)  // key not set: the group's line
        #expect(namelist.error(group: "none", key: "x", "m").line == nil)
    }
}

// MARK: - Encoding and documentation

@Suite struct NamelistEncoderTests {
    private func roundTrip<G: NamelistGroup>(_ value: G) throws -> G {
        try NamelistDecoder.decode(G.self, from: Namelist.parse(text: NamelistEncoder.encode(value), file: "encoded.nml"))
    }

    @Test func encodeWritesEveryKey() {
        let text = NamelistEncoder.encode(ClimateTestParameters())
        #expect(text == """
        &climate
          equilibrium_climate_sensitivity = 3.0
          spinup_years                    = 100
          interactive_carbon              = .true.
          scenario                        = 'ssp245'
          layer_depths                    = 50.0, 500.0, 3000.0
        /

        """)
    }

    @Test func defaultsAreValid() throws {
        #expect(try roundTrip(ClimateTestParameters()) == ClimateTestParameters())
        #expect(try roundTrip(OceanTestParameters()) == OceanTestParameters())
    }

    @Test func roundTripIsBitExactForAwkwardReals() throws {
        let awkward: [Double] = [0.1, 1e-300, -0.0, 1.0 / 3.0, .leastNonzeroMagnitude, 2.2250738585072014e-308,
                                 .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 1e16, 123456789.123,
                                 -2.5e-8, 0.30000000000000004, 1.0.nextUp, 1.0.nextDown, 9007199254740992.0.nextUp]
        var value = OceanTestParameters()
        value.values = awkward
        value.offset = -0.0
        value.restartFile = "quote ' and \" and ! and , and /"
        value.layers = 50
        let decoded = try roundTrip(value)
        #expect(decoded.values.map(\.bitPattern) == awkward.map(\.bitPattern))
        #expect(decoded.offset.bitPattern == (-0.0).bitPattern)
        #expect(decoded.restartFile == value.restartFile)
        #expect(decoded.layers == 50)
    }

    @Test func roundTripIsBitExactForRandomReals() throws {
        var random = SplitMix64(seed: 0x5EED)
        var value = OceanTestParameters()
        value.values = []
        while value.values.count < 100 {
            let number = Double(bitPattern: random.next())
            if number.isFinite { value.values.append(number) }
        }
        let decoded = try roundTrip(value)
        #expect(decoded.values.map(\.bitPattern) == value.values.map(\.bitPattern))
    }

    @Test func documentationTable() {
        let table = NamelistEncoder.documentation(ClimateTestParameters.self)
        let lines = table.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "### `&climate`")
        #expect(lines[2] == "| key | default | unit | range | meaning | citation |")
        #expect(lines.contains("| `equilibrium_climate_sensitivity` | `3.0` | K | [1.5, 6.0] | "
                               + "Equilibrium warming for a doubling of CO2 | Sherwood et al. (2020), Rev. Geophys. |"))
        #expect(lines.contains("| `spinup_years` | `100` | yr | [0, 10000] | Length of the spin-up |  |"))
        #expect(lines.contains("| `interactive_carbon` | `.true.` |  | .true. or .false. | "
                               + "Couple the carbon cycle \\| CO2 concentration |  |"))
        #expect(lines.contains("| `scenario` | `'ssp245'` |  | 'ssp126', 'ssp245', 'ssp585' | Forcing scenario |  |"))
        #expect(lines.contains("| `layer_depths` | `50.0, 500.0, 3000.0` | m | 1 to 5 values, each in [0.0, 6000.0] | "
                               + "Bottom depth of each ocean layer | Held et al. (2010) |"))
        #expect(lines.count == 4 + ClimateTestParameters.fields.count + 1)
    }
}

// MARK: - Fuzz

@Suite struct NamelistFuzzTests {
    static let valid = """
    ! EarthBox run configuration
    &climate
      equilibrium_climate_sensitivity = 3.2d0 ! K
      spinup_years = 200, interactive_carbon = .false.
      scenario = "ssp585"
      layer_depths = 2*25.0,
                     1.5e3
    /
    &ocean
      offset = -1.0E-3
      values = 1, 2., .3, 4d0
      restart_file = 'it''s here.nc'
      layers = 4
    /
    """

    @Test func theUnmutatedTextIsValid() throws {
        let namelist = try Namelist.parse(text: Self.valid, file: "fuzz.nml")
        #expect(try NamelistDecoder.decode(ClimateTestParameters.self, from: namelist).layerDepths == [25, 25, 1500])
        #expect(try NamelistDecoder.decode(OceanTestParameters.self, from: namelist).restartFile == "it's here.nc")
    }

    /// 500 random mutations never crash: they parse (and decode or fail to decode) or throw
    /// an InputError that names the file and a line that exists.
    @Test func randomMutationsParseOrThrowInputError() {
        var random = SplitMix64(seed: 2024)
        let alphabet = Array("&/=,!'\"*.-+eEdD0123456789 \n\tTFab_xyz".utf8)
        let original = Array(Self.valid.utf8)
        var parsed = 0, rejected = 0
        for _ in 0..<500 {
            var bytes = original
            for _ in 0..<(1 + Int(random.next() % 4)) {
                let position = Int(random.next() % UInt64(bytes.count + 1))
                switch random.next() % 4 {
                case 0 where !bytes.isEmpty:  // delete a character
                    bytes.remove(at: min(position, bytes.count - 1))
                case 1 where !bytes.isEmpty:  // duplicate a short run
                    let start = min(position, bytes.count - 1)
                    let end = min(bytes.count, start + 1 + Int(random.next() % 8))
                    bytes.insert(contentsOf: bytes[start..<end], at: start)
                case 2:  // insert a namelist-significant character
                    bytes.insert(alphabet[Int(random.next() % UInt64(alphabet.count))], at: position)
                default:  // insert an arbitrary byte (may make invalid UTF-8)
                    bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: position)
                }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            let lineCount = text.utf8.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            do {
                let namelist = try Namelist.parse(text: text, file: "fuzz.nml")
                parsed += 1
                _ = try NamelistDecoder.decode(ClimateTestParameters.self, from: namelist)
                _ = try NamelistDecoder.decode(OceanTestParameters.self, from: namelist)
                try NamelistDecoder.checkGroups(namelist, allowed: ["climate", "ocean"])
            } catch {
                rejected += 1
                #expect(error.file == "fuzz.nml")
                #expect(!error.message.isEmpty)
                if let line = error.line {
                    #expect((1...lineCount).contains(line), "line \(line) outside 1...\(lineCount): \(error)")
                }
            }
        }
        #expect(parsed > 50)
        #expect(rejected > 50)
    }
}

// MARK: - Test utilities

/// Deterministic 64-bit generator (SplitMix64) so fuzz failures are reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

private func writeFile(_ path: String, _ text: String) -> Bool {
    guard let handle = fopen(path, "w") else { return false }
    defer { fclose(handle) }
    return fputs(text, handle) >= 0
}

private func removeFile(_ path: String) { unlink(path) }
