"""`pipeline similar PATH`: text for officers, JSON for scripts, drafts not yet committed."""

from __future__ import annotations

import json
import re

from tests.unit.similarity.helpers import LEEDS, POTHOLE, rubbish_not_collected, write

TODAY = ("--today", "2026-11-22")
LINE = re.compile(r"^(\d+)\. (.+) — (.+), (\w+) — (\d\.\d\d) — (projects/[a-z0-9-]+\.yml)$")


def _repo(example_repo):
    repo = example_repo()
    write(repo, "councils/leeds.yml", LEEDS)
    write(repo, "projects/report-a-pothole.yml", POTHOLE)
    return repo


def test_text_lists_matches_best_first_for_officers(example_repo, run_pipeline) -> None:
    repo = _repo(example_repo)
    write(repo, "projects/rubbish-not-collected.yml", rubbish_not_collected())
    result = run_pipeline(repo, "similar", "projects/rubbish-not-collected.yml", *TODAY)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == (
        "Projects most like projects/rubbish-not-collected.yml (Rubbish not collected):"
    )
    first = LINE.match(lines[1])
    assert first, lines[1]
    assert first.group(2, 3, 4, 6) == (
        "Report a missed bin",
        "West Berkshire",
        "beta",
        "projects/report-a-missed-bin.yml",
    )
    assert float(first.group(5)) >= 0.5
    assert "rubbish-not-collected.yml —" not in result.output  # never itself


def test_json_is_a_list_of_matches_with_ids_titles_councils_and_scores(
    example_repo, run_pipeline
) -> None:
    repo = _repo(example_repo)
    write(repo, "projects/rubbish-not-collected.yml", rubbish_not_collected())
    result = run_pipeline(
        repo,
        "similar",
        "projects/rubbish-not-collected.yml",
        "--format",
        "json",
        "--min-score",
        "0",
        *TODAY,
    )
    assert result.exit_code == 0, result.output
    matches = json.loads(result.output)
    assert matches[0]["id"] == "report-a-missed-bin"
    assert {"id", "title", "lead_council", "score"} <= set(matches[0])
    assert matches[0]["lead_council"] == "west-berkshire"
    assert [m["score"] for m in matches] == sorted((m["score"] for m in matches), reverse=True)
    assert all(0 < m["score"] <= 1 for m in matches)


def test_top_limits_the_list(example_repo, run_pipeline) -> None:
    repo = _repo(example_repo)
    write(repo, "projects/rubbish-not-collected.yml", rubbish_not_collected())
    args = ("similar", "projects/rubbish-not-collected.yml", "--format", "json", *TODAY)
    everything = json.loads(run_pipeline(repo, *args, "--min-score", "0").output)
    assert len(everything) == 2
    one = json.loads(run_pipeline(repo, *args, "--min-score", "0", "--top", "1").output)
    assert one == everything[:1]


def test_a_draft_outside_the_repository_works(example_repo, run_pipeline, tmp_path) -> None:
    repo = _repo(example_repo)
    draft = write(tmp_path / "drafts", "rubbish.yml", rubbish_not_collected())
    result = run_pipeline(repo, "similar", str(draft), "--format", "json", *TODAY)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)[0]["id"] == "report-a-missed-bin"
    assert not (repo / "projects" / "rubbish.yml").exists()


def test_an_existing_project_is_compared_with_the_others(example_repo, run_pipeline) -> None:
    repo = _repo(example_repo)
    result = run_pipeline(repo, "similar", "projects/report-a-missed-bin.yml", *TODAY)
    assert result.exit_code == 0, result.output
    assert "none scored 0.10 or more." in result.output  # a pothole is not a bin


def test_an_invalid_draft_shows_its_problems_and_exits_1(example_repo, run_pipeline) -> None:
    repo = _repo(example_repo)
    bad = rubbish_not_collected().replace("phase: idea", "phase: Idea")
    write(repo, "projects/rubbish-not-collected.yml", bad)
    result = run_pipeline(repo, "similar", "projects/rubbish-not-collected.yml", *TODAY)
    assert result.exit_code == 1
    assert "projects/rubbish-not-collected.yml:4:8: error: phase: 'Idea'" in result.output
    assert "Traceback" not in result.output


def test_other_broken_records_do_not_stop_the_comparison(example_repo, run_pipeline) -> None:
    repo = _repo(example_repo)
    write(repo, "projects/broken.yml", "title: [unclosed\n")
    write(repo, "projects/rubbish-not-collected.yml", rubbish_not_collected())
    result = run_pipeline(repo, "similar", "projects/rubbish-not-collected.yml", *TODAY)
    assert result.exit_code == 0, result.output
    assert "Report a missed bin" in result.output


def test_paths_that_are_not_project_records_are_refused(example_repo, run_pipeline) -> None:
    repo = _repo(example_repo)
    council = run_pipeline(repo, "similar", "councils/leeds.yml", *TODAY)
    assert council.exit_code == 2
    assert "is a council record: only projects can be compared" in council.output
    missing = run_pipeline(repo, "similar", "projects/nothing.yml", *TODAY)
    assert missing.exit_code == 2
    assert "there is no file" in missing.output
