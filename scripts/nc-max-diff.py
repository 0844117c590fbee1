#!/usr/bin/env python3
"""Largest difference per variable between two NetCDF files (read through `ncdump -p 17,17`, no Python netCDF
package needed) or per column between two CSV tables: prints `variable max|a-b| max|a-b|/max|a| at index i (year y)`,
largest relative change first.
   python3 scripts/nc-max-diff.py a.nc b.nc [--top N]"""
import csv
import re
import subprocess
import sys


def variables(path):
    text = subprocess.run(["ncdump", "-p", "17,17", path], check=True, capture_output=True, text=True).stdout
    data = text.split("\ndata:\n", 1)[1]
    out = {}
    for match in re.finditer(r"^ (\w+) =(.*?);\s*$", data, re.S | re.M):
        values = []
        for token in match.group(2).replace("\n", " ").split(","):
            token = token.strip()
            if not token or token.startswith('"'):
                continue
            try:
                values.append(float(token.replace("_", "nan")))
            except ValueError:
                pass
        out[match.group(1)] = values
    return out


def columns(path):
    """Numeric cells of a CSV table by column; rows are told apart by their text cells (e.g. scenario and variable)."""
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    out = {}
    for row in rows[1:]:
        label = "/".join(cell for cell in row if not _number(cell))
        for name, cell in zip(rows[0], row):
            if _number(cell):
                out.setdefault(f"{name}[{label}]" if label else name, []).append(float(cell))
    return out


def _number(text):
    try:
        float(text)
        return True
    except ValueError:
        return False


def main():
    a_path, b_path = sys.argv[1], sys.argv[2]
    top = int(sys.argv[sys.argv.index("--top") + 1]) if "--top" in sys.argv else 10
    read = columns if a_path.endswith(".csv") else variables
    a, b = read(a_path), read(b_path)
    years = a.get("year") or a.get("time")
    rows = []
    for name in sorted(set(a) & set(b)):
        x, y = a[name], b[name]
        if len(x) != len(y):
            rows.append((float("inf"), name, f"shape differs ({len(x)} vs {len(y)} values)"))
            continue
        diffs = [abs(p - q) if p == p and q == q else (0.0 if p != p and q != q else float("inf")) for p, q in zip(x, y)]
        if not diffs or max(diffs) == 0:
            continue
        i = max(range(len(diffs)), key=diffs.__getitem__)
        scale = max((abs(p) for p in x if p == p), default=0.0)
        relative = diffs[i] / scale if scale > 0 else float("inf")
        where = f"index {i}"
        if years and len(x) % len(years) == 0 and len(x) >= len(years):
            where += f" (year {years[i // (len(x) // len(years))]:.0f})"
        rows.append((relative, name, f"max |diff| {diffs[i]:.6g} = {relative:.3g} of max |value| {scale:.6g}, at {where}"))
    rows.sort(reverse=True)
    for _, name, text in rows[:top]:
        print(f"  {name}: {text}")
    print(f"  {len(rows)} of {len(set(a) & set(b))} variables differ")


if __name__ == "__main__":
    main()
