"""File rules that need bytes or links a text fixture cannot hold."""

from __future__ import annotations

import os
from pathlib import Path

from generator.loading.files import MAX_FILE_BYTES
from generator.loading.yaml_positions import MAX_DEPTH

HEADER = "# yaml-language-server: $schema=../schema/project.schema.json\n"
VALID_BODY = "title: T\nsummary: S.\nphase: idea\nlead_council: hackney\n"


def validate(run_pipeline, repo: Path):
    result = run_pipeline(repo, "validate", "--today", "2026-11-22")
    assert "Traceback" not in result.output
    return result


def test_not_utf8_points_at_the_byte(example_repo, run_pipeline) -> None:
    repo = example_repo()
    (repo / "projects" / "latin.yml").write_bytes(
        (HEADER + VALID_BODY).encode() + "description: caf\xe9\n".encode("latin-1")
    )
    result = validate(run_pipeline, repo)
    assert result.exit_code == 1
    assert "projects/latin.yml:6:17: error: This file is not saved as UTF-8 text." in result.output


def test_oversized_file_is_refused_without_parsing(example_repo, run_pipeline) -> None:
    repo = example_repo()
    text = HEADER + VALID_BODY + "description: |\n" + ("  words\n" * (MAX_FILE_BYTES // 8 + 10))
    (repo / "projects" / "huge.yml").write_text(text)
    result = validate(run_pipeline, repo)
    assert result.exit_code == 1
    assert "projects/huge.yml:1:1: error: This file is 256 KiB; records are limited to 256 KiB" in (
        result.output
    )


def test_symlink_outside_the_repository_is_refused(example_repo, run_pipeline, tmp_path) -> None:
    repo = example_repo()
    secret = tmp_path / "outside.yml"
    secret.write_text(HEADER + VALID_BODY)
    os.symlink(secret, repo / "projects" / "sneaky.yml")
    result = validate(run_pipeline, repo)
    assert result.exit_code == 1
    assert (
        "projects/sneaky.yml:1:1: error: This file is a link to somewhere outside" in result.output
    )


def test_symlink_inside_the_repository_is_read(example_repo, run_pipeline) -> None:
    repo = example_repo()
    (repo / "drafts").mkdir()
    (repo / "drafts" / "inside.yml").write_text(HEADER + VALID_BODY)
    os.symlink(repo / "drafts" / "inside.yml", repo / "projects" / "inside.yml")
    assert validate(run_pipeline, repo).exit_code == 0


def test_absurd_nesting_is_refused_quickly(example_repo, run_pipeline) -> None:
    repo = example_repo()
    depth = 100_000
    (repo / "projects" / "deep.yml").write_text(HEADER + "title: " + "[" * depth + "]" * depth)
    result = validate(run_pipeline, repo)
    # Refused at the right file and line, one error, no traceback. Which parser stops it first
    # (Pipeline's depth limit or libyaml's own) and its wording are not Pipeline's behaviour.
    assert result.exit_code == 1
    assert "projects/deep.yml:2:" in result.output
    assert "1 error in 1 file" in result.output


def test_nesting_deeper_than_records_need_is_refused(example_repo, run_pipeline) -> None:
    """Pipeline's own limit, well below any parser's, with its own wording."""
    repo = example_repo()
    depth = MAX_DEPTH + 1
    (repo / "projects" / "deep.yml").write_text(HEADER + "title: " + "[" * depth + "]" * depth)
    result = validate(run_pipeline, repo)
    assert result.exit_code == 1
    assert f"projects/deep.yml:2:{7 + MAX_DEPTH}: error: The record is nested more than" in (
        result.output
    )


def test_all_problems_in_all_files_are_reported_in_one_run(example_repo, run_pipeline) -> None:
    repo = example_repo()
    (repo / "projects" / "one.yml").write_text(HEADER + VALID_BODY.replace("idea", "ideas"))
    (repo / "projects" / "two.yml").write_text(HEADER + VALID_BODY + "colour: blue\nsize: big\n")
    result = validate(run_pipeline, repo)
    assert result.exit_code == 1
    assert "projects/one.yml:4:8: error: phase: 'ideas'" in result.output
    assert "projects/two.yml:6:1: error" in result.output
    assert "projects/two.yml:7:1: error" in result.output


def test_missing_schema_comment_is_a_warning_only(example_repo, run_pipeline) -> None:
    repo = example_repo()
    (repo / "projects" / "bare.yml").write_text(VALID_BODY)
    result = validate(run_pipeline, repo)
    assert result.exit_code == 0
    assert "projects/bare.yml:1:1: warning: The first line should name the schema" in result.output
