"""EarthBox from Python: run namelists, SSPs or scenario frames through the Swift binary and read its CF files.

    import earthbox
    ds = earthbox.run_scenario("ssp245")                   # historical + SSP2-4.5, xarray Dataset
    ds = earthbox.run_scenarios(frame)                     # pandas / scmdata / pyam emission scenarios
    ds = earthbox.run_namelist("Namelists/zonal-ssp245.nml", {"climate.equilibrium_climate_sensitivity": 4.0})
    ds = earthbox.open_dataset("Runs/esm-ssp245.nc")
    earthbox.to_scmrun(ds, ["Surface Air Temperature Change"])
    earthbox.register_openscm_runner()                     # then openscm_runner.run({"EarthBox": [{}]}, ...)
"""
from ._binary import EarthBoxError, find_binary, find_home
from .files import open_dataset
from .run import run_ensemble, run_namelist, run_namelist_text
from .scenario import run_scenario, run_scenarios
from .scm import RCMIP_VARIABLES, to_frame, to_scmrun

__version__ = "0.1.0"


def register_openscm_runner():
    """Registers the EarthBox adapter with openscm-runner (once), so `climate_models_cfgs={"EarthBox": [...]}` works."""
    from .openscm_adapter import register
    return register()


__all__ = ["EarthBoxError", "find_binary", "find_home", "open_dataset", "run_ensemble", "run_namelist",
           "run_namelist_text", "run_scenario", "run_scenarios", "RCMIP_VARIABLES", "to_frame", "to_scmrun",
           "register_openscm_runner"]
