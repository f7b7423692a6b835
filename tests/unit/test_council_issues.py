"""One issue per council for the records waiting for it: at most one, no duplicates on a
re-run, and a council drops out once its records are confirmed."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from generator.catalogue.model import Catalogue, Confirmation, Council, Project, Source
from generator.intake.commands import parse_command
from generator.staleness.council_issues import LABEL, council_plan
from generator.staleness.issues import Action, Issue
from tests.unit.test_stale_plan import carry_out

URL = "https://github.com/example/pipeline"
SOURCE = (Source("https://example.org/fund", "Fund page", date(2026, 11, 1)),)
COUNCILS = {
    "croydon": Council(
        "croydon", "councils/croydon.yml", "London Borough of Croydon", "london-borough",
        "england", joined=date(2020, 1, 1), maintainers=("@croydon/digital",),
    ),
    "cumbria": Council(
        "cumbria", "councils/cumbria.yml", "Cumbria County Council", "county", "england",
        end_date=date(2023, 4, 1), successors=("cumberland",),
    ),
    "cumberland": Council(
        "cumberland", "councils/cumberland.yml", "Cumberland Council", "unitary", "england",
        maintainers=("cumberland-web",),
    ),
    "tipperary": Council(
        "tipperary", "councils/tipperary.yml", "Tipperary County Council", "outside-uk",
        country="Ireland",
    ),
}  # fmt: skip


def sourced(id: str, lead: str, **fields) -> Project:
    base = Project(id, f"projects/{id}.yml", id.replace("-", " ").title(), "S.", "beta", lead)
    return replace(base, sources=SOURCE, **fields)


def catalogue(*projects: Project) -> Catalogue:
    return Catalogue({p.id: p for p in projects}, COUNCILS, {}, {})


RECORDS = (
    sourced("localgov-drupal", "cumbria"),
    sourced("planning-data", "croydon"),
    sourced("bops", "croydon"),
    sourced("housing-repairs", "croydon", confirmed=Confirmation("@croydon/it", date(2026, 11, 2))),
    sourced("irish-site", "tipperary"),
    replace(sourced("own-record", "croydon"), sources=()),  # written by the council itself
)  # fmt: skip


def plan_for(projects: tuple[Project, ...], issues: list[Issue]) -> list[Action]:
    return council_plan(catalogue(*projects), issues, repo_url=URL)


def test_at_most_one_issue_per_council_listing_its_waiting_records() -> None:
    actions = plan_for(RECORDS, [])
    assert [(a.action, a.council) for a in actions] == [
        ("open", "croydon"),
        ("open", "cumbria"),
        ("open", "tipperary"),
    ]
    croydon = actions[0]
    assert croydon.as_dict()["labels"] == [LABEL]
    assert croydon.body.startswith("<!-- pipeline-council-review: croydon -->\n")
    listed = re.findall(r"^- \[(.+)\]\((.+)\) \(`(.+)`\)$", croydon.body, re.MULTILINE)
    assert listed == [
        ("Bops", f"{URL}/blob/main/projects/bops.yml", "bops"),
        ("Planning Data", f"{URL}/blob/main/projects/planning-data.yml", "planning-data"),
    ]  # not the confirmed record, nor the one the council wrote itself
    assert "@croydon/digital: you look after London Borough of Croydon's records" in croydon.body
    command = re.search(r"`(/reviewed [a-z-]+)`", croydon.body)
    assert command and parse_command(command.group(1)).word == "reviewed"
    assert croydon.title == "Please confirm the Pipeline records about London Borough of Croydon"


def test_a_body_outside_the_uk_still_gets_one_issue_mentioning_nobody() -> None:
    tipperary = [a for a in plan_for(RECORDS, []) if a.council == "tipperary"]
    assert len(tipperary) == 1
    assert "@" not in tipperary[0].body
    assert "Nobody is listed yet to look after this council's records" in tipperary[0].body


def test_an_abolished_council_asks_its_successors_maintainers() -> None:
    (cumbria,) = [a for a in plan_for(RECORDS, []) if a.council == "cumbria"]
    assert "@cumberland-web: you look after Cumbria County Council's records" in cumbria.body


def test_running_again_changes_nothing() -> None:
    issues = carry_out(plan_for(RECORDS, []), [])
    assert plan_for(RECORDS, issues) == []
    assert len([i for i in issues if i.is_open]) == 3


def test_confirming_a_record_updates_the_list_and_confirming_all_closes_the_issue() -> None:
    issues = carry_out(plan_for(RECORDS, []), [])
    done = Confirmation("@croydon/digital", date(2026, 11, 20))
    one = tuple(replace(p, confirmed=done) if p.id == "bops" else p for p in RECORDS)
    actions = plan_for(one, issues)
    assert [(a.action, a.council, a.number) for a in actions] == [("update", "croydon", 1)]
    assert "(`bops`)" not in actions[0].body and "(`planning-data`)" in actions[0].body
    issues = carry_out(actions, issues)
    both = tuple(replace(p, confirmed=done) if p.id == "planning-data" else p for p in one)
    actions = plan_for(both, issues)
    assert [(a.action, a.council, a.number) for a in actions] == [("close", "croydon", 1)]
    assert "Every Pipeline record about projects led by London Borough of Croydon is confirmed" in (
        actions[0].comment
    )
    assert actions[0].reason == "completed"
    assert plan_for(both, carry_out(actions, issues)) == []


def test_a_second_open_issue_for_a_council_is_closed_as_a_duplicate() -> None:
    issues = carry_out(plan_for(RECORDS, []), [])
    copy = next(i for i in issues if "pipeline-council-review: croydon" in i.body)
    issues.append(replace(copy, number=9))
    actions = plan_for(RECORDS, issues)
    assert [(a.action, a.number, a.reason) for a in actions] == [(("close", 9, "not planned"))]


def test_an_issue_closed_by_hand_stays_closed_until_the_list_changes() -> None:
    issues = carry_out(plan_for(RECORDS, []), [])
    issues = [replace(i, is_open=False) if i.number == 1 else i for i in issues]
    assert plan_for(RECORDS, issues) == []
    more = (*RECORDS, sourced("bin-day", "croydon"))
    actions = plan_for(more, issues)
    assert [(a.action, a.council) for a in actions] == [("open", "croydon")]
