"""Acceptance numbers of the calibrated parameter set (issue 12; docs/calibration.md section 6).

Reads the calibration diagnostics and the ensembles scripts/calibration-acceptance.sh ran over the posterior, and
prints each measured number beside the published value with its tolerance and HOLDS / DOES NOT HOLD.
Definitions as docs/calibration.md section 5: GSAT vs 1850-1900, 20-year means, percentiles 5/50/95 (equal weights:
the posterior members are equally weighted), Hazen plotting positions like the Swift WeightedStatistics.
"""
import sys
import numpy as np
import netCDF4

Z95 = 1.6448536269514722


def pct(values, ps):
    """Equal-weight Hazen percentiles, as WeightedStatistics.percentiles with equal weights."""
    v = np.sort(np.asarray(values, dtype=float)[~np.isnan(np.asarray(values, dtype=float))])
    if np.isinf(v).any():  # np.interp cannot take infinities: a position among infinite values is infinite
        pos = (np.arange(len(v)) + 0.5) / len(v)
        out = []
        for p in ps:
            k = np.searchsorted(pos, p / 100)
            out.append(float(v[min(k, len(v) - 1)]) if k < len(v) and np.isinf(v[min(k, len(v) - 1)]) else float(np.interp(p / 100, pos[np.isfinite(v)], v[np.isfinite(v)])))
        return out
    pos = (np.arange(len(v)) + 0.5) / len(v)
    return [float(np.interp(p / 100, pos, v)) for p in ps]


rows = []


def check(name, measured, published, tol, unit):
    ok = all(abs(m - p) <= tol for m, p in zip(measured, published))
    rows.append(ok)
    m = " ".join(f"{x:.2f}" for x in measured)
    p = " ".join(f"{x:.2f}" for x in published)
    print(f"{name:44s} measured {m:22s} published {p:22s} tol +-{tol} {unit}: {'HOLDS' if ok else 'DOES NOT HOLD'}")


def main(diagnostics, conc, esm, compare_csv):
    d = netCDF4.Dataset(diagnostics)
    check("posterior ECS 5/50/95", pct(d["ecs"][:], [5, 50, 95]), [2.0, 3.0, 5.0], 0.25, "K (AR6 Table 7.13)")
    check("posterior TCR 5/50/95", pct(d["tcr"][:], [5, 50, 95]), [1.2, 1.8, 2.4], 0.15, "K (AR6 Table 7.14)")
    g = pct(d["gmst_2011_2020"][:], [5, 50, 95])
    ok = 1.04 <= g[1] <= 1.14 and g[0] >= 0.95 and g[2] <= 1.20
    rows.append(ok)
    print(f"{'GMST 2011-2020 5/50/95':44s} measured {' '.join(f'{x:.3f}' for x in g):22s} median in 1.04-1.14, 5-95 inside 0.95-1.20: {'HOLDS' if ok else 'DOES NOT HOLD'}")
    spm1 = {  # AR6 WG1 SPM Table SPM.1, median [5-95 %], K vs 1850-1900
        "ssp119": [(1.5, 1.2, 1.7), (1.6, 1.2, 2.0), (1.4, 1.0, 1.8)],
        "ssp126": [(1.5, 1.2, 1.8), (1.7, 1.3, 2.2), (1.8, 1.3, 2.4)],
        "ssp245": [(1.5, 1.2, 1.8), (2.0, 1.6, 2.5), (2.7, 2.1, 3.5)],
        "ssp370": [(1.5, 1.2, 1.8), (2.1, 1.7, 2.6), (3.6, 2.8, 4.6)],
        "ssp585": [(1.6, 1.3, 1.9), (2.4, 1.9, 3.0), (4.4, 3.3, 5.7)],
    }
    periods = [(2021, 2040), (2041, 2060), (2081, 2100)]
    for label, path in [("concentration-driven", conc), ("emission-driven", esm)]:
        e = netCDF4.Dataset(path)
        years = e["year"][:]
        raw = e["scenario"][:]
        names = [str(x) for x in (raw if raw.dtype.kind in "OUS" and raw.ndim == 1 else netCDF4.chartostring(raw))]
        tas = e["tas_anomaly"][:]  # scenario, member, time
        base = tas[:, :, (years >= 1850) & (years <= 1900)].mean(axis=2)
        for s, name in enumerate(names):
            for (a, b), (m, lo, hi) in zip(periods, spm1[name]):
                w = tas[s][:, (years >= a) & (years <= b)].mean(axis=1) - base[s]
                q = pct(w, [5, 50, 95])
                ok = abs(q[1] - m) <= 0.1 and abs(q[0] - lo) <= 0.25 and abs(q[2] - hi) <= 0.25
                # SPM.1 is concentration-driven: the emission-driven runs are reported beside it, not held to it.
                if label == "concentration-driven":
                    rows.append(ok)
                verdict = ("HOLDS" if ok else "DOES NOT HOLD") if label == "concentration-driven" else ("within" if ok else "outside") + " (reported beside)"
                print(f"{label[:13]+' '+name+' '+str(a)+'-'+str(b):44s} measured {q[1]:.2f} [{q[0]:.2f}-{q[2]:.2f}]     AR6 {m} [{lo}-{hi}]  tol 0.1/0.25 K: {verdict}")
    budgets(compare_csv)


