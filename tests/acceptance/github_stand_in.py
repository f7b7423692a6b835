"""A stand-in `gh` on the PATH that answers from recorded REST responses (tests/data/github/),
for the doctor, `pipeline labels` and the workflows' label steps."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any

from tests.conftest import PROJECT_ROOT

RECORDED = PROJECT_ROOT / "tests" / "data" / "github"
REPO = "example-org/pipeline"


class StandInGh:
    def __init__(self, tmp: Path, *scenarios: str | Path, signed_out: bool = False) -> None:
        self.state = tmp / "gh-state"
        self.state.mkdir(parents=True)
        self.bin = tmp / "gh-bin"
        self.bin.mkdir()
        gh = self.bin / "gh"
        gh.write_text(f"#!{sys.executable} -S\n" + (RECORDED / "gh.py").read_text())
        gh.chmod(0o755)
        folders = [str(s if isinstance(s, Path) else RECORDED / s) for s in scenarios]
        self.env = {
            "PATH": os.pathsep.join([str(self.bin), os.environ["PATH"]]),
            "GH_STATE": str(self.state),
            "GH_RESPONSES": os.pathsep.join(folders),
            "GH_SIGNED_OUT": "1" if signed_out else "",
            "GH_REPO": "",
        }

    def calls(self) -> list[list[str]]:
        log = self.state / "calls.jsonl"
        return [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []

    def created(self) -> list[dict[str, Any]]:
        path = self.state / "labels-created.json"
        return json.loads(path.read_text()) if path.exists() else []


def overlay(tmp: Path, tail: str, change: Any, base: str = "good") -> Path:
    """A folder of responses holding one recorded response, changed: `change` is a function of
    the recorded response's body, or a whole response."""
    folder = tmp / f"overlay-{len(list(tmp.glob('overlay-*')))}"
    source = next(
        RECORDED / name / f"{tail}.json"
        for name in (base, "good", "classic", "ruleset", "bad")
        if (RECORDED / name / f"{tail}.json").exists()
    )
    response = json.loads(source.read_text())
    if callable(change):
        response["body"] = change(response["body"])
    else:
        response = change
    target = folder / f"{tail}.json"
    target.parent.mkdir(parents=True)
    target.write_text(json.dumps(response))
    return folder


def launch_root(tmp: Path, *overlays: Path) -> Path:
    """A checkout with the real Checks workflow (the doctor reads its job's name)."""
    root = tmp / "checkout"
    (root / ".github" / "workflows").mkdir(parents=True)
    shutil.copy2(PROJECT_ROOT / ".github" / "workflows" / "checks.yml", root / ".github/workflows")
    (root / "mkdocs.yml").write_text(
        f"site_name: Pipeline\nsite_url: https://example-org.github.io/pipeline/\n"
        f"repo_url: https://github.com/{REPO}\n"
    )
    for folder in overlays:
        shutil.copytree(folder, root, dirs_exist_ok=True)
    return root
