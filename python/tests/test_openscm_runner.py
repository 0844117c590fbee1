import pandas as pd
import pytest

import earthbox
from conftest import ssp_frame

openscm_runner = pytest.importorskip("openscm_runner.run")
scmdata = pytest.importorskip("scmdata")


def test_openscm_runner_runs_earthbox_on_two_scenarios():
    earthbox.register_openscm_runner()
    earthbox.register_openscm_runner()  # idempotent
    scenarios = scmdata.ScmRun(pd.concat([ssp_frame("ssp126", name="low"), ssp_frame("ssp370", name="high")]))
    res = openscm_runner.run(
        climate_models_cfgs={"EarthBox": [{"climate.equilibrium_climate_sensitivity": 2.5},
                                          {"climate.equilibrium_climate_sensitivity": 4.0}]},
        scenarios=scenarios,
        output_variables=("Surface Air Temperature Change", "Atmospheric Concentrations|CO2"),
    )
    assert isinstance(res, scmdata.ScmRun)
    assert set(res.get_unique_meta("scenario")) == {"low", "high"}
    assert set(res.get_unique_meta("variable")) == {"Surface Air Temperature Change", "Atmospheric Concentrations|CO2"}
    tas = res.filter(variable="Surface Air Temperature Change", year=2100)
    assert len(tas.timeseries()) == 4
    value = {(m["scenario"], m["run_id"]): v for m, v in zip(tas.meta.to_dict("records"), tas.values[:, 0])}
    assert value[("high", 1)] > value[("high", 0)] > value[("low", 0)]
    assert res.filter(variable="Atmospheric Concentrations|CO2").get_unique_meta("unit", True) == "ppm"
