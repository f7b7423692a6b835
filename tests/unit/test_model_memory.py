"""`mkdocs serve` gives an unchanged record the model object it had last time, and what is worked
out from a model is kept on it while what it reads is unchanged."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from generator.catalogue.construction import build_catalogue
from generator.catalogue.memory import ModelMemory, derived
from generator.catalogue.model import Project
from generator.checking.memory import RecordMemory
from generator.checking.repository import check_repository
from tests.conftest import TODAY
from tests.site_helpers import site_repository

PROJECT = Project("a", "projects/a.yml", "Report a missed bin", "Summary", "beta", "leeds")


def _catalogue(root: Path, records: RecordMemory, models: ModelMemory):
    report = check_repository(root, today=TODAY, memory=records)
    assert report.ok, report.errors
    return build_catalogue(report.records, root, models)


def test_unchanged_records_keep_their_objects(tmp_path: Path) -> None:
    root = site_repository(tmp_path / "repo")
    records, models = RecordMemory(), ModelMemory()
    first = _catalogue(root, records, models)
    record = root / "projects/report-a-missed-bin.yml"
    record.write_text(
        record.read_text(encoding="utf-8").replace("title: ", "title: Edited ", 1),
        encoding="utf-8",
    )
    second = _catalogue(root, records, models)

    edited = second.projects["report-a-missed-bin"]
    assert edited is not first.projects["report-a-missed-bin"]
    assert edited.title.startswith("Edited ")
    others = [i for i in first.projects if i != "report-a-missed-bin"]
    assert others and all(second.projects[i] is first.projects[i] for i in others)
    assert all(second.councils[i] is first.councils[i] for i in first.councils)
    # The same models as a catalogue built from nothing.
    fresh = build_catalogue(check_repository(root, today=TODAY).records, root)
    assert second.projects == fresh.projects and second.councils == fresh.councils


def test_derived_is_worked_out_again_only_when_what_it_reads_changes() -> None:
    project = replace(PROJECT)
    calls: list[str] = []

    def make(name: str) -> str:
        calls.append(name)
        return f"{project.title} in {name}"

    assert derived(project, "_label", ("Leeds",), lambda: make("Leeds")) == (
        "Report a missed bin in Leeds"
    )
    assert derived(project, "_label", ("Leeds",), lambda: make("Leeds")) == (
        "Report a missed bin in Leeds"
    )
    assert derived(project, "_label", ("York",), lambda: make("York")) == (
        "Report a missed bin in York"
    )
    assert calls == ["Leeds", "York"]
    # Kept on the object: an equal project made afresh works it out again.
    derived(replace(PROJECT), "_label", ("York",), lambda: make("York"))
    assert calls == ["Leeds", "York", "York"]
