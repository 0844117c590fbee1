"""Writing namelists and changing keys of existing ones, so any parameter can be set from Python.

A value is written in Fortran namelist syntax: strings quoted, booleans as .true./.false., lists comma-separated.
Keys are `group.key` (as `earthbox parameters` lists them), e.g. ``{"climate.equilibrium_climate_sensitivity": 3.5}``,
or nested ``{"climate": {"equilibrium_climate_sensitivity": 3.5}}``.
"""
from __future__ import annotations

import re
from typing import Any, Mapping


def format_value(value: Any) -> str:
    if isinstance(value, bool):
        return ".true." if value else ".false."
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    if isinstance(value, (list, tuple)):
        return ", ".join(format_value(v) for v in value)
    if isinstance(value, float):
        return repr(value)
    return str(value)


def flatten(parameters: Mapping[str, Any] | None) -> dict[str, dict[str, Any]]:
    """`{"group.key": v}` or `{"group": {"key": v}}` → `{"group": {"key": v}}`."""
    groups: dict[str, dict[str, Any]] = {}
    for name, value in (parameters or {}).items():
        if isinstance(value, Mapping):
            groups.setdefault(name, {}).update(value)
        elif "." in name:
            group, key = name.split(".", 1)
            groups.setdefault(group, {})[key] = value
        else:
            raise ValueError(f"parameter '{name}' must be written 'group.key' (e.g. 'climate.{name}')")
    return groups


def write(groups: Mapping[str, Mapping[str, Any]], comment: str = "") -> str:
    """A whole namelist from `{"group": {"key": value}}`."""
    lines = [f"! {line}" for line in comment.splitlines()]
    for group, keys in groups.items():
        lines.append(f"&{group}")
        lines += [f"  {key} = {format_value(value)}" for key, value in keys.items()]
        lines.append("/")
    return "\n".join(lines) + "\n"


def set_keys(text: str, parameters: Mapping[str, Any] | None) -> str:
    """`text` with each `group.key` replaced (or added to its group, or the group added)."""
    for group, keys in flatten(parameters).items():
        block = re.search(rf"^[ \t]*&{re.escape(group)}\b.*?^[ \t]*/", text, flags=re.M | re.S | re.I)
        if block is None:
            text = text.rstrip("\n") + "\n" + write({group: keys})
            continue
        body = block.group(0)
        for key, value in keys.items():
            line = f"  {key} = {format_value(value)}"
            pattern = rf"^[ \t]*{re.escape(key)}[ \t]*=.*$"
            if re.search(pattern, body, flags=re.M | re.I):
                body = re.sub(pattern, lambda _: line, body, count=1, flags=re.M | re.I)
            else:
                body = re.sub(r"^([ \t]*/)\Z", lambda m: line + "\n" + m.group(1), body, flags=re.M)
        text = text[:block.start()] + body + text[block.end():]
    return text
