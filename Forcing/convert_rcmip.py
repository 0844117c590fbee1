#!/usr/bin/env python3
"""Convert the RCMIP v5.1.0 SSP protocol data into EarthBox forcing files.

One CSV per scenario, every year 1750-2500, columns in EarthBox units. The
source is the IAMC "wide" layout (Model, Scenario, Region, Variable, Unit,
Mip_Era, Activity_Id, one column per year). The emission file gives annual
values only to 2015 and then 2020, 2030, ... 2500; the years in between are
filled by linear interpolation, which is how the RCMIP protocol says the data
are to be read (RCMIP protocol; Nicholls et al. 2020, GMD 13, 5175).

Usage (from the repository root; the defaults are these paths, resolved
against the repository root whatever the working directory):

    python3 Forcing/convert_rcmip.py --source ../shared/data/rcmip --out Forcing
    python3 Forcing/convert_rcmip.py --check    # regenerate and compare byte for byte

Python 3 standard library only. Exit status 0 on success, 1 when --check finds
a difference, 2 on any error in the source data (the message names the file,
scenario and variable).
"""

import argparse
import csv
import math
import os
import re
import sys
import tempfile

SCENARIOS = [
    "ssp119", "ssp126", "ssp245", "ssp370",
    "ssp434", "ssp460", "ssp534-over", "ssp585",
]
FIRST_YEAR = 1750
LAST_YEAR = 2500

EMISSIONS_FILE = "rcmip-emissions-annual-means-v5-1-0-ssp-only.csv"
CONCENTRATIONS_FILE = "rcmip-concentrations-annual-means-v5-1-0-ssp-only.csv"
FORCING_FILE = "rcmip-radiative-forcing-annual-means-v5-1-0-ssp-only.csv"

# Mt CO2 -> Pg C: the molar-mass ratio CO2/C = 44.009/12.011 = 3.664 (IUPAC
# standard atomic weights C 12.011, O 15.999), times 1000 Mt per Pg.
MT_CO2_PER_PG_C = 3664.0
KT_PER_MT = 1000.0

# (column, source variable, source unit, EarthBox unit, divisor applied to the
# source value). A divisor of 1.0 leaves the value untouched.
NAMED_EMISSIONS = [
    ("co2_fossil", "Emissions|CO2|MAGICC Fossil and Industrial", "Mt CO2/yr", "PgC/yr", MT_CO2_PER_PG_C),
    ("co2_afolu", "Emissions|CO2|MAGICC AFOLU", "Mt CO2/yr", "PgC/yr", MT_CO2_PER_PG_C),
    ("ch4", "Emissions|CH4", "Mt CH4/yr", "Mt CH4/yr", 1.0),
    ("n2o", "Emissions|N2O", "kt N2O/yr", "Mt N2O/yr", KT_PER_MT),
    ("sulfur", "Emissions|Sulfur", "Mt SO2/yr", "Mt SO2/yr", 1.0),
    ("bc", "Emissions|BC", "Mt BC/yr", "Mt BC/yr", 1.0),
    ("oc", "Emissions|OC", "Mt OC/yr", "Mt OC/yr", 1.0),
    ("nox", "Emissions|NOx", "Mt NOx/yr", "Mt NOx/yr", 1.0),
    ("nox_aviation", "Emissions|NOx|MAGICC Fossil and Industrial|Aircraft", "Mt NOx/yr", "Mt NOx/yr", 1.0),
    ("co", "Emissions|CO", "Mt CO/yr", "Mt CO/yr", 1.0),
    ("nmvoc", "Emissions|VOC", "Mt VOC/yr", "Mt VOC/yr", 1.0),
    ("nh3", "Emissions|NH3", "Mt NH3/yr", "Mt NH3/yr", 1.0),
]

# Halogenated gases are every leaf row under these emission groups; the list
# is read from the source so that a new species cannot be silently dropped.
HALOGEN_GROUPS = ("Emissions|F-Gases|", "Emissions|Montreal Gases|")
HALOGEN_EMISSION_UNIT = "kt/yr"

NAMED_CONCENTRATIONS = [
    ("co2_concentration", "Atmospheric Concentrations|CO2", "ppm", "ppm", 1.0),
    ("ch4_concentration", "Atmospheric Concentrations|CH4", "ppb", "ppb", 1.0),
    ("n2o_concentration", "Atmospheric Concentrations|N2O", "ppb", "ppb", 1.0),
]
HALOGEN_CONCENTRATION_UNIT = "ppt"

NAMED_FORCINGS = [
    ("erf_volcanic", "Effective Radiative Forcing|Natural|Volcanic", "W/m^2", "W/m^2", 1.0),
    ("erf_solar", "Effective Radiative Forcing|Natural|Solar", "W/m^2", "W/m^2", 1.0),
]

HEADER_COMMENT = (
    "# EarthBox forcing file: scenario {scenario}, {first}-{last}, annual global means.\n"
    "# Source: RCMIP protocol data v5.1.0 (Nicholls et al. 2020, GMD 13, 5175-5190, "
    "doi:10.5194/gmd-13-5175-2020; Zenodo 4589756), CC BY 4.0.\n"
    "# Converted by Forcing/convert_rcmip.py from ../shared/data/rcmip; linear interpolation "
    "between the years the source gives. Do not edit by hand.\n"
)


