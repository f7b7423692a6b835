"""The needs-review rule on real Git history: a bulk commit is no sign of life, a commit that
edits one record (or a few) is; and every page, data file, report and issue shows the same date
with where it came from."""

from __future__ import annotations

import csv
import io
import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from generator.catalogue.construction import build_catalogue
from generator.checking.repository import check_repository
from generator.git.commit_dates import last_edit_days
from generator.pages.model import SiteSettings
from generator.settings import load_settings
from generator.site.content import site_content
from generator.staleness.assessment import find_stale
from generator.staleness.issues import plan
from tests.gitrepos import GitRepo, council, project

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

TODAY = date(2026, 11, 30)
IMPORT = "2024-09-30T12:00:00+00:00"  # the first commit, every record at once
FIXED = "2026-10-01T09:00:00+01:00"  # one record corrected on its own
TRIO = "2026-10-20T09:00:00+01:00"  # three records changed together: still signs of life
REFORMAT = "2026-11-29T23:30:00+00:00"  # a reformat of every record: no sign of life
COUNT = 12  # more records than the cut-off below


def reviewed(title: str, day: str) -> str:
    return project(title, "wb", summary=f"{title}, reviewed on {day}.") + f"last_reviewed: {day}\n"


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> GitRepo:
    repo = GitRepo(tmp_path_factory.mktemp("needs-review"))
    repo.write("pipeline.yml", repo.read("pipeline.yml") + "stale:\n  bulk_commit_records: 5\n")
    repo.write("councils/wb.yml", council("West Berkshire"))
    for n in range(COUNT):
        repo.write(f"projects/p{n:02}.yml", reviewed(f"Project {n:02}", "2024-09-30"))
    repo.commit("Import every record", when=IMPORT)
    fixed = repo.read("projects/p01.yml").replace("reviewed on", "checked on")
    repo.write("projects/p01.yml", fixed)
    repo.commit("Fix a typo in one project", when=FIXED)
    for n in (2, 3, 4):
        text = repo.read(f"projects/p{n:02}.yml")
        repo.write(f"projects/p{n:02}.yml", text.replace("reviewed on", "looked at on"))
    repo.commit("Three projects move together", when=TRIO)
    for n in range(COUNT):
        text = repo.read(f"projects/p{n:02}.yml")
        repo.write(f"projects/p{n:02}.yml", "# Reformatted\n" + text)
    repo.commit("Reformat every record", when=REFORMAT)
    return repo


def test_a_bulk_commit_is_no_sign_of_life_but_a_small_one_is(repo: GitRepo) -> None:
    days = last_edit_days(repo.path, bulk_records=5)
    assert days is not None
    assert days["projects/p01.yml"] == date(2026, 10, 1)
    assert {days[f"projects/p{n:02}.yml"] for n in (2, 3, 4)} == {date(2026, 10, 20)}
    assert "projects/p00.yml" not in days  # only ever changed in bulk
    # With a cut-off above the reformat's size, the reformat counts for everyone.
    assert last_edit_days(repo.path, bulk_records=50)["projects/p00.yml"] == date(2026, 11, 29)


def test_only_projects_left_alone_need_review(repo: GitRepo) -> None:
    settings = load_settings(repo.path)
    assert settings.bulk_commit_records == 5
    report = check_repository(repo.path, today=TODAY)
    catalogue = build_catalogue(report.records, repo.path)
    edits = last_edit_days(repo.path, settings.bulk_commit_records)
    stale = {s.id: s for s in find_stale(catalogue, TODAY, last_edits=edits, settings=settings)}
    assert set(stale) == {f"p{n:02}" for n in range(COUNT)} - {"p01", "p02", "p03", "p04"}
    assert stale["p00"].last_activity.source == "reviewed"
    assert stale["p00"].last_activity.date == date(2024, 9, 30)
    assert stale["p00"].days_overdue == (TODAY - date(2024, 9, 30)).days - 180


