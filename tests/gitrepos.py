"""Real, throwaway Git repositories of records for tests of pull requests and history."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

from tests.conftest import PROJECT_ROOT

CORE = "@localgovdigital/pipeline-core"


def council(name: str, maintainers: Iterable[str] = ()) -> str:
    lines = [
        "# yaml-language-server: $schema=../schema/council.schema.json",
        f"name: {name} Council",
        f"short_name: {name}",
        "type: district",
        "nation: england",
    ]
    handles = list(maintainers)
    if handles:
        lines.append("maintainers:")
        lines += [f'  - "{h}"' for h in handles]
    return "\n".join(lines) + "\n"


def project(
    title: str, lead: str, maintainers: Iterable[str] = (), summary: str = "", extra: str = ""
) -> str:
    lines = [
        "# yaml-language-server: $schema=../schema/project.schema.json",
        f"title: {title}",
        f"summary: {summary or 'A service residents use, ' + title.lower() + '.'}",
        "phase: beta",
        f"lead_council: {lead}",
    ]
    handles = list(maintainers)
    if handles:
        lines.append("maintainers:")
        lines += [f'  - "{h}"' for h in handles]
    return "\n".join(lines) + "\n" + extra


def makerday(title: str, start: str, hosts: Iterable[str]) -> str:
    lines = [
        "# yaml-language-server: $schema=../schema/makerday.schema.json",
        f"title: {title}",
        f"start: {start}",
        "hosts:",
        *(f"  - {h}" for h in hosts),
    ]
    return "\n".join(lines) + "\n"


class GitRepo:
    """A repository with the project's real schemas, committed on `main` with chosen dates."""

    def __init__(self, path: Path, core: Iterable[str] = (CORE,)) -> None:
        self.path = path
        path.mkdir(parents=True, exist_ok=True)
        shutil.copytree(PROJECT_ROOT / "schema", path / "schema")
        handles = "".join(f'  - "{h}"\n' for h in core)
        self.write("pipeline.yml", f"core_maintainers:\n{handles}" if handles else "{}\n")
        self.git("init", "-q", "-b", "main")
        self.git("config", "user.email", "tests@example.org")
        self.git("config", "user.name", "Pipeline tests")
        self.git("config", "commit.gpgsign", "false")

    def git(self, *args: str, when: str = "2026-01-05T12:00:00+00:00") -> str:
        env = {
            **os.environ,
            "GIT_AUTHOR_DATE": when,
            "GIT_COMMITTER_DATE": when,
            "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_CONFIG_NOSYSTEM": "1",
        }
        done = subprocess.run(
            ["git", *args], cwd=self.path, env=env, capture_output=True, text=True, check=True
        )
        return done.stdout.strip()

    def write(self, relative: str, text: str) -> None:
        target = self.path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")

    def read(self, relative: str) -> str:
        return (self.path / relative).read_text(encoding="utf-8")

    def delete(self, relative: str) -> None:
        self.git("rm", "-q", relative)

    def move(self, old: str, new: str) -> None:
        self.git("mv", old, new)

    def commit(self, message: str, when: str = "2026-01-05T12:00:00+00:00") -> str:
        self.git("add", "-A", when=when)
        self.git("commit", "-q", "--allow-empty", "-m", message, when=when)
        return self.git("rev-parse", "HEAD")

    def branch(self, name: str, start: str = "main") -> None:
        self.git("checkout", "-q", "-b", name, start)

    def checkout(self, name: str) -> None:
        self.git("checkout", "-q", name)
