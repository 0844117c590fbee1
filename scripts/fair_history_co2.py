"""The peer check behind issue 10's CO2 RMSE: FaIR 2.2.5 (Leach et al. 2021, GMD 14, 3007) run emission-driven from
1750 on the same RCMIP v5.1.0 SSP2-4.5 emissions EarthBox uses, its CO2 compared with the IGCC synthesis as
`earthbox diagnose` compares EarthBox's ("CO2 RMSE 1850-2024 vs IGCC 2024").

    .venv-fair/bin/python scripts/fair_history_co2.py [RCMIP_DIRECTORY]

(`bash scripts/bench-vs-fair.sh --install` makes .venv-fair.) FaIR keeps its default carbon-cycle configuration,
which is AR6's; the energy balance is the three-layer one of bench_fair_ensemble.py at ECS 3 K. RCMIP_DIRECTORY (default
../shared/data/rcmip) holds the -ssp-only RCMIP copies; without it FaIR downloads the originals.
"""
import os
import sys

import numpy as np
from fair import FAIR
from fair.io import read_properties

from fair_setup import FORCING_4CO2, configure_three_layer, initialise_state, use_local_rcmip

here = os.path.dirname(os.path.abspath(__file__))
rcmip = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "shared", "data", "rcmip")
if os.path.isdir(rcmip):
    use_local_rcmip(rcmip)

f = FAIR(ch4_method="Thornhill2021")
f.define_time(1750, 2025, 1)
f.define_scenarios(["ssp245"])
f.define_configs(["default"])
species, properties = read_properties()
f.define_species(species, properties)
f.allocate()
f.fill_species_configs()
f.fill_from_rcmip()
ecs = 3.0
configure_three_layer(f, [FORCING_4CO2 / (2 * ecs), 2.5, 0.5])
initialise_state(f)
f.run(progress=False)

# FaIR's concentrations are on the year bounds; the year's mean is the mean of its two bounds.
bounds = f.concentration.sel(specie="CO2", scenario="ssp245", config="default").values
co2 = {1750 + i: 0.5 * (bounds[i] + bounds[i + 1]) for i in range(len(bounds) - 1)}
observed = {}
with open(os.path.join(here, "..", "Observations",
                       "ghg-concentration_global_igcc-assessment_synthesis_annual-mean-timeseries_IGCC-2025a.csv")) as table:
    header = None
    for line in table:
        if line.startswith("#"):
            continue
        fields = line.strip().split(",")
        if header is None:
            header = fields
            continue
        observed[int(float(fields[0]))] = float(fields[header.index("CO2")])
errors = [co2[y] - observed[y] for y in range(1850, 2025)]
print(f"FaIR 2.2.5 CO2 RMSE 1850-2024 vs IGCC 2024: {np.sqrt(np.mean(np.square(errors))):.2f} ppm")
for y in (1850, 1900, 1920, 1940, 1960, 1980, 2000, 2020):
    print(f"  {y}: FaIR {co2[y]:.1f}, IGCC {observed[y]:.1f}, FaIR - IGCC {co2[y] - observed[y]:+.1f} ppm")
