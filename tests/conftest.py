"""Shared fixtures: temporary repositories built from the project's real schemas."""

from __future__ import annotations

import atexit
import contextlib
import functools
import os
import shutil
import tempfile
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
# The invented catalogue that exercises every phase, pledge, challenge, maker day and saving.
# The repository's own records are the real, sourced ones; tests that need rich data use these.
CATALOGUE = Path(__file__).resolve().parent / "fixtures" / "catalogue"


def make_repository(target: Path, *overlays: Path) -> Path:
    """A repository in `target` with the real schema/ and the given record folders laid over."""
    shutil.copytree(PROJECT_ROOT / "schema", target / "schema")
    for overlay in overlays:
        shutil.copytree(overlay, target, dirs_exist_ok=True, symlinks=True)
    return target


@functools.cache
def catalogue_root() -> Path:
    """A repository (made once per test run) with the project's site setup and the invented
    catalogue's records: what `load`, `pipeline digest` and the like are run on in tests."""
    from generator.ownership.codeowners import (
        CODEOWNERS_PATH,
        render_codeowners,
        repository_ownership,
    )
    from tests.site_helpers import site_repository

    folder = Path(tempfile.mkdtemp(prefix="pipeline-catalogue-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    root = site_repository(folder / "repo")
    # The catalogue's own CODEOWNERS: the repository's is generated from the real records.
    codeowners = root / CODEOWNERS_PATH
    codeowners.parent.mkdir(parents=True, exist_ok=True)
    codeowners.write_text(render_codeowners(repository_ownership(root)), encoding="utf-8")
    return root


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
