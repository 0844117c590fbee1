import os
from pathlib import Path

import pandas as pd
import pytest

import earthbox

REPOSITORY = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session", autouse=True)
def repository():
    os.environ.setdefault("EARTHBOX_HOME", str(REPOSITORY))
    try:
        earthbox.find_binary()
    except earthbox.EarthBoxError as error:
        pytest.fail(f"build EarthBox first (swift build --product earthbox): {error}")
    return REPOSITORY


def ssp_frame(scenario="ssp245", name=None, years=range(2015, 2101, 5), model="test-model"):
    """The shipped SSP's World CO2, CH4 and N2O emissions as an IAMC wide frame, in the units IAMs report
    (Mt CO2/yr, Mt CH4/yr, kt N2O/yr)."""
    table = pd.read_csv(REPOSITORY / "Forcing" / f"{scenario}.csv", comment="#").iloc[1:].astype(float)
    table = table.set_index(table["year"].astype(int)).loc[list(years)]
    rows = [("Emissions|CO2|MAGICC Fossil and Industrial", "Mt CO2/yr", table["co2_fossil"] * 3664.0),
            ("Emissions|CH4", "Mt CH4/yr", table["ch4"]),
            ("Emissions|N2O", "kt N2O/yr", table["n2o"] * 1000.0)]
    return pd.DataFrame([{"model": model, "scenario": name or scenario, "region": "World", "variable": v, "unit": u,
                          **{int(y): float(x) for y, x in values.items()}} for v, u, values in rows])
