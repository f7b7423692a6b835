"""A record whose sources never say how far the work got says "Phase not known" rather than a
guessed phase: the schema takes it, counts list it last (and only when a record has it), and
the project page asks the lead council for the phase instead of explaining a phase it may not
be in."""

from __future__ import annotations

from pathlib import Path

from generator.dashboard.metrics import projects_by_phase
from generator.pages.model import SiteSettings
from generator.site.compose import generate_site
from generator.site.content import load, read_schemas
from generator.vocabulary import PHASES, listed_phases, phase_label
from tests.conftest import TODAY
from tests.dashboard_fixtures import project


def test_unknown_is_the_last_phase_and_named_plainly() -> None:
    assert list(PHASES)[-1] == "unknown"
    assert phase_label("unknown") == "Phase not known"


def test_counts_list_phase_not_known_only_when_a_record_has_it() -> None:
    known = [project("a", "x", "beta"), project("b", "x", "live")]
    assert [c.key for c in projects_by_phase(known)] == [
        "idea",
        "discovery",
        "alpha",
        "beta",
        "live",
        "retired",
    ]
    counts = projects_by_phase([*known, project("c", "x", "unknown")])
    assert [(c.label, c.value) for c in counts][-2:] == [("Retired", 0), ("Phase not known", 1)]
    assert listed_phases(["unknown"])[-1] == "unknown"


def _site(root: Path) -> dict[str, str]:
    content = generate_site(
        load(root, TODAY).catalogue, SiteSettings(), today=TODAY, schemas=read_schemas(root)
    )
    return {p.path: p.body for p in content.pages}


def test_a_project_without_a_known_phase_validates_and_builds(example_repo, run_pipeline) -> None:
    root = example_repo()
    record = root / "projects" / "report-a-missed-bin.yml"
    record.write_text(
        record.read_text(encoding="utf-8").replace("\nphase: beta\n", "\nphase: unknown\n"),
        encoding="utf-8",
    )
    assert run_pipeline(root, "validate").exit_code == 0
    pages = _site(root)
    page = next(body for path, body in pages.items() if "report-a-missed-bin" in path)
    assert "<strong>Phase not known</strong>" in page
    assert "Tell us the phase" in page
    assert "About the phase not known phase" not in page
    # Whether people can use it is not known either: not "Not yet", which no source says.
    assert "Not known: no source we have read says whether" in page
    assert "Not yet: the service is not open" not in page
    listing = pages["projects/index.md"]
    assert 'value="unknown"' in listing and "Phase not known" in listing
    assert "browse/phase/unknown/" in pages["index.md"]
    (listed,) = [body for path, body in pages.items() if path.startswith("browse/phase/unknown/")]
    assert "report-a-missed-bin" in listed
