from earthbox import namelist as nml

TEXT = """! a comment
&run
  scenario = 'ssp245'
  end_year = 2100
/
&climate
  equilibrium_climate_sensitivity = 3.0   ! AR6
/
"""


def test_replaces_a_key_in_its_group_only():
    out = nml.set_keys(TEXT, {"climate.equilibrium_climate_sensitivity": 4.5, "run.end_year": 2300})
    assert "equilibrium_climate_sensitivity = 4.5" in out and "3.0" not in out
    assert "end_year = 2300" in out and "2100" not in out
    assert out.count("&climate") == 1


def test_adds_missing_keys_and_groups():
    out = nml.set_keys(TEXT, {"climate": {"ocean_heat_uptake_efficacy": 1.2}, "land.respiration_q10": 2.5,
                              "run.co2_mode": "concentrations", "ensemble.scenarios": ["ssp126", "ssp585"]})
    climate = out[out.index("&climate"):out.index("/", out.index("&climate"))]
    assert "ocean_heat_uptake_efficacy = 1.2" in climate
    assert "&land\n  respiration_q10 = 2.5\n/" in out
    assert "co2_mode = 'concentrations'" in out
    assert "scenarios = 'ssp126', 'ssp585'" in out


def test_values_in_fortran_syntax():
    assert nml.format_value(True) == ".true."
    assert nml.format_value("it's") == "'it''s'"
    assert nml.format_value(0.1) == "0.1"


def test_keys_without_a_group_are_refused():
    try:
        nml.flatten({"equilibrium_climate_sensitivity": 3})
    except ValueError as error:
        assert "climate.equilibrium_climate_sensitivity" in str(error)
    else:
        raise AssertionError("a key without a group was accepted")
