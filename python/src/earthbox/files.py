"""Reading EarthBox NetCDF files (single runs, zonal runs, ensembles) into xarray."""
from __future__ import annotations

import os

import xarray as xr


def open_dataset(path: str | os.PathLike) -> xr.Dataset:
    """Any EarthBox output file, loaded into memory (the file is closed again).

    Times decode to the file's Julian calendar (cftime); `year` is an integer coordinate on `time`; an ensemble
    file has string `scenario`, integer `member` and 0-1 `quantile` coordinates, so
    ``open_dataset(f).tas_anomaly.sel(scenario="ssp126", quantile=0.5)`` works.
    """
    with xr.open_dataset(path) as ds:
        return ds.load()
