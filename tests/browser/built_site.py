"""Build a repository's site into a folder, the way a developer or CI would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

from generator.cli import cli
from tests.conftest import TODAY

# What a repository needs besides its records to build the site.
SITE_SOURCES = ("mkdocs.yml", "docs", "site_overrides", "pipeline.yml")


def copy_site_sources(source: Path, target: Path) -> None:
    """Copy the site's configuration and templates from `source` into the repository `target`."""
    for name in SITE_SOURCES:
        path = source / name
        if path.is_dir():
            shutil.copytree(path, target / name, dirs_exist_ok=True)
        elif path.is_file():
            shutil.copy2(path, target / name)


def build_site(root: Path, out: Path, today: date = TODAY) -> Path:
    """Build the site of the repository `root` into `out` with `pipeline build`, in a process of
    its own as a developer would; fail with its output if it fails."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if "build" in cli.commands:
        pipeline = [sys.executable, "-c", "from generator.cli import main; main()"]
        command = [*pipeline, "build", "--out", str(out), "--today", today.isoformat()]
    else:  # until the site's build command lands
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(out)]
    result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise AssertionError(f"building the site of {root} failed:\n{result.stdout}{result.stderr}")
    return out