class SourceError(Exception):
    """A problem in the source data; the message names file, scenario and variable."""


def read_iamc_table(path):
    """Return ({(scenario, variable): (unit, {year: value})}, file name) for the World rows."""
    name = os.path.basename(path)
    try:
        handle = open(path, newline="", encoding="utf-8")
    except OSError as error:
        raise SourceError(f"{path}: cannot open: {error.strerror}")
    with handle:
        reader = csv.reader(handle)
        try:
            header = next(reader)
        except StopIteration:
            raise SourceError(f"{name}: file is empty")
        try:
            scenario_at = header.index("Scenario")
            region_at = header.index("Region")
            variable_at = header.index("Variable")
            unit_at = header.index("Unit")
        except ValueError as error:
            raise SourceError(f"{name}: header lacks a column: {error}")
        year_columns = [(index, int(text)) for index, text in enumerate(header)
                        if re.fullmatch(r"\d{4}", text.strip())]
        if not year_columns:
            raise SourceError(f"{name}: header has no year columns")
        rows = {}
        for line_number, fields in enumerate(reader, start=2):
            if not fields:
                continue
            if len(fields) != len(header):
                raise SourceError(f"{name}:{line_number}: {len(fields)} fields, header has {len(header)}")
            if fields[region_at] != "World":
                continue
            key = (fields[scenario_at], fields[variable_at])
            if key in rows:
                raise SourceError(f"{name}:{line_number}: duplicate row for scenario "
                                  f"{key[0]}, variable '{key[1]}'")
            values = {}
            for index, year in year_columns:
                text = fields[index].strip()
                if text == "":
                    continue  # the year is not given; filled by interpolation
                try:
                    value = float(text)
                except ValueError:
                    raise SourceError(f"{name}:{line_number}: scenario {key[0]}, variable "
                                      f"'{key[1]}', year {year}: '{text}' is not a number")
                if not math.isfinite(value):
                    raise SourceError(f"{name}:{line_number}: scenario {key[0]}, variable "
                                      f"'{key[1]}', year {year}: '{text}' is not a finite number")
                values[year] = value
            rows[key] = (fields[unit_at], values)
    return rows, name


def annual_series(table, scenario, variable, source_unit):
    """Every year FIRST_YEAR..LAST_YEAR of one row, interpolating linearly between given years."""
    rows, name = table
    if (scenario, variable) not in rows:
        raise SourceError(f"{name}: no row for scenario {scenario}, variable '{variable}'")
    unit, given = rows[(scenario, variable)]
    if unit != source_unit:
        raise SourceError(f"{name}: scenario {scenario}, variable '{variable}': unit is "
                          f"'{unit}', expected '{source_unit}'")
    given_years = sorted(given)
    if not given_years or given_years[0] > FIRST_YEAR or given_years[-1] < LAST_YEAR:
        span = f"{given_years[0]}-{given_years[-1]}" if given_years else "no years"
        raise SourceError(f"{name}: scenario {scenario}, variable '{variable}': values cover "
                          f"{span}, cannot interpolate to {FIRST_YEAR}-{LAST_YEAR}")
    series = []
    next_given = 0  # index into given_years of the first given year >= the current year
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        while given_years[next_given] < year:
            next_given += 1
        upper_year = given_years[next_given]
        if upper_year == year:
            series.append(given[year])
            continue
        lower_year = given_years[next_given - 1]
        lower, upper = given[lower_year], given[upper_year]
        series.append(lower + (upper - lower) * (year - lower_year) / (upper_year - lower_year))
    return series


def halogen_emission_variables(emissions, scenarios):
    """Leaf rows under the halogen groups, identical for every scenario, in sorted order."""
    rows, name = emissions
    per_scenario = {}
    for scenario in scenarios:
        variables = {variable for (row_scenario, variable) in rows
                     if row_scenario == scenario and variable.startswith(HALOGEN_GROUPS)}
        # An aggregate such as 'Emissions|F-Gases|HFC' would double count its members.
        leaves = {variable for variable in variables
                  if not any(other.startswith(variable + "|") for other in variables)}
        per_scenario[scenario] = leaves
    reference = per_scenario[scenarios[0]]
    for scenario in scenarios:
        if per_scenario[scenario] != reference:
            difference = sorted(per_scenario[scenario] ^ reference)
            raise SourceError(f"{name}: scenario {scenario} has a different set of halogenated "
                              f"gases than {scenarios[0]}: {difference}")
    if not reference:
        raise SourceError(f"{name}: no rows under {' or '.join(HALOGEN_GROUPS)}")
    return sorted(reference)


def halogen_column_name(species):
    """'HFC4310mee' -> 'hfc4310mee', 'cC4F8' -> 'cc4f8': lower case, letters and digits only."""
    return re.sub(r"[^a-z0-9]", "", species.lower())


