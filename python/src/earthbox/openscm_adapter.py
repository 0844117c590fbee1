"""An openscm-runner adapter (openscm_runner.adapters.base._Adapter), as the FaIR, MAGICC7 and CICERO-SCM ones.

    import earthbox, openscm_runner
    earthbox.register_openscm_runner()
    res = openscm_runner.run(climate_models_cfgs={"EarthBox": [{}, {"climate.equilibrium_climate_sensitivity": 4.0}]},
                             scenarios=scen, output_variables=("Surface Air Temperature Change",))

Each config is a dict of namelist keys (``"group.key"``) plus, optionally, ``base_scenario`` (the SSP that gives
history and the species the scenarios do not, default ssp245) and ``end_year`` (default: the scenarios' last year).
Each (scenario, config) pair is one run; `run_id` is the config's position.
"""
from __future__ import annotations

import pandas as pd
from openscm_runner.adapters import get_adapters_classes, register_adapter_class
from openscm_runner.adapters.base import _Adapter
from scmdata import ScmRun

from . import __version__
from .scenario import run_scenarios
from .scm import to_frame


class EarthBox(_Adapter):
    """Runs the EarthBox binary on each scenario and config."""

    model_name = "EarthBox"

    def _init_model(self, *args, **kwargs):
        pass

    def _run(self, scenarios, cfgs, output_variables, output_config):
        frames = []
        for run_id, cfg in enumerate(cfgs):
            cfg = dict(cfg)
            base = cfg.pop("base_scenario", "ssp245")
            end = cfg.pop("end_year", None)
            ds = run_scenarios(scenarios, base_scenario=base, end_year=end, parameters=cfg)
            meta = {"run_id": run_id}
            for key in output_config or ():
                meta[key] = cfg.get(key, "")
            frame = to_frame(ds, output_variables, meta)
            frame = frame.rename(index={"EarthBox": f"EarthBox v{__version__}"}, level="climate_model")
            frames.append(frame)
        return ScmRun(pd.concat(frames))


def register():
    if not any(a.model_name.upper() == EarthBox.model_name.upper() for a in get_adapters_classes()):
        register_adapter_class(EarthBox)
    return EarthBox
