"""`pipeline digest`: a fixed week of the example records, in each format, and its issue plan.

The example records have an eventful week, 9 to 15 November 2026: two similar projects started
by different councils, a council signing up, a council joining a project with a pledge that
meets its target, a phase change, a progress update and a review.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.digest.issues import plan
from generator.digest.model import last_full_week, week_of
from generator.digest.week import due_dates, weekly_digest
from generator.settings import Settings
from generator.site.content import load
from generator.staleness.assessment import assess
from generator.staleness.issues import Issue
from tests.acceptance.test_payloads import COUNCIL, MAKERDAY, PROJECT, P, _Inspector
from tests.conftest import catalogue_root
from tests.site_helpers import site_repository

WEEK = ("--since", "2026-11-09", "--until", "2026-11-15")
SITE = "https://localgovdigital.github.io/pipeline/"


@pytest.fixture(scope="module")
def catalogue():
    return load(catalogue_root(), date(2026, 11, 22)).catalogue


def test_the_week_in_markdown_has_every_section(run_pipeline) -> None:
    result = run_pipeline(catalogue_root(), "digest", *WEEK)
    assert result.exit_code == 0, result.output
    text = result.output
    assert text.startswith(
        "# The week on Pipeline: 9 to 15 November 2026\n\nThe week in numbers: "
        "2 new projects, 1 council signed up, 1 council joined a project, "
        "1 pledge, 1 phase change, 1 progress update and 1 project reviewed."
    )
    headings = re.findall(r"^## (.+)$", text, re.MULTILINE)
    assert headings == [
        "New projects", "Similar projects started this week", "Councils that signed up",
        "Councils joining projects", "Pledges", "Phase changes", "Progress updates",
        "Reviewed and up to date", "Open challenges",
    ]  # fmt: skip
    assert (
        f"- [Understand fly-tipping reports]({SITE}projects/fly-tipping-discovery/), led by "
        f"[Oxford]({SITE}councils/oxford/), started on 10 November 2026.\n"
    ) in text
    assert (
        f"- [Understand fly-tipping reports]({SITE}projects/fly-tipping-discovery/) from "
        f"[Oxford]({SITE}councils/oxford/) and [Tell us about dumped rubbish]({SITE}projects/"
        f"fly-tipping-reports/) from [Essex]({SITE}councils/essex/) started the same week" in text
    )
    assert f"- [Oxford City Council]({SITE}councils/oxford/) signed up on 9 November 2026." in text
    assert "as a contributor." in text
    assert "pledged 4 days to [Report a pothole]" in text
    # Every piece of text is escaped for Markdown; GitHub shows `\(100%\)` as (100%).
    assert "That makes 40 days pledged towards a target of 40 days \\(100%\\)." in text
    assert "moved to discovery on 13 November 2026." in text
    assert "  > Rewrote the data-matching explanation with two residents' panels." in text
    # A new project's first phase and first review are part of its start, not news of their own.
    assert f"{SITE}projects/fly-tipping-discovery/) moved" not in text
    assert "7 challenges are open" in text


def test_the_week_as_json_counts_what_happened(run_pipeline) -> None:
    result = run_pipeline(catalogue_root(), "digest", *WEEK, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert (data["since"], data["until"]) == ("2026-11-09", "2026-11-15")
    assert data["figures"] == {
        "new-projects": 2, "new-councils": 1, "joined": 1, "pledges": 1, "phases": 1,
        "updates": 1, "reviewed": 1, "due": 0,
    }  # fmt: skip
    sections = {s["id"]: s for s in data["sections"]}
    assert [i["links"][0]["url"] for i in sections["new-projects"]["items"]] == [
        f"{SITE}projects/fly-tipping-discovery/",
        f"{SITE}projects/fly-tipping-reports/",
    ]
    assert sections["similar"]["items"][0]["text"].endswith("Could the two councils work together?")


def test_the_week_as_html_is_one_element_with_absolute_links(run_pipeline) -> None:
    result = run_pipeline(catalogue_root(), "digest", *WEEK, "--format", "html")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(
        '<article class="pl-digest">\n<h1>The week on Pipeline: 9 to 15'
    )
    assert result.output.rstrip().endswith("</article>")
    link = f'<a href="{SITE}projects/fly-tipping-discovery/">Understand fly-tipping reports</a>'
    assert link in result.output
    assert '<time datetime="2026-11-10">10 November 2026</time>' in result.output


def test_projects_that_became_due_for_review(catalogue) -> None:
    settings = Settings()
    digest = weekly_digest(catalogue, date(2026, 12, 7), date(2026, 12, 13), settings=settings)
    (due,) = [s for s in digest.sections if s.id == "due"]
    assert due.heading == "Went quiet"
    assert [f.count for f in digest.figures if f.id == "due"] == [1]
    names = [i.parts[0].text for i in due.items]
    assert names == [catalogue.projects["book-a-household-waste-recycling-centre-slot"].title]
    project = catalogue.projects["book-a-household-waste-recycling-centre-slot"]
    day = due_dates(catalogue, settings)[project.id]
    assert assess(project, catalogue, day, settings) is not None
    assert assess(project, catalogue, day.fromordinal(day.toordinal() - 1), settings) is None
    # The same week, the service assessments that fall due in it.
    (assessments,) = [s for s in digest.sections if s.id == "assessments"]
    assert assessments.heading == "Due this week"
    assert [i.parts[0].text for i in assessments.items] == [
        p.title for p in catalogue.projects.values() if p.next_assessment == date(2026, 12, 9)
    ]


def test_the_same_records_and_dates_give_the_same_bytes() -> None:
    """Separate processes with different hash seeds and different days of running: a digest
    that iterated a set or read the clock would differ between them."""
    pipeline = Path(sys.executable).with_name("pipeline")
    for form, words in (
        ("markdown", "# The week on Pipeline: 9 to 15 November 2026"),
        ("json", '"since": "2026-11-09"'),
    ):
        outputs = set()
        for seed, today in (("1", "2026-11-16"), ("2", "2027-03-01"), ("3", "2026-11-16")):
            done = subprocess.run(
                [str(pipeline), "digest", *WEEK, "--format", form, "--today", today],
                cwd=catalogue_root(),
                env={**os.environ, "PYTHONHASHSEED": seed, "GITHUB_ACTIONS": ""},
                capture_output=True,
                check=True,
            )
            outputs.add(done.stdout)
        assert len(outputs) == 1, form
        assert words in outputs.pop().decode("utf-8"), form


def test_the_default_week_is_the_last_whole_week(run_pipeline) -> None:
    assert last_full_week(date(2026, 11, 16)) == (date(2026, 11, 9), date(2026, 11, 15))
    assert last_full_week(date(2026, 11, 22)) == (date(2026, 11, 9), date(2026, 11, 15))
    assert last_full_week(date(2026, 11, 23)) == (date(2026, 11, 16), date(2026, 11, 22))
    assert week_of(date(2026, 11, 15)) == (date(2026, 11, 9), date(2026, 11, 15))
    by_default = run_pipeline(catalogue_root(), "digest", "--today", "2026-11-18").output
    assert by_default == run_pipeline(catalogue_root(), "digest", *WEEK).output
    only_since = run_pipeline(catalogue_root(), "digest", "--since", "2026-11-09").output
    assert only_since == by_default


def test_a_quiet_week_says_so(run_pipeline) -> None:
    result = run_pipeline(catalogue_root(), "digest", "--since", "2026-11-23")
    assert result.exit_code == 0
    assert "A quiet week: nothing new was recorded on Pipeline." in result.output
    assert "## New projects" not in result.output


def test_bad_dates_get_a_plain_error(run_pipeline) -> None:
    result = run_pipeline(
        catalogue_root(), "digest", "--since", "2026-11-09", "--until", "2026-11-01"
    )
    assert result.exit_code == 2 and "is before --since" in result.output
    result = run_pipeline(catalogue_root(), "digest", "--since", "9 November")
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output
    assert "Traceback" not in result.output


def _issue(number: int, title: str, body: str, is_open: bool = True) -> Issue:
    return Issue(number, title, body, is_open)


def test_the_plan_opens_one_issue_per_week(catalogue) -> None:
    digest = weekly_digest(catalogue, date(2026, 11, 9), date(2026, 11, 15))
    (post,) = plan(digest, [], SITE, "Pipeline")
    assert post.title == "The week on Pipeline: 9 to 15 November 2026"
    assert post.body.startswith("<!-- pipeline-digest: 2026-11-09 -->\nThe week in numbers:")
    assert post.as_dict()["labels"] == ["digest"]
    other_week = _issue(3, "The week on Pipeline: 2 to 8 November 2026",
                        "<!-- pipeline-digest: 2026-11-02 -->\n")  # fmt: skip
    assert plan(digest, [other_week], SITE, "Pipeline") == [post]
    # Posted already, even if closed since or renamed by hand: never a second one.
    closed = _issue(4, "Renamed", "<!-- pipeline-digest: 2026-11-09 -->\nedited", is_open=False)
    assert plan(digest, [other_week, closed], SITE, "Pipeline") == []
    same_title = _issue(5, post.title, "Someone removed the marker.")
    assert plan(digest, [same_title], SITE, "Pipeline") == []


def test_plan_from_the_command_line(run_pipeline, tmp_path: Path) -> None:
    posted = [{"number": 9, "title": "x", "body": "<!-- pipeline-digest: 2026-11-09 -->",
               "state": "CLOSED"}]  # fmt: skip
    result = run_pipeline(catalogue_root(), "digest", *WEEK, "--plan", "--issues", "-",
                          input=json.dumps(posted))  # fmt: skip
    assert result.exit_code == 0 and json.loads(result.output) == []
    result = run_pipeline(catalogue_root(), "digest", *WEEK, "--plan", "--issues", "-", input="[]")
    assert [a["action"] for a in json.loads(result.output)] == ["open"]
    result = run_pipeline(catalogue_root(), "digest", *WEEK, "--plan", "--issues", "-", input="{")
    assert result.exit_code == 1 and "not valid JSON" in result.output
    result = run_pipeline(
        catalogue_root(), "digest", *WEEK, "--plan", "--issues", "-", input="[{}]"
    )
    assert result.exit_code == 1 and "--label digest" in result.output
    result = run_pipeline(catalogue_root(), "digest", *WEEK, "--plan")
    assert result.exit_code == 2 and "go together" in result.output


@pytest.fixture(scope="module")
def payload_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = site_repository(tmp_path_factory.mktemp("digest-payloads") / "repo")
    header = "# yaml-language-server: $schema=../schema/{}.schema.json\n"
    (repo / "projects/evil-project.yml").write_text(header.format("project") + PROJECT)
    (repo / "councils/evil-council.yml").write_text(header.format("council") + COUNCIL)
    (repo / "makerdays/evil-day.yml").write_text(header.format("makerday") + MAKERDAY)
    return repo


def test_record_text_stays_inert_in_every_format(run_pipeline, payload_repo: Path) -> None:
    weeks = ("--since", "2026-09-28", "--until", "2026-12-20", "--today", "2026-11-22")
    text = run_pipeline(payload_repo, "digest", *weeks).output
    assert "[click]" not in text
    assert "<script>" not in text and "<img" not in text and "@" not in text
    assert "&lt;script&gt;alert\\(1\\)&lt;/script&gt;" in text
    html = run_pipeline(payload_repo, "digest", *weeks, "--format", "html").output
    inspector: HTMLParser = _Inspector()
    inspector.feed(html)
    assert inspector.found == []
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    data = json.loads(run_pipeline(payload_repo, "digest", *weeks, "--format", "json").output)
    texts = [i["text"] for s in data["sections"] for i in s["items"]]
    quotes = [i["quote"] for s in data["sections"] for i in s["items"]]
    assert any(P in t for t in texts) and P in quotes
