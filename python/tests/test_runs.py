import numpy as np
import pytest

import earthbox
from conftest import ssp_frame


def warming(ds, year, **sel):
    t = ds.tas_anomaly.sel(**sel) if sel else ds.tas_anomaly
    baseline = t.where((ds.year >= 1850) & (ds.year <= 1900), drop=True).mean("time")
    return float(t.where(ds.year == year, drop=True).squeeze() - baseline)


def test_ssp245_runs_and_warms_as_the_binary_reports():
    ds = earthbox.run_scenario("ssp245")
    assert int(ds.year[0]) == 1750 and int(ds.year[-1]) == 2100
    # AR6 WG1 SPM Table 1: SSP2-4.5 2081-2100 very likely 2.1-3.5 K over 1850-1900.
    assert 2.1 < warming(ds, 2090) < 3.5
    assert ds.tas_anomaly.attrs["standard_name"] == "air_temperature_anomaly"


def test_a_frame_holding_the_base_ssp_reproduces_it():
    base = earthbox.run_scenario("ssp245")
    ds = earthbox.run_scenarios(ssp_frame("ssp245", name="copy", years=range(2015, 2101)), base_scenario="ssp245")
    assert list(ds.scenario.values) == ["copy"]
    np.testing.assert_allclose(ds.tas_anomaly.sel(scenario="copy").values, base.tas_anomaly.values, atol=1e-9)


def test_pyam_frame_of_two_scenarios():
    pyam = pytest.importorskip("pyam")
    import pandas as pd
    low = ssp_frame("ssp126", name="low")
    high = ssp_frame("ssp585", name="high")
    ds = earthbox.run_scenarios(pyam.IamDataFrame(pd.concat([low, high])), base_scenario="ssp245")
    assert sorted(ds.scenario.values) == ["high", "low"]
    assert warming(ds, 2100, scenario="high") > warming(ds, 2100, scenario="low") + 1.5
    co2 = ds.co2.sel(scenario="low").where(ds.year == 2100, drop=True)
    assert float(co2.squeeze()) < 500  # ppm: the unit 1e-6 is a mole fraction in ppm


def test_parameters_change_the_run():
    cool = earthbox.run_scenario("ssp245", parameters={"climate.equilibrium_climate_sensitivity": 2.0})
    warm = earthbox.run_scenario("ssp245", parameters={"climate": {"equilibrium_climate_sensitivity": 4.5}})
    assert warming(warm, 2100) > warming(cool, 2100) + 0.5


def test_run_namelist_with_a_changed_key(tmp_path):
    ds = earthbox.run_namelist("Namelists/default.nml", {"run.end_year": 1900}, output=tmp_path / "kept.nc")
    assert int(ds.year[-1]) == 1900 and (tmp_path / "kept.nc").is_file()
    again = earthbox.open_dataset(tmp_path / "kept.nc")
    assert again.identical(ds)


def test_bad_parameter_is_one_clear_error():
    with pytest.raises(earthbox.EarthBoxError, match="equilibrium_climate_sensitivity"):
        earthbox.run_scenario("ssp245", parameters={"climate.equilibrium_climate_sensitivity": -1.0})


def test_frame_without_world_is_refused():
    frame = ssp_frame("ssp245")
    frame["region"] = "China"
    with pytest.raises(earthbox.EarthBoxError, match="World"):
        earthbox.run_scenarios(frame)
