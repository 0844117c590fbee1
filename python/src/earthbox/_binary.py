"""Finding the EarthBox repository (forcing files, observations) and the built `earthbox` binary."""
from __future__ import annotations

import os
import shutil
from pathlib import Path


class EarthBoxError(RuntimeError):
    """The binary failed (its one-line error message is the exception text) or could not be found."""


def _is_home(path: Path) -> bool:
    return (path / "Package.swift").is_file() and (path / "Forcing").is_dir()


def find_home(start: str | os.PathLike | None = None) -> Path:
    """The EarthBox repository: `EARTHBOX_HOME`, else `start` (default: the current folder) or its first parent
    that holds `Package.swift` and `Forcing/`, else the repository the binary was built in."""
    env = os.environ.get("EARTHBOX_HOME")
    if env:
        if not _is_home(Path(env)):
            raise EarthBoxError(f"EARTHBOX_HOME={env} is not an EarthBox repository (no Package.swift and Forcing/)")
        return Path(env).resolve()
    here = Path(start or os.getcwd()).resolve()
    for folder in [here, *here.parents]:
        if _is_home(folder):
            return folder
    binary = os.environ.get("EARTHBOX_BINARY")
    if binary:
        for folder in Path(binary).resolve().parents:
            if _is_home(folder):
                return folder
    raise EarthBoxError("cannot find the EarthBox repository: set EARTHBOX_HOME, or run from inside a clone")


def find_binary(home: Path | None = None) -> Path:
    """`EARTHBOX_BINARY`, else `<home>/.build/release/earthbox`, else `<home>/.build/debug/earthbox`, else `earthbox`
    on PATH."""
    env = os.environ.get("EARTHBOX_BINARY")
    if env:
        if not os.access(env, os.X_OK):
            raise EarthBoxError(f"EARTHBOX_BINARY={env} is not an executable file")
        return Path(env).resolve()
    try:
        home = home or find_home()
    except EarthBoxError:
        home = None
    if home is not None:
        for build in ("release", "debug"):
            candidate = home / ".build" / build / "earthbox"
            if os.access(candidate, os.X_OK):
                return candidate
    on_path = shutil.which("earthbox")
    if on_path:
        return Path(on_path)
    raise EarthBoxError("cannot find the earthbox binary: build it (bash scripts/build-release.sh --product earthbox) "
                        "or set EARTHBOX_BINARY")
