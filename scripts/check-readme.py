#!/usr/bin/env python3
"""Runs every command of README.md's ```sh blocks, in order, in a fresh clone, and fails unless each exits 0.

A command is a line of a ```sh block (continued over the following lines until bash accepts it as complete, e.g.
a `for ... done` loop, or to the end of a here-document); `#` comments are shell comments. Convention: an HTML comment right before a block,
    <!-- readme-check: skip "<start of a command>" <reason> -->
(one or more, invisible on the rendered page) leaves out the commands of that block that start with the quoted text,
e.g. `bash scripts/test.sh` (CI is running it) or the benchmarks (minutes, numbers only). Every other command runs
with a time limit (README_CHECK_TIMEOUT seconds, default 600).

Usage: python3 scripts/check-readme.py [--list] [--clone DIR]
The clone is made from the current repository's HEAD in DIR (default .build-readme/earthbox, gitignored); its
.build folder is kept between runs so a second run does not rebuild from scratch. OMPI_ALLOW_RUN_AS_ROOT is set, so
the mpirun commands also run as root (CI), and oversubscription is allowed for machines with fewer cores.
"""
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DIRECTIVE = re.compile(r'<!--\s*readme-check:\s*skip\s+"([^"]+)"\s*(.*?)\s*-->')


def commands(readme: str):
    """(command, skipped reason or None) for every command of every ```sh block, in order."""
    out, skips, block, in_block = [], [], [], False
    for line in readme.splitlines():
        if not in_block:
            m = DIRECTIVE.search(line)
            if m:
                skips.append((m.group(1), m.group(2) or "marked skip"))
            elif line.strip() == "```sh":
                in_block, block = True, []
            elif line.strip() and not line.strip().startswith("<!--"):
                skips = []
            continue
        if line.strip() == "```":
            in_block = False
            pending = ""
            for text in block:
                pending = pending + "\n" + text if pending else text
                if not pending.strip() or pending.lstrip().startswith("#"):
                    pending = ""
                    continue
                heredoc = re.search(r"<<-?\s*['\"]?(\w+)['\"]?", pending)
                if heredoc and not re.search(rf"^\s*{heredoc.group(1)}\s*$", pending.split("\n", 1)[-1] if "\n" in pending else "", re.M):
                    continue  # a here-document runs to its delimiter line
                if pending.rstrip().endswith("\\"):
                    continue  # a line continued with a backslash goes on on the next line
                if subprocess.run(["bash", "-n", "-c", pending], capture_output=True).returncode == 0:
                    reason = next((r for prefix, r in skips if pending.strip().startswith(prefix)), None)
                    out.append((pending, reason))
                    pending = ""
            if pending.strip():
                raise SystemExit(f"check-readme: unfinished command in README.md: {pending!r}")
            skips = []
            continue
        block.append(line)
    return out


def fresh_clone(target: Path):
    cache = target.parent / "build-cache"
    if (target / ".build").is_dir():
        shutil.rmtree(cache, ignore_errors=True)
        (target / ".build").rename(cache)
    shutil.rmtree(target, ignore_errors=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "clone", "-q", "--no-hardlinks", str(REPO), str(target)], check=True)
    if cache.is_dir():
        cache.rename(target / ".build")


def main():
    args = sys.argv[1:]
    listed = commands((REPO / "README.md").read_text())
    if "--list" in args:
        for command, reason in listed:
            print(("SKIP " if reason else "RUN  ") + command.replace("\n", "\n     ") + (f"   [{reason}]" if reason else ""))
        return 0
    clone = Path(args[args.index("--clone") + 1]) if "--clone" in args else REPO / ".build-readme" / "earthbox"
    fresh_clone(clone.resolve())
    env = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1",
               OMPI_MCA_rmaps_base_oversubscribe="1",
               # pint/iam-units (under pyam) cache registries by file path in ~/.cache; an entry from a deleted
               # clone fails the next import, so the fresh clone gets a cache of its own.
               XDG_CACHE_HOME=str(clone.resolve() / ".cache"))
    for k in [k for k in env if k.startswith(("OMPI_COMM_", "PMIX_", "OMPI_UNIVERSE"))]:
        env.pop(k)
    limit = float(os.environ.get("README_CHECK_TIMEOUT", "600"))
    ran = failed = skipped = 0
    for command, reason in listed:
        if reason:
            print(f"check-readme: skip  {command}   ({reason})")
            skipped += 1
            continue
        start = time.time()
        try:
            done = subprocess.run(["bash", "-e", "-o", "pipefail", "-c", command], cwd=clone, env=env, timeout=limit,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            status = done.returncode
            output = done.stdout
        except subprocess.TimeoutExpired as e:
            status, output = "timeout", (e.stdout or b"").decode(errors="replace") if isinstance(e.stdout, bytes) else (e.stdout or "")
        ran += 1
        print(f"check-readme: {'ok   ' if status == 0 else 'FAIL '} {command}   ({time.time() - start:.0f} s, exit {status})")
        if status != 0:
            failed += 1
            print("\n".join("    | " + l for l in output.splitlines()[-30:]))
    print(f"check-readme: {ran - failed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
