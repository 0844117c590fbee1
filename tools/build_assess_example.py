#!/usr/bin/env python3
"""Builds docs/assess/ssp-markers-iamc.csv, the multi-model IAMC file of the `earthbox assess` walk-through
(docs/assess.md), from the RCMIP v5.1.0 SSP marker emissions (Nicholls et al. 2020, GMD 13, 5175; CC BY 4.0).

What it does to the source, on purpose, so the walk-through exercises the reader:
- years 2015, 2020, 2025, 2030, then every 10 years to 2100 (how IAMs report); 2025 is the midpoint of the source's
  2020 and 2030 (RCMIP gives only those), the rest are the source values;
- IAMC common-definition names (Emissions|CO2|Energy and Industrial Processes, Emissions|HFC|HFC134a, ...) and
  IAMC units (kt N2O/yr, kt HFC134a/yr; CO2 in Gt CO2/yr for one model, Mt CO2/yr for the others);
- four markers keep every species; four lose some (aerosols, Montreal gases, minor F-gases, ...) for infilling.
Usage: python3 tools/build_assess_example.py [--rcmip ../shared/data/rcmip] [--check]
"""
import argparse, csv, io, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "docs", "assess", "ssp-markers-iamc.csv")
YEARS = [2015, 2020, 2025, 2030] + list(range(2040, 2101, 10))
NAMES = {"ssp119": "SSP1-19", "ssp126": "SSP1-26", "ssp245": "SSP2-45", "ssp370": "SSP3-Baseline",
         "ssp434": "SSP4-34", "ssp460": "SSP4-Baseline", "ssp534-over": "SSP5-34-OS", "ssp585": "SSP5-Baseline"}
MONTREAL = "Emissions|Montreal Gases|"
# Species each reduced marker leaves out (IAMC names after renaming).
REMOVED = {
    "ssp126": lambda v: v in ("Emissions|BC", "Emissions|OC", "Emissions|NH3", "Emissions|CO"),
    "ssp434": lambda v: v.startswith(MONTREAL) or v.startswith("Emissions|PFC|") and not v.endswith("|CF4"),
    "ssp460": lambda v: v in ("Emissions|VOC", "Emissions|NOx|Energy|Demand|Transportation|Aviation")
              or v.startswith("Emissions|HFC|") and not v.endswith("HFC134a"),
    "ssp534-over": lambda v: v not in ("Emissions|CO2|Energy and Industrial Processes", "Emissions|CO2|AFOLU",
                                       "Emissions|CH4", "Emissions|N2O", "Emissions|Sulfur"),
}


def iamc_variable(v):
    """RCMIP name -> IAMC common-definitions name."""
    v = v.replace("Emissions|CO2|MAGICC Fossil and Industrial", "Emissions|CO2|Energy and Industrial Processes")
    v = v.replace("Emissions|CO2|MAGICC AFOLU", "Emissions|CO2|AFOLU")
    v = v.replace("Emissions|NOx|MAGICC Fossil and Industrial|Aircraft", "Emissions|NOx|Energy|Demand|Transportation|Aviation")
    v = v.replace("Emissions|F-Gases|HFC|HFC4310mee", "Emissions|HFC|HFC43-10")
    v = v.replace("Emissions|F-Gases|HFC|", "Emissions|HFC|").replace("Emissions|F-Gases|PFC|", "Emissions|PFC|")
    return v.replace("Emissions|F-Gases|", "Emissions|")


def build(rcmip):
    path = os.path.join(rcmip, "rcmip-emissions-annual-means-v5-1-0-ssp-only.csv")
    rows = list(csv.reader(open(path, newline="")))
    header = rows[0]
    col = {int(h): i for i, h in enumerate(header) if h.isdigit()}
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["Model", "Scenario", "Region", "Variable", "Unit"] + YEARS)
    for scenario in NAMES:
        for r in rows[1:]:
            model, scen, region, variable, unit = r[:5]
            if scen != scenario or region != "World" or r[5] != "CMIP6":
                continue
            # Totals and sector splits RCMIP carries besides the species EarthBox reads.
            if variable in ("Emissions|CO2", "Emissions|CH4|MAGICC Fossil and Industrial"):
                continue
            v = iamc_variable(variable)
            if scenario in REMOVED and REMOVED[scenario](v):
                continue
            def value(y):
                if r[col[y]] != "":
                    return float(r[col[y]])
                lo, hi = y - y % 10, y - y % 10 + 10
                return 0.5 * (float(r[col[lo]]) + float(r[col[hi]]))
            values = [value(y) for y in YEARS]
            if unit == "Mt CO2/yr" and scenario == "ssp245":
                unit, values = "Gt CO2/yr", [x / 1000 for x in values]
            w.writerow([model, NAMES[scenario], "World", v, unit] + [repr(x) for x in values])
    return out.getvalue()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--rcmip", default=os.path.join(HERE, "..", "..", "shared", "data", "rcmip"))
    p.add_argument("--check", action="store_true", help="exit 1 if the committed file differs")
    a = p.parse_args()
    text = build(a.rcmip)
    if a.check:
        same = os.path.exists(OUT) and open(OUT).read() == text
        print("docs/assess/ssp-markers-iamc.csv " + ("is up to date" if same else "differs from what the script makes"))
        sys.exit(0 if same else 1)
    with open(OUT + ".tmp", "w") as f:
        f.write(text)
    os.replace(OUT + ".tmp", OUT)
    print("written:", os.path.relpath(OUT))


if __name__ == "__main__":
    main()
