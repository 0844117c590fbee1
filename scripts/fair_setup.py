"""What the two FaIR 2.2.5 scripts (bench_fair_ensemble.py, fair_history_co2.py) set up the same way: offline RCMIP
copies, the three-layer energy balance (Cummins et al. 2020, J. Clim. 33, 2020) and the zero initial state."""
import os

import pooch
from fair.interface import fill, initialise

# FaIR's documented example forcing for a CO2 quadrupling (W m-2); the first layer's transfer is F4x / (2 ECS).
FORCING_4CO2 = 8.0


def use_local_rcmip(directory):
    """Reads the -ssp-only RCMIP v5.1.0 copies in DIRECTORY where fill_from_rcmip would download the originals."""
    def local_copy(url, known_hash=None, **_):
        return os.path.join(directory, url.rsplit("/", 1)[1].replace(".csv", "-ssp-only.csv"))
    pooch.retrieve = local_copy


def configure_three_layer(f, ocean_heat_transfer):
    """Deterministic three-layer climate configuration around FaIR's documented example; OCEAN_HEAT_TRANSFER is one
    row [W m-2 K-1] x 3 or one row per config."""
    fill(f.climate_configs["ocean_heat_capacity"], [8.0, 14.0, 100.0])
    fill(f.climate_configs["ocean_heat_transfer"], ocean_heat_transfer)
    fill(f.climate_configs["deep_ocean_efficacy"], 1.1)
    fill(f.climate_configs["gamma_autocorrelation"], 28.0)
    fill(f.climate_configs["sigma_eta"], 0.5)
    fill(f.climate_configs["sigma_xi"], 0.5)
    fill(f.climate_configs["stochastic_run"], False)
    fill(f.climate_configs["use_seed"], False)
    fill(f.climate_configs["forcing_4co2"], FORCING_4CO2)


def initialise_state(f):
    """Preindustrial concentrations, no forcing, warming or emissions yet."""
    initialise(f.concentration, f.species_configs["baseline_concentration"])
    initialise(f.forcing, 0)
    initialise(f.temperature, 0)
    initialise(f.cumulative_emissions, 0)
    initialise(f.airborne_emissions, 0)