def budgets(compare_csv):
    """Remaining carbon budgets and AR6 categories as `earthbox compare` computes them from the emission-driven run
    (WarmingStatistics.remainingBudget, the one definition: total CO2 from 1 Jan of the start year to the central
    year of the first 20-year window whose mean reaches the level; at likelihood L the (100 - L)th percentile over
    the members). Checked along SSP2-4.5; the other SSPs are printed beside it (their non-CO2 paths differ)."""
    rows_csv = {}
    with open(compare_csv) as f:
        next(f)
        for line in f:
            model, scenario, region, variable, unit, year, value = line.rstrip("\n").split(",")
            rows_csv[(scenario, variable, int(year))] = float(value)
    ar6 = {(1.5, 50): 500, (1.5, 67): 400, (1.5, 33): 650, (1.5, 83): 300, (1.7, 50): 850, (1.7, 67): 700,
           (1.7, 33): 1050, (1.7, 83): 550, (2.0, 50): 1350, (2.0, 67): 1150, (2.0, 33): 1700, (2.0, 83): 900}
    # IGCC 2024 (Forster et al. 2025) budget table, from the start of 2025: the MAGICC 'hdtbasis1.24' row set,
    # likelihood = probability of staying below the level (Observations/README.md).
    igcc = {}
    with open("Observations/co2-budget_global_igcc-assessment_synthesis_table_IGCC-2025a.csv") as f:
        next(f)
        for line in f:
            p, level, likelihood, budget, _ = line.strip().split(",")
            if p == "magicc_hdtbasis1.24_zecsd0.0":
                igcc[(round(float(level), 1), round(float(likelihood) * 100))] = float(budget)
    ssps = ["ssp245", "ssp370", "ssp585"]

    def value(scenario, level, likelihood, year):
        name = f"Remaining Carbon Budget|{int(level) if level == int(level) else level}C|{likelihood}%"
        return rows_csv.get((scenario, name, year), float("inf"))

    for start in (2020, 2025):
        for level in (1.5, 1.7, 2.0):
            for L in (33, 50, 67, 83):
                b = value("ssp245", level, L, start)
                others = " ".join(f"{s} {value(s, level, L, start):6.0f}" for s in ssps[1:])
                if start == 2020:
                    ref = ar6[(level, L)]
                    ok = abs(b - ref) <= 0.2 * ref
                    if (level, L) in [(1.5, 50), (1.5, 67), (2.0, 50), (2.0, 67)]:
                        rows.append(ok)
                    print(f"budget {level} C {L}% from 2020 (ssp245): {b:6.0f} Gt CO2   AR6 SPM.2 {ref:5d}  (+-20 %: {'HOLDS' if ok else 'DOES NOT HOLD'})   [{others}]")
                else:
                    print(f"budget {level} C {L}% from 2025 (ssp245): {b:6.0f} Gt CO2   IGCC 2024 (Forster et al. 2025, from 2025) {igcc.get((level, L), float('nan')):5.0f}   [{others}]")
    # The AR6 WG3 category of each SSP marker from the emission-driven ensemble, beside the category the AR6
    # Synthesis Report gives the WGI scenarios (IPCC 2023, SYR Cross-Section Box.2 Table 1; the AR6 WG3 SPM Table
    # SPM.2 cross-walk): SSP1-1.9 C1, SSP1-2.6 C3, SSP2-4.5 C6, SSP3-7.0 C7, SSP5-8.5 C8.
    ar6_category = {"ssp119": 1, "ssp126": 3, "ssp245": 6, "ssp370": 7, "ssp585": 8}
    for s, c in ar6_category.items():
        got = rows_csv.get((s, "AR6 climate diagnostics|Category Number", 2100))
        p15 = rows_csv.get((s, "Probability|Peak Warming Above 1.5C", 2300), float("nan"))
        p20 = rows_csv.get((s, "Probability|Peak Warming Above 2C", 2300), float("nan"))
        p2100 = rows_csv.get((s, "Probability|Surface Air Temperature Change Above 1.5C", 2100), float("nan"))
        ok = got is not None and int(got) == c
        rows.append(ok)
        label = f"C{int(got)}" if got is not None else "n/a"
        print(f"AR6 category {s} (emission-driven)            {label}  P(peak>1.5) {p15:.2f} P(peak>2) {p20:.2f} P(2100>1.5) {p2100:.2f}   AR6 SYR C{c}: {'HOLDS' if ok else 'DOES NOT HOLD'}")


if __name__ == "__main__":
    main(*sys.argv[1:5])
    print(f"{sum(rows)} of {len(rows)} acceptance numbers hold")
