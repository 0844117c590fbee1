"""EarthBox output as scmdata / openscm-runner timeseries, with RCMIP variable names and units."""
from __future__ import annotations

from typing import Iterable

import numpy as np
import pandas as pd
import xarray as xr

# RCMIP name → (EarthBox variable, unit written, factor from the file's unit). Temperatures are anomalies against
# the run's preindustrial initial state (1750), as FaIR and MAGICC report them through openscm-runner.
RCMIP_VARIABLES: dict[str, tuple[str, str, float]] = {
    "Surface Air Temperature Change": ("tas_anomaly", "K", 1.0),
    "Surface Air Ocean Blended Temperature Change": ("tos_change", "K", 1.0),
    "Effective Radiative Forcing": ("erf", "W/m^2", 1.0),
    "Effective Radiative Forcing|Anthropogenic|CO2": ("erf_co2", "W/m^2", 1.0),
    "Effective Radiative Forcing|Anthropogenic|CH4": ("erf_ch4", "W/m^2", 1.0),
    "Effective Radiative Forcing|Anthropogenic|N2O": ("erf_n2o", "W/m^2", 1.0),
    "Effective Radiative Forcing|Anthropogenic|Aerosols|Aerosols-radiation Interactions": ("erf_ari", "W/m^2", 1.0),
    "Effective Radiative Forcing|Anthropogenic|Aerosols|Aerosols-cloud Interactions": ("erf_aci", "W/m^2", 1.0),
    "Atmospheric Concentrations|CO2": ("co2", "ppm", 1.0),
    "Atmospheric Concentrations|CH4": ("ch4", "ppb", 1.0),
    "Atmospheric Concentrations|N2O": ("n2o", "ppb", 1.0),
    "Heat Uptake": ("eei", "W/m^2", 1.0),
    "Heat Content|Ocean": ("ohc", "ZJ", 1e-21),
    "Net Atmosphere to Ocean Flux|CO2": ("fgco2_global", "GtC / yr", 1.0),
    "Net Atmosphere to Land Flux|CO2": ("nbp_global", "GtC / yr", 1.0),
    "Emissions|CO2|MAGICC Fossil and Industrial": ("emissions_co2_fossil", "GtC / yr", 1.0),
    "Sea Level Rise|Thermosteric": ("zostoga", "m", 1.0),
}


def to_frame(ds: xr.Dataset, variables: Iterable[str] = ("Surface Air Temperature Change",),
             meta: dict | None = None) -> pd.DataFrame:
    """A wide IAMC-style frame (index: climate_model, model, scenario, region, variable, unit, and any `meta`
    keys; one column per year) of the RCMIP `variables` in an EarthBox Dataset (a run, or several along
    `scenario` as `run_scenarios` returns)."""
    years = ds["year"].values.astype(int)
    scenarios = list(ds["scenario"].values) if "scenario" in ds.dims else [ds.attrs.get("scenario", "unspecified")]
    models = list(ds["model"].values) if "model" in ds.coords else ["unspecified"] * len(scenarios)
    rows, index = [], []
    for variable in variables:
        if variable not in RCMIP_VARIABLES:
            raise KeyError(f"EarthBox has no '{variable}'; it gives {sorted(RCMIP_VARIABLES)}")
        name, unit, factor = RCMIP_VARIABLES[variable]
        data = ds[name]
        for k, scenario in enumerate(scenarios):
            values = data.isel(scenario=k) if "scenario" in data.dims else data
            rows.append(np.asarray(values.values, dtype=float) * factor)
            index.append(("EarthBox", models[k], str(scenario), "World", variable, unit, *(meta or {}).values()))
    names = ["climate_model", "model", "scenario", "region", "variable", "unit", *(meta or {}).keys()]
    return pd.DataFrame(rows, index=pd.MultiIndex.from_tuples(index, names=names), columns=years)


def to_scmrun(ds: xr.Dataset, variables: Iterable[str] = ("Surface Air Temperature Change",), meta: dict | None = None):
    """The RCMIP `variables` of an EarthBox Dataset as an scmdata ScmRun (needs scmdata)."""
    from scmdata import ScmRun
    return ScmRun(to_frame(ds, variables, meta))
