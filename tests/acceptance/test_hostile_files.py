"""Files that are not files, text that must not reach a terminal raw, and inputs built to be
slow: each refused clearly, at its place, quickly, with exit 1 and no traceback."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from generator.problems import error
from generator.reporting import shown, text_lines

HEADER = "# yaml-language-server: $schema=../schema/project.schema.json\n"
RECORD = HEADER + "title: A\nsummary: B\nphase: idea\nlead_council: west-berkshire\n"


def validate(run_pipeline, repo: Path):
    result = run_pipeline(repo, "validate", "--today", "2026-11-22")
    assert "Traceback" not in result.output
    assert "internal error" not in result.output
    return result


def test_symlink_loop_is_named_and_refused(example_repo, run_pipeline) -> None:
    repo = example_repo()
    loop = repo / "projects" / "loop.yml"
    loop.symlink_to(loop.name)
    result = validate(run_pipeline, repo)
    assert result.exit_code == 1
    assert "projects/loop.yml:1:1: error: This file cannot be opened: it is a link" in result.output


def test_broken_symlink_is_named_and_refused(example_repo, run_pipeline) -> None:
    repo = example_repo()
    (repo / "projects" / "gone.yml").symlink_to("nowhere.yml")
    result = validate(run_pipeline, repo)
    assert result.exit_code == 1
    assert "projects/gone.yml:1:1: error: This file cannot be opened" in result.output


def test_fifo_is_refused_without_blocking(example_repo, run_pipeline) -> None:
    repo = example_repo()
    os.mkfifo(repo / "projects" / "pipe.yml")
    started = time.perf_counter()
    result = validate(run_pipeline, repo)
    assert time.perf_counter() - started < 5
    assert result.exit_code == 1
    assert "projects/pipe.yml:1:1: error: This is not an ordinary file" in result.output


def test_folder_named_like_a_record_is_refused(example_repo, run_pipeline) -> None:
    repo = example_repo()
    (repo / "projects" / "folder.yml").mkdir()
    result = validate(run_pipeline, repo)
    assert result.exit_code == 1
    assert "projects/folder.yml:1:1: error: This is a folder, not a record file" in result.output


def test_unreadable_file_is_named_and_refused(example_repo, run_pipeline, monkeypatch) -> None:
    # Tests may run as root, who can read anything: make opening this one file fail instead.
    repo = example_repo()
    secret = repo / "projects" / "secret.yml"
    secret.write_text(RECORD, encoding="utf-8")
    real_open = Path.open

    def refusing_open(self: Path, *args, **kwargs):
        if self.name == "secret.yml":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refusing_open)
    result = validate(run_pipeline, repo)
    assert result.exit_code == 1
    assert "projects/secret.yml:1:1: error: This file cannot be read (permission denied)" in (
        result.output
    )


@pytest.mark.parametrize("make_list", ["mixed", "same"])
def test_a_long_list_is_refused_in_linear_time(example_repo, run_pipeline, make_list) -> None:
    """About 200 KB with a 10,000-item list: refused well within a second or two."""
    items = (
        [f"  - {v}" for i in range(2500) for v in (i, f"t{i}", "true", "[1]")]
        if make_list == "mixed"
        else ["  - open-data"] * 10_000
    )
    repo = example_repo()
    (repo / "projects" / "long.yml").write_text(
        RECORD + "tags:\n" + "\n".join(items) + "\n", encoding="utf-8"
    )
    started = time.perf_counter()
    result = validate(run_pipeline, repo)
    elapsed = time.perf_counter() - started
    assert result.exit_code == 1
    assert "projects/long.yml:7:3: error: tags: the list has more than 30 entries" in result.output
    assert "only the first are listed" in result.output
    assert elapsed < 2.5, f"{elapsed:.2f} s"


def test_record_text_reaches_the_terminal_escaped() -> None:
    problem = error("projects/\x1b]0;owned\x07.yml", 1, 1, "id 'a\rb' \u202eevil", "fix\x1b[2J")
    printed = "\n".join(text_lines([problem]))
    assert "\x1b" not in printed and "\r" not in printed and "\u202e" not in printed
    assert "\\x1b]0;owned\\x07" in printed and "a\\x0db" in printed and "\\u202e" in printed
    assert (
        shown("Plain text, Cymraeg: ŵ ŷ, emoji 👨‍👩‍👧") == "Plain text, Cymraeg: ŵ ŷ, emoji 👨‍👩‍👧"
    )


def test_file_name_with_control_characters_is_shown_escaped(example_repo, run_pipeline) -> None:
    repo = example_repo()
    (repo / "projects" / "bad\x1b[31mname.yml").write_text(RECORD, encoding="utf-8")
    result = validate(run_pipeline, repo)
    assert result.exit_code == 1
    assert "\x1b" not in result.output
    assert "projects/bad\\x1b[31mname.yml:1:1: error:" in result.output
