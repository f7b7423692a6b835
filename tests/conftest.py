"""Shared fixtures: temporary repositories built from the project's real schemas."""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, settings

from generator.cli import cli

# Property-based tests (Hypothesis): a short run in `make test`, a long one weekly in CI.
# Choose with HYPOTHESIS_PROFILE=short|long.
settings.register_profile(
    "short", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "long", max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "short"))

PROJECT_ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = Path(__file__).resolve().parent / "examples"
SHARED = PROJECT_ROOT.parent / "shared"
TODAY = date(2026, 11, 22)


def make_repository(target: Path, *overlays: Path) -> Path:
    """A repository in `target` with the real schema/ and the given record folders laid over."""
    shutil.copytree(PROJECT_ROOT / "schema", target / "schema")
    for overlay in overlays:
        shutil.copytree(overlay, target, dirs_exist_ok=True, symlinks=True)
    return target


@pytest.fixture
def example_repo(tmp_path: Path) -> Callable[..., Path]:
    """Build a repository from tests/examples/base plus overlays."""

    def build(*overlays: Path) -> Path:
        return make_repository(tmp_path / "repo", EXAMPLES / "base", *overlays)

    return build


@pytest.fixture
def run_pipeline() -> Callable[..., Result]:
    """Run the `pipeline` command in-process, from the given repository's top folder."""

    def run(root: Path, *args: str, input: str | None = None) -> Result:
        with contextlib.chdir(root):
            return CliRunner().invoke(cli, list(args), input=input, env={"GITHUB_ACTIONS": ""})

    return run
