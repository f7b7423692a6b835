"""Creating the labels a repository lacks, from generator/labels.py: only the missing ones, so
running it again changes nothing and a colour someone chose by hand stays."""

from __future__ import annotations

import subprocess

from generator.labels import Label
from generator.launch.github import TIMEOUT_SECONDS, GhError, GitHub


def missing(github: GitHub, repo: str, wanted: list[Label]) -> list[Label]:
    answer = github.get_all(f"repos/{repo}/labels")
    if not answer.ok or not isinstance(answer.body, list):
        raise GhError(f"The labels of {repo} could not be read: GitHub answered {answer.status}.")
    have = {str(item.get("name", "")).casefold() for item in answer.body if isinstance(item, dict)}
    return [label for label in wanted if label.name.casefold() not in have]


def create(github: GitHub, repo: str, labels: list[Label]) -> None:
    """`gh label create` for each label; a GhError says which one failed and why."""
    for label in labels:
        command = [
            github.gh, "label", "create", label.name, "--repo", repo,
            "--color", label.colour, "--description", label.description,
        ]  # fmt: skip
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise GhError(f"`gh label create {label.name}` could not run: {exc}") from None
        if done.returncode != 0:
            reason = done.stderr.strip().splitlines()
            raise GhError(
                f"The label '{label.name}' could not be created: "
                f"{reason[-1] if reason else 'gh gave no reason'}."
            )
