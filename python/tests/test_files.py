import pytest

import earthbox


@pytest.fixture(scope="module")
def ensemble(tmp_path_factory, repository):
    out = tmp_path_factory.mktemp("ensemble") / "teaching.nc"
    return earthbox.run_ensemble(repository / "Namelists/ensembles/teaching.nml",
                                 {"ensemble.members": 6, "ensemble.climate_metrics": False}, output=out)


def test_ensemble_coordinates_select_by_label(ensemble):
    t = ensemble.tas_anomaly.sel(scenario="ssp126")
    assert t.dims == ("member", "time")
    assert ensemble.member.dtype.kind == "i" and ensemble.year.dtype.kind == "i"
    median = ensemble.tas_anomaly_quantiles_constrained.sel(scenario="ssp245", quantile=0.5)
    assert median.dims == ("time",)
    assert ensemble.tas_anomaly.attrs["reference_period"] == "1750"
    assert ensemble.peak_warming.attrs["reference_period"] == "1850-1900"


def test_cmip_tas_is_absolute_and_selects_by_scenario(ensemble):
    # CMIP's tas is the absolute temperature: each member's preindustrial climate plus its anomaly.
    t = ensemble.tas.sel(scenario="ssp126")
    assert t.dims == ("member", "time") and ensemble.tas.attrs["units"] == "K"
    base = (t - ensemble.tas_anomaly.sel(scenario="ssp126")).values
    assert ((base > 278.15) & (base < 298.15)).all()
    assert abs(base - base[:, :1]).max() < 1e-9   # one base per member, constant in time


def test_cf_xarray_finds_the_temperature_by_standard_name(ensemble):
    cf_xarray = pytest.importorskip("cf_xarray")
    assert ensemble.cf["air_temperature"].name == "tas"
    assert ensemble.cf["air_temperature_anomaly"].name == "tas_anomaly"
    assert ensemble.cf["time"].name == "time"


def test_time_decodes_to_the_model_years(ensemble):
    assert list(ensemble.time.dt.year.values) == list(ensemble.year.values)
