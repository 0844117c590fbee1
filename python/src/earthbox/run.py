"""Running the EarthBox binary on a namelist and reading what it wrote."""
from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path
from typing import Any, Mapping

import xarray as xr

from . import namelist as nml
from ._binary import EarthBoxError, find_binary, find_home
from .files import open_dataset


def _call(arguments: list[str], home: Path) -> None:
    binary = find_binary(home)
    done = subprocess.run([str(binary), *arguments], cwd=home, capture_output=True, text=True)
    if done.returncode != 0:
        message = (done.stderr or done.stdout).strip() or f"exit status {done.returncode}"
        raise EarthBoxError(message)


def run_namelist_text(text: str, home: Path | None = None, keep: str | os.PathLike | None = None) -> xr.Dataset:
    """Runs a namelist given as text (relative paths in it are relative to the repository) and returns the output."""
    home = home or find_home()
    with tempfile.TemporaryDirectory(prefix="earthbox-") as folder:
        path = Path(folder) / "run.nml"
        path.write_text(text)
        output = Path(keep).resolve() if keep else Path(folder) / "run.nc"
        _call(["run", str(path), "--output", str(output), "--quiet"], home)
        return open_dataset(output)


def run_namelist(path: str | os.PathLike, parameters: Mapping[str, Any] | None = None,
                 output: str | os.PathLike | None = None) -> xr.Dataset:
    """Runs the namelist at `path` (e.g. ``"Namelists/default.nml"``, relative to the repository when not found
    here), with `parameters` changed (``{"climate.equilibrium_climate_sensitivity": 4.0}``), and returns its output
    as an xarray Dataset. `output` keeps the NetCDF file there; otherwise it is removed after reading."""
    home = find_home()
    file = Path(path)
    if not file.is_file() and (home / file).is_file():
        file = home / file
    if not file.is_file():
        raise EarthBoxError(f"{path}: no such namelist")
    return run_namelist_text(nml.set_keys(file.read_text(), parameters), home=home, keep=output)


def run_ensemble(path: str | os.PathLike, parameters: Mapping[str, Any] | None = None,
                 output: str | os.PathLike | None = None) -> xr.Dataset:
    """Runs an ensemble namelist (`earthbox ensemble`) and returns the ensemble file as a Dataset."""
    home = find_home()
    file = Path(path) if Path(path).is_file() else home / path
    with tempfile.TemporaryDirectory(prefix="earthbox-") as folder:
        namelist = Path(folder) / "ensemble.nml"
        namelist.write_text(nml.set_keys(file.read_text(), parameters))
        out = Path(output).resolve() if output else Path(folder) / "ensemble.nc"
        _call(["ensemble", str(namelist), "--output", str(out), "--quiet"], home)
        return open_dataset(out)