def column_plan(emissions, concentrations, scenarios):
    """The ordered list of (table, column, source variable, source unit, unit, divisor), plus notes."""
    plan = [(emissions,) + entry for entry in NAMED_EMISSIONS]
    halogen_concentrations = []
    notes = []
    concentration_rows, concentration_name = concentrations
    for variable in halogen_emission_variables(emissions, scenarios):
        species = variable.rsplit("|", 1)[1]
        column = halogen_column_name(species)
        plan.append((emissions, column, variable, f"kt {species}/yr", HALOGEN_EMISSION_UNIT, 1.0))
        concentration_variable = "Atmospheric Concentrations|" + variable[len("Emissions|"):]
        present = [scenario for scenario in scenarios
                   if (scenario, concentration_variable) in concentration_rows]
        if not present:
            notes.append(f"no concentration row '{concentration_variable}' in "
                         f"{concentration_name}; column {column}_concentration left out")
            continue
        if len(present) != len(scenarios):
            missing = [scenario for scenario in scenarios if scenario not in present]
            raise SourceError(f"{concentration_name}: no row for variable "
                              f"'{concentration_variable}' in scenarios {missing}")
        halogen_concentrations.append(
            (concentrations, column + "_concentration", concentration_variable,
             "ppt", HALOGEN_CONCENTRATION_UNIT, 1.0))
    plan += [(concentrations,) + entry for entry in NAMED_CONCENTRATIONS]
    plan += halogen_concentrations
    return plan, notes


def forcing_file_text(scenario, plan, forcings):
    columns = plan + [(forcings,) + entry for entry in NAMED_FORCINGS]
    names = [column for (_, column, _, _, _, _) in columns]
    if len(set(names)) != len(names):
        duplicates = sorted({name for name in names if names.count(name) > 1})
        raise SourceError(f"column names clash after conversion: {duplicates}")
    series = []
    for table, _, variable, source_unit, _, divisor in columns:
        values = annual_series(table, scenario, variable, source_unit)
        if divisor != 1.0:
            values = [value / divisor for value in values]
        series.append(values)
    lines = [HEADER_COMMENT.format(scenario=scenario, first=FIRST_YEAR, last=LAST_YEAR)]
    lines.append("year," + ",".join(names) + "\n")
    lines.append("unit," + ",".join(unit for (_, _, _, _, unit, _) in columns) + "\n")
    for offset, year in enumerate(range(FIRST_YEAR, LAST_YEAR + 1)):
        # repr() is the shortest text that reads back to the same double.
        lines.append(str(year) + "," + ",".join(repr(values[offset]) for values in series) + "\n")
    return "".join(lines)


def write_forcing_files(source_folder, out_folder, quiet=False):
    emissions = read_iamc_table(os.path.join(source_folder, EMISSIONS_FILE))
    concentrations = read_iamc_table(os.path.join(source_folder, CONCENTRATIONS_FILE))
    forcings = read_iamc_table(os.path.join(source_folder, FORCING_FILE))
    plan, notes = column_plan(emissions, concentrations, SCENARIOS)
    if not quiet:
        for note in notes:
            print("note: " + note, file=sys.stderr)
    os.makedirs(out_folder, exist_ok=True)
    for scenario in SCENARIOS:
        text = forcing_file_text(scenario, plan, forcings)
        with open(os.path.join(out_folder, scenario + ".csv"), "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    return [scenario + ".csv" for scenario in SCENARIOS]


def first_difference(file_names, expected_folder, actual_folder):
    """The first file (in scenario order) whose bytes differ or which is missing, else None."""
    for file_name in file_names:
        try:
            with open(os.path.join(actual_folder, file_name), "rb") as handle:
                actual = handle.read()
        except OSError:
            return file_name + " (missing)"
        with open(os.path.join(expected_folder, file_name), "rb") as handle:
            if handle.read() != actual:
                return file_name
    return None


def main():
    repository_root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", help="folder with the RCMIP CSV files "
                        "(default ../shared/data/rcmip from the repository root)")
    parser.add_argument("--out", help="folder for the forcing files (default Forcing in the repository root)")
    parser.add_argument("--check", action="store_true",
                        help="regenerate into a temporary folder and compare byte for byte with --out")
    arguments = parser.parse_args()
    source = arguments.source or os.path.join(repository_root, "..", "shared", "data", "rcmip")
    out = arguments.out or os.path.join(repository_root, "Forcing")
    try:
        if arguments.check:
            with tempfile.TemporaryDirectory() as scratch:
                file_names = write_forcing_files(source, scratch, quiet=True)
                different = first_difference(file_names, scratch, out)
            if different:
                print(f"convert_rcmip.py --check: {os.path.join(out, different)} differs from a fresh "
                      f"conversion of {source}; rerun without --check and commit the result",
                      file=sys.stderr)
                return 1
            print(f"convert_rcmip.py --check: all {len(file_names)} forcing files in {out} are reproducible")
            return 0
        file_names = write_forcing_files(source, out)
        print(f"wrote {len(file_names)} forcing files to {out}")
        return 0
    except SourceError as error:
        print(f"convert_rcmip.py: error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
