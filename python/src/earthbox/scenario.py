"""Running EarthBox on emission scenarios given as frames (pandas IAMC wide or long, scmdata ScmRun, pyam IamDataFrame).

Each (model, scenario) of the frame becomes an IAMC pathway file that the binary composes with a base SSP
(`&run pathway_file`, Forcing/pathways/README.md): the World rows it reads replace the base scenario's emissions from
the frame's first year on; everything the frame does not give follows the base SSP (historical before it). The frame
is interpolated linearly to annual values, as the RCMIP protocol does between the years a scenario gives.
"""
from __future__ import annotations

import re
import tempfile
import warnings
from pathlib import Path
from typing import Any, Mapping

import numpy as np
import pandas as pd
import xarray as xr

from . import namelist as nml
from ._binary import EarthBoxError, find_home
from .run import run_namelist_text

MT_CO2_PER_PG_C = 3664.0  # 44.009/12.011 x 1000, as Forcing/convert_rcmip.py and RegionalComposition.swift

# Frame variable → (pathway-file variable, the unit the binary expects). The first match of each target is used.
# Extend here when the binary's pathway reader takes more species (Sources/EarthBox/Pathways/RegionalComposition.swift).
SPECIES: list[tuple[str, str, str]] = [
    ("Emissions|CO2|MAGICC Fossil and Industrial", "Emissions|CO2|Fossil and Industrial", "Mt CO2/yr"),
    ("Emissions|CO2|Fossil and Industrial", "Emissions|CO2|Fossil and Industrial", "Mt CO2/yr"),
    ("Emissions|CO2|Energy and Industrial Processes", "Emissions|CO2|Fossil and Industrial", "Mt CO2/yr"),
    ("Emissions|CO2|Fossil", "Emissions|CO2|Fossil and Industrial", "Mt CO2/yr"),
    ("Emissions|CH4", "Emissions|CH4", "Mt CH4/yr"),
    ("Emissions|N2O", "Emissions|N2O", "Mt N2O/yr"),
]
BASELINE = "Emissions|CO2|Fossil and Industrial|Baseline"

# Mass factors to Mt of the species (or of C for carbon units); used when openscm-units is not installed.
_PREFIX = {"kt": 1e-3, "Mt": 1.0, "Tg": 1.0, "Gt": 1e3, "Pg": 1e3}


def _convert(values: np.ndarray, unit: str, target: str) -> np.ndarray:
    """`values` in `unit` → `target` (Mt X/yr). openscm-units when present (it knows C ↔ CO2 and N2O ↔ N), else
    the prefixes and CO2 ↔ C by molar mass."""
    if unit.replace(" ", "") == target.replace(" ", ""):
        return values
    try:
        from openscm_units import unit_registry
        return unit_registry.Quantity(values, unit).to(target).magnitude
    except ImportError:
        pass
    except Exception as error:  # an unknown or incompatible unit: say which
        raise EarthBoxError(f"cannot convert '{unit}' to '{target}': {error}") from error
    m = re.fullmatch(r"\s*(kt|Mt|Tg|Gt|Pg)\s*([A-Za-z0-9]+)\s*/\s*yr\s*", unit)
    t = re.fullmatch(r"\s*Mt\s*([A-Za-z0-9]+)\s*/\s*yr\s*", target)
    if not m or not t:
        raise EarthBoxError(f"cannot convert '{unit}' to '{target}' (install openscm-units for more units)")
    factor = _PREFIX[m.group(1)]
    species, wanted = m.group(2), t.group(1)
    if species == "C" and wanted == "CO2":
        factor *= MT_CO2_PER_PG_C / 1000
    elif species != wanted:
        raise EarthBoxError(f"cannot convert '{unit}' to '{target}'")
    return values * factor


def wide_frame(scenarios: Any) -> pd.DataFrame:
    """Any scenario frame → a wide frame indexed by (model, scenario, region, variable, unit), one int column a year."""
    if hasattr(scenarios, "timeseries") and callable(scenarios.timeseries):  # ScmRun, IamDataFrame
        frame = scenarios.timeseries()
    else:
        frame = pd.DataFrame(scenarios)
        lower = {c: c.lower() for c in frame.columns if isinstance(c, str)}
        frame = frame.rename(columns=lower)
        if {"year", "value"} <= set(frame.columns):  # long layout
            keys = [k for k in ("model", "scenario", "region", "variable", "unit") if k in frame.columns]
            frame = frame.pivot_table(index=keys, columns="year", values="value", aggfunc="first")
        else:
            keys = [k for k in ("model", "scenario", "region", "variable", "unit") if k in frame.columns]
            frame = frame.set_index(keys)
    frame = frame.copy()
    names = [n.lower() if isinstance(n, str) else n for n in frame.index.names]
    frame.index = frame.index.set_names(names)
    missing = {"scenario", "region", "variable", "unit"} - set(names)
    if missing:
        raise EarthBoxError(f"the scenario frame needs the columns {sorted(missing)}")
    if "model" not in names:
        frame = pd.concat({"unspecified": frame}, names=["model"])
    keys = ["model", "scenario", "region", "variable", "unit"]
    extra = [n for n in frame.index.names if n not in keys]
    if extra:
        frame = frame.droplevel(extra)
    frame = frame.reorder_levels(keys)
    years = [c.year if hasattr(c, "year") else int(c) for c in frame.columns]
    frame.columns = years
    return frame.T.groupby(level=0).mean().T.sort_index(axis=1)  # one column per year


