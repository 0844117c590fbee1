"""Loads IAMC CSV files with pyam and scmdata exactly as a user would, with no options (CI check for issue 13).

Usage: python scripts/check_iamc_readers.py [--meta META.csv] FILE.csv ...
Exits 1 with the reader's error if any file cannot be read or reads empty.
"""
import sys
import warnings

import pyam
import scmdata

warnings.simplefilter("ignore")
args = sys.argv[1:]
meta = None
if args[:1] == ["--meta"]:
    meta, args = args[1], args[2:]
failed = False
for path in args:
    try:
        df = pyam.IamDataFrame(path)
        run = scmdata.ScmRun(path)
        if df.empty or len(run) == 0:
            raise ValueError("no data read")
        line = f"{path}: pyam {len(df.timeseries())} timeseries, {len(df.scenario)} scenarios; scmdata {len(run)} timeseries"
        if "Category" in df.extra_cols:
            line += f"; categories {sorted(set(df.data['Category']))}"
        if meta:
            df.load_meta(meta)
            line += f"; meta {list(df.meta.columns)[:3]}..., {df.meta['Category'].notna().sum()} scenarios categorised"
        print(line)
    except Exception as error:  # the reader's own message is what the user would see
        print(f"{path}: cannot be read: {type(error).__name__}: {error}", file=sys.stderr)
        failed = True
sys.exit(1 if failed else 0)
