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
import pooch
from fair import FAIR
from fair.interface import fill, initialise
from fair.io import read_properties

here = os.path.dirname(os.path.abspath(__file__))
rcmip = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "shared", "data", "rcmip")
if os.path.isdir(rcmip):
    def local_copy(url, known_hash=None, **_):
        return os.path.join(rcmip, url.rsplit("/", 1)[1].replace(".csv", "-ssp-only.csv"))
    pooch.retrieve = local_copy

f = FAIR(ch4_method="Thornhill2021")
f.define_time(1750, 2025, 1)
f.define_scenarios(["ssp245"])
f.define_configs(["default"])
species, properties = read_properties()
f.define_species(species, properties)
f.allocate()
f.fill_species_configs()
f.fill_from_rcmip()
ecs, forcing_4co2 = 3.0, 8.0
fill(f.climate_configs["ocean_heat_capacity"], [8.0, 14.0, 100.0])
fill(f.climate_configs["ocean_heat_transfer"], [forcing_4co2 / (2 * ecs), 2.5, 0.5])
fill(f.climate_configs["deep_ocean_efficacy"], 1.1)
fill(f.climate_configs["gamma_autocorrelation"], 28.0)
fill(f.climate_configs["sigma_eta"], 0.5)
fill(f.climate_configs["sigma_xi"], 0.5)
fill(f.climate_configs["stochastic_run"], False)
fill(f.climate_configs["use_seed"], False)
fill(f.climate_configs["forcing_4co2"], forcing_4co2)
initialise(f.concentration, f.species_configs["baseline_concentration"])
initialise(f.forcing, 0)
initialise(f.temperature, 0)
initialise(f.cumulative_emissions, 0)
initialise(f.airborne_emissions, 0)
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