def test_the_same_date_and_source_everywhere(repo: GitRepo, run_pipeline) -> None:
    content = site_content(repo.path, SiteSettings(), TODAY)
    pages = {p.path: p.body for p in content.pages}
    files = {f.path: f.content.decode("utf-8-sig") for f in content.files}
    edited, idle = (
        'Last edited <time datetime="2026-10-01">1 October 2026</time>',
        ('Last reviewed <time datetime="2024-09-30">30 September 2024</time>'),
    )
    # Cards give what a person wrote (a review or an update), never a commit: only the record's
    # own page shows that its file was edited since.
    catalogue_page = pages["projects/index.md"]
    assert "<dt>Last edited</dt>" not in catalogue_page
    assert (
        catalogue_page.count(
            '<dt>Last reviewed</dt><dd><time datetime="2024-09-30">30 September 2024</time>'
        )
        == COUNT
    )
    assert pages["projects/p01.md"].count(edited) == 2  # at a glance, and about this record
    assert idle in pages["projects/p00.md"]  # the needs-review banner and the facts
    assert "30 November 2026" not in pages["projects/p00.md"]
    assert idle in pages["review/index.md"]
    assert "Needs review" in pages["projects/p00.md"]

    api = {p["id"]: p for p in json.loads(files["api/projects.json"])["projects"]}
    assert (api["p01"]["last_activity"], api["p01"]["last_activity_source"]) == (
        "2026-10-01",
        "edited",
    )
    assert (api["p00"]["last_activity"], api["p00"]["last_activity_source"]) == (
        "2024-09-30",
        "reviewed",
    )
    assert api["p00"]["needs_review"] is True and api["p01"]["needs_review"] is False
    cards = {c["id"]: c for c in json.loads(files["projects/cards.json"])["projects"]}
    assert (cards["p01"]["activity"], cards["p01"]["activity_label"]) == (
        "2024-09-30",
        "Last reviewed",
    )
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(files["projects.csv"]))}
    assert (rows["p00"]["last_activity"], rows["p00"]["last_activity_source"]) == (
        "2024-09-30",
        "reviewed",
    )
    assert rows["p00"]["lead_council"] == "West Berkshire Council"

    result = run_pipeline(repo.path, "stale", "--today", TODAY.isoformat(), "--format", "json")
    reported = {item["id"]: item for item in json.loads(result.stdout)}
    assert (reported["p00"]["last_activity"], reported["p00"]["last_activity_source"]) == (
        "2024-09-30",
        "reviewed",
    )


def test_the_review_issue_gives_the_same_date(repo: GitRepo) -> None:
    settings = load_settings(repo.path)
    catalogue = build_catalogue(check_repository(repo.path, today=TODAY).records, repo.path)
    edits = last_edit_days(repo.path, settings.bulk_commit_records)
    stale = find_stale(catalogue, TODAY, last_edits=edits, settings=settings)
    actions = plan(stale, catalogue, [], today=TODAY, settings=settings, repo_url="https://x.org")
    body = next(a.body for a in actions if a.project == "p00")
    assert "Last reviewed 30 September 2024" in body


def test_review_page_lists_what_falls_due_in_the_next_30_days(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "due")
    repo.write("councils/wb.yml", council("West Berkshire"))
    repo.write(
        "projects/assessed.yml",
        reviewed("Assessed soon", "2026-11-20") + "next_assessment: 2026-12-09\n",
    )
    repo.write("projects/later.yml", reviewed("Reviewed lately", "2026-11-20"))
    repo.write("projects/due.yml", reviewed("Review due", "2026-06-10"))  # due 7 December
    repo.commit("Add records", when=IMPORT)
    page = {p.path: p.body for p in site_content(repo.path, SiteSettings(), TODAY).pages}
    review = page["review/index.md"]
    due = review[review.index('id="due-soon"') :]
    assert due.index("7 December 2026") < due.index("9 December 2026")
    assert "service assessment due for" in due and "Assessed soon" in due
    assert "Reviewed lately" not in due
    assert "template=update-project.yml" in due
