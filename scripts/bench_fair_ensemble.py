"""The FaIR 2.2.5 side of scripts/bench-vs-fair.sh: the same ensemble as Namelists/ensembles/benchmark.nml
(members x the four SSPs x 1750-2300, emission-driven), perturbing the same four quantities (climate sensitivity
via the feedback parameter, aerosol-cloud scale, CO2 fertilisation via the airborne-fraction sensitivity to the
carbon pool, and ocean heat uptake), then the 5/17/33/50/67/83/95 % quantiles of warming written to a file, as EarthBox does.

    python bench_fair_ensemble.py MEMBERS OUTPUT.npz [RCMIP_DIRECTORY]

FaIR 2.2.5's fill_from_rcmip downloads the three RCMIP v5.1.0 files (pooch); given RCMIP_DIRECTORY (the
-ssp-only copies in ../shared/data/rcmip), those are read instead, offline.
"""
import sys

import numpy as np
from fair import FAIR
from fair.interface import fill
from fair.io import read_properties

from fair_setup import FORCING_4CO2, configure_three_layer, initialise_state, use_local_rcmip

members = int(sys.argv[1])
output = sys.argv[2]
rcmip = sys.argv[3] if len(sys.argv) > 3 else None
if rcmip:
    use_local_rcmip(rcmip)
scenarios = ["ssp126", "ssp245", "ssp370", "ssp585"]

f = FAIR(ch4_method="Thornhill2021")
f.define_time(1750, 2300, 1)
f.define_scenarios(scenarios)
f.define_configs([str(i) for i in range(members)])
species, properties = read_properties()
# Solar and volcanic forcing are prescribed forcing series in FaIR; EarthBox's benchmark has them in its drivers.
# Left out here (both tools then step the same emission-driven gases and aerosols).
for name in ("Solar", "Volcanic"):
    species.remove(name)
    properties.pop(name)
f.define_species(species, properties)
f.allocate()
f.fill_species_configs()
f.fill_from_rcmip()

rng = np.random.default_rng(7)
# Three-layer energy balance (Cummins et al. 2020); values around FaIR's documented example configuration.
ecs = np.clip(rng.lognormal(np.log(3.0), 0.28, members), 1.5, 8.0)
configure_three_layer(f, np.stack([FORCING_4CO2 / (2 * ecs), np.full(members, 2.5), np.full(members, 0.5)], axis=1)
                      * np.clip(rng.lognormal(0, 0.3, (members, 1)), 0.3, 3) ** np.array([0, 1, 1]))
for i, config in enumerate(f.configs):
    fill(f.species_configs["aci_scale"], -2.09841432 * np.clip(rng.normal(1.0, 0.45), 0.1, 2.5), config=config)
    fill(f.species_configs["iirf_airborne"], 0.000819 * np.clip(rng.normal(1.0, 0.33), 0.2, 2.2), specie="CO2", config=config)

initialise_state(f)
f.run(progress=False)

tas = f.temperature.sel(layer=0).values                                   # (time bounds, scenario, config)
quantiles = np.nanpercentile(tas, [5, 17, 33, 50, 67, 83, 95], axis=-1)
np.savez_compressed(output, tas=tas.astype(np.float64), quantiles=quantiles)
