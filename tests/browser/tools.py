"""Where the browser tests' tools live, and what to do when one is missing."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT

CHROMIUM = Path("/usr/bin/chromium")
NODE_MODULES = PROJECT_ROOT / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]

# Reasons printed by `make test` (pytest -ra) when a tool is missing.
NO_CHROMIUM = f"Chromium not found at {CHROMIUM}: browser tests skipped"
NO_NODE_TOOLS = f"{AXE.relative_to(PROJECT_ROOT)} not found: run `npm ci` (make test does)"
NO_VNU = f"{VNU.relative_to(PROJECT_ROOT)} not found: run `npm ci` (make test does)"
NO_JAVA = "java not found: the Nu HTML Checker needs a Java runtime"


def browser_required() -> bool:
    """CI sets PIPELINE_REQUIRE_BROWSER=1: there a missing tool fails the run."""
    return os.environ.get("PIPELINE_REQUIRE_BROWSER") == "1"


def missing(reason: str) -> None:
    """Skip the test, or fail it when the browser tests are required."""
    if browser_required():
        pytest.fail(f"{reason} (PIPELINE_REQUIRE_BROWSER=1)", pytrace=False)
    pytest.skip(reason)


def chromium_available() -> bool:
    return CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)


def java_available() -> bool:
    return shutil.which("java") is not None
