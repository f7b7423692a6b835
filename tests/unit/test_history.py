"""Record history from Git: renames become redirects, old names keep their history links,
and the pieces of a pull request are sorted into record changes. The redirect pages themselves
are tested in test_redirects.py."""

from __future__ import annotations

from pathlib import Path

from generator.git.history import (
    Departure,
    departures,
    record_history,
    redirects,
    renamed_paths,
)
from generator.git.runner import PathChange
from generator.pull_request.changes import classify, same_record, similarity
from tests.gitrepos import GitRepo, council, project


def moved(old: str, new: str | None) -> Departure:
    return Departure(old, "c0ffee", "2026-01-01T00:00:00+00:00", new)


def test_chains_of_renames_lead_to_the_current_page() -> None:
    events = [
        moved("projects/aa.yml", "projects/bb.yml"),
        moved("projects/bb.yml", "projects/cc.yml"),
    ]
    assert renamed_paths(events, ["projects/cc.yml"]) == {
        "projects/aa.yml": "projects/cc.yml",
        "projects/bb.yml": "projects/cc.yml",
    }
    assert redirects(renamed_paths(events, ["projects/cc.yml"])) == {
        "projects/aa/": "projects/cc/",
        "projects/bb/": "projects/cc/",
    }


def test_no_redirect_points_nowhere_or_hides_a_page() -> None:
    deleted_later = [moved("projects/aa.yml", "projects/bb.yml"), moved("projects/bb.yml", None)]
    assert renamed_paths(deleted_later, []) == {}
    undone = [
        moved("projects/aa.yml", "projects/bb.yml"),
        moved("projects/bb.yml", "projects/aa.yml"),
    ]
    # The name it had for a while leads back; its original name is a page again.
    assert renamed_paths(undone, ["projects/aa.yml"]) == {"projects/bb.yml": "projects/aa.yml"}
    reused = [moved("projects/aa.yml", "projects/bb.yml")]
    assert renamed_paths(reused, ["projects/aa.yml", "projects/bb.yml"]) == {}


def test_renames_in_real_history(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "repo")
    repo.write("councils/hackney.yml", council("Hackney"))
    repo.write("projects/report-a-bin.yml", project("Report a bin", "hackney"))
    repo.write("projects/gone.yml", project("Gone", "hackney"))
    repo.commit("Records", when="2025-01-01T10:00:00+00:00")
    repo.move("projects/report-a-bin.yml", "projects/report-a-missed-bin.yml")
    repo.commit("Rename", when="2025-02-01T10:00:00+00:00")
    repo.delete("projects/gone.yml")
    repo.commit("Delete", when="2025-03-01T10:00:00+00:00")
    repo.move("projects/report-a-missed-bin.yml", "projects/missed-bins.yml")
    repo.commit("Rename again", when="2025-04-01T10:00:00+00:00")

    events = departures(repo.path)
    assert [(e.path, e.new_path, e.date[:10]) for e in events] == [
        ("projects/report-a-bin.yml", "projects/report-a-missed-bin.yml", "2025-02-01"),
        ("projects/gone.yml", None, "2025-03-01"),
        ("projects/report-a-missed-bin.yml", "projects/missed-bins.yml", "2025-04-01"),
    ]
    history = record_history(repo.path, ["councils/hackney.yml", "projects/missed-bins.yml"])
    assert history.shallow is False
    assert history.redirects == {
        "projects/report-a-bin/": "projects/missed-bins/",
        "projects/report-a-missed-bin/": "projects/missed-bins/",
    }
    assert history.previous_paths == {
        "projects/missed-bins.yml": [
            "projects/report-a-bin.yml",
            "projects/report-a-missed-bin.yml",
        ]
    }


def test_history_outside_git_is_empty(tmp_path: Path) -> None:
    history = record_history(tmp_path, [])
    assert history.redirects == {} and history.shallow is True


def test_changes_are_sorted_into_records_and_other_files() -> None:
    changes = classify(
        [
            PathChange("M", "projects/aa.yml"),
            PathChange("R", "projects/bb2.yml", "projects/bb.yml"),
            PathChange("R", "councils/cc.yml", "projects/cc.yml"),  # changes kind
            PathChange("A", "projects/Bad Name.yml"),  # not a record id: another file
            PathChange("D", "makerdays/mm.yml"),
            PathChange("M", "schema/project.schema.json"),
        ]
    )
    assert [(c.kind, c.status, c.path, c.old_path) for c in changes.records] == [
        ("project", "deleted", "projects/cc.yml", None),
        ("project", "renamed", "projects/bb2.yml", "projects/bb.yml"),
        ("project", "changed", "projects/aa.yml", None),
        ("council", "added", "councils/cc.yml", None),
        ("makerday", "deleted", "makerdays/mm.yml", None),
    ]
    assert [c.path for c in changes.other] == [
        "projects/Bad Name.yml",
        "schema/project.schema.json",
    ]
    renamed = changes.records[1]
    assert (renamed.base_path, renamed.head_path, renamed.old_id) == (
        "projects/bb.yml",
        "projects/bb2.yml",
        "bb",
    )


def test_what_counts_as_the_same_record() -> None:
    old = {"title": "Report a missed bin", "lead_council": "hackney"}
    retitled = {"title": "Missed bins", "lead_council": "hackney"}
    handed_over = {"title": "Report a Missed  Bin", "lead_council": "leeds"}
    other = {"title": "Pay for parking", "lead_council": "leeds"}
    text = "title: x\nsummary: one\nphase: beta\n"
    assert same_record("project", old, retitled, text, "different\n")
    assert same_record("project", old, handed_over, text, "different\n")
    assert not same_record("project", old, other, text, "nothing\nalike\nat all\n")
    assert same_record("project", old, other, text, text)  # same text, new title: an edit
    assert similarity("a\nb\n", "a\nb\n") == 1.0
    # Half the lines in common is enough (Git's rename default); less is another record.
    half, less = "a\nb\nc\nd\n", "a\nb\nc\nd\ne\n"
    assert similarity(half, "a\nb\nx\ny\n") == 0.5
    assert same_record("project", old, other, half, "a\nb\nx\ny\n")
    assert similarity(less, "a\nb\nx\ny\nz\n") == 0.4
    assert not same_record("project", old, other, less, "a\nb\nx\ny\nz\n")
