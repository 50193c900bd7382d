"""Finding a Node that can run the bundled bin."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Optional, Tuple

NODE_ENV = "JOURNEY_RUNS_MOCK_NODE"
"""The environment variable that names the `node` executable (else `node` on PATH)."""
BIN_ENV = "JOURNEY_RUNS_MOCK_BIN"
"""The environment variable that names another bin to run (a development build of the fake)."""
MINIMUM_NODE = (20, 19)

_checked: dict = {}


def bundled_bin() -> Path:
    """The single-file bin that the wheel carries (or `JOURNEY_RUNS_MOCK_BIN`)."""
    override = os.environ.get(BIN_ENV)
    if override:
        return Path(override)
    return Path(__file__).resolve().parent / "_node" / "dist" / "server" / "cli.js"


def find_node(explicit: Optional[str] = None) -> str:
    """The path of a Node >= 20.19: `explicit`, else `JOURNEY_RUNS_MOCK_NODE`, else `node` on PATH.

    Raises `LaunchError` that says how to provide one."""
    from .errors import LaunchError

    wanted = explicit or os.environ.get(NODE_ENV) or "node"
    path = shutil.which(wanted)
    if path is None:
        raise LaunchError(
            f"journey-runs-mock needs Node >= {MINIMUM_NODE[0]}.{MINIMUM_NODE[1]} and found none ({wanted!r} is not "
            f"an executable on PATH). Install Node, or set {NODE_ENV} to the path of a node executable."
        )
    if path not in _checked:
        _checked[path] = _version(path)
    version = _checked[path]
    if version is None or version < MINIMUM_NODE:
        shown = "an unknown version" if version is None else ".".join(map(str, version))
        raise LaunchError(
            f"journey-runs-mock needs Node >= {MINIMUM_NODE[0]}.{MINIMUM_NODE[1]}; {path} is {shown}. "
            f"Set {NODE_ENV} to a newer node."
        )
    return path


def _version(path: str) -> Optional[Tuple[int, int]]:
    try:
        out = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None
    match = re.match(r"v(\d+)\.(\d+)", out.strip())
    return (int(match.group(1)), int(match.group(2))) if match else None