def read_base_column(home: Path, scenario: str, column: str) -> pd.Series:
    """One column of a shipped forcing file (Forcing/<scenario>.csv), by year."""
    path = home / "Forcing" / f"{scenario}.csv"
    if not path.is_file():
        raise EarthBoxError(f"{path}: no forcing file for base scenario '{scenario}'")
    table = pd.read_csv(path, comment="#").iloc[1:]  # the row after the header gives the units
    return pd.Series(table[column].astype(float).values, index=table["year"].astype(int).values)


def pathway_table(rows: pd.DataFrame, base: pd.Series, name: str, base_scenario: str, last_year: int) -> str:
    """The IAMC pathway CSV text of one scenario's World rows."""
    world = rows.xs("World", level="region") if "World" in rows.index.get_level_values("region") else None
    if world is None:
        raise EarthBoxError(f"scenario '{name}': no World rows (EarthBox composes global emissions)")
    used: dict[str, tuple[str, np.ndarray]] = {}
    columns = world.columns.astype(int)
    first = int(columns.min())
    end = min(int(columns.max()), last_year)
    years = np.arange(max(first, int(base.index.min())), end + 1)
    ignored = []
    for index, series in world.iterrows():
        variable, unit = index[-2], index[-1]
        target = next(((t, u) for v, t, u in SPECIES if v == variable), None)
        if target is None or target[0] in used:
            ignored.append(variable)
            continue
        given = series.dropna()
        values = np.interp(years, given.index.astype(int).values, given.values.astype(float))
        used[target[0]] = (target[1], _convert(values, unit, target[1]))
    if ignored:
        warnings.warn(f"scenario '{name}': EarthBox's pathway file takes {sorted({t for _, t, _ in SPECIES})}; "
                      f"these follow the base scenario {base_scenario}: {sorted(set(ignored))}", stacklevel=3)
    if not used:
        raise EarthBoxError(f"scenario '{name}': none of the World variables is one EarthBox reads "
                            f"({sorted({v for v, _, _ in SPECIES})})")
    header = "Model,Scenario,Region,Variable,Unit,Base_Scenario," + ",".join(str(y) for y in years)
    lines = [f"# EarthBox pathway from the Python scenario '{name}': World emissions replace {base_scenario}'s "
             f"from {years[0]}; the baseline row is {base_scenario}'s fossil CO2, so the composition gives the frame's.",
             header]

    def row(variable: str, unit: str, values: np.ndarray) -> str:
        cells = ",".join(repr(float(v)) for v in values)
        return f"EarthBox-python,{name},World,{variable},{unit},{base_scenario},{cells}"

    for variable, (unit, values) in used.items():
        lines.append(row(variable, unit, values))
    if "Emissions|CO2|Fossil and Industrial" in used:
        lines.append(row(BASELINE, "Mt CO2/yr", base.loc[years].values * MT_CO2_PER_PG_C))
    return "\n".join(lines) + "\n"


def run_scenarios(scenarios: Any, base_scenario: str = "ssp245", end_year: int | None = None,
                  parameters: Mapping[str, Any] | None = None) -> xr.Dataset:
    """Runs every (model, scenario) of an emission frame and returns one Dataset with a string `scenario`
    coordinate (and `model` as a coordinate on it). The base SSP gives history and every species the frame does
    not; `end_year` defaults to the frame's last year. `parameters` sets namelist keys (``"climate.<key>"`` ...)."""
    home = find_home()
    frame = wide_frame(scenarios)
    last = int(end_year or frame.columns.max())
    base = read_base_column(home, base_scenario, "co2_fossil")
    results, names, models = [], [], []
    with tempfile.TemporaryDirectory(prefix="earthbox-scenario-") as folder:
        for (model, scenario), rows in frame.groupby(level=["model", "scenario"]):
            pathway = Path(folder) / f"pathway-{len(results)}.csv"
            pathway.write_text(pathway_table(rows, base, str(scenario), base_scenario, last))
            groups = nml.flatten(parameters)
            run = {"experiment": "scenario", "scenario": base_scenario, "co2_mode": "emissions", "start_year": 1750,
                   "end_year": last, "forcing_directory": str(home / "Forcing"), "pathway_file": str(pathway),
                   "run_name": re.sub(r"[^A-Za-z0-9_.-]+", "-", str(scenario))}
            run.update(groups.pop("run", {}))
            text = nml.write({"run": run, **groups}, comment=f"scenario '{scenario}' of model '{model}', from Python")
            results.append(run_namelist_text(text, home=home))
            names.append(str(scenario))
            models.append(str(model))
    timed = [v for v in results[0].data_vars if "time" in results[0][v].dims]
    combined = xr.concat(results, dim=pd.Index(names, name="scenario"), data_vars=timed, coords="minimal",
                         compat="override", join="override", combine_attrs="drop_conflicts")
    return combined.assign_coords(model=("scenario", models))


def run_scenario(scenario: str = "ssp245", end_year: int = 2100, parameters: Mapping[str, Any] | None = None,
                 co2_mode: str = "emissions") -> xr.Dataset:
    """One shipped SSP (historical + `scenario`), e.g. ``run_scenario("ssp245")``, as an xarray Dataset."""
    home = find_home()
    groups = nml.flatten(parameters)
    run = {"experiment": "scenario", "scenario": scenario, "co2_mode": co2_mode, "start_year": 1750,
           "end_year": end_year, "forcing_directory": str(home / "Forcing")}
    run.update(groups.pop("run", {}))
    return run_namelist_text(nml.write({"run": run, **groups}), home=home)
