"""An intake pull request as a pure function of the records, the issue and its comments; and
intake as a trust boundary. In process, on the small repository of tests/intake_repo.py."""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.handles import is_handle
from generator.intake.event import parse_event, read_comment
from generator.intake.forms import load_forms, render_body
from generator.intake.plan import OPEN_PER_PERSON, Plan, decide
from generator.intake.replay import read_comments, read_issue, replay
from generator.intake.workspace import Workspace
from generator.intake.writing import WriteError, write_files
from tests.conftest import PROJECT_ROOT
from tests.intake_repo import make_repo, rest_comment, rest_issue

FORMS = load_forms(PROJECT_ROOT)
TODAY = date(2026, 11, 30)
POTHOLE = "projects/report-a-pothole.yml"
MAINTAINER = "devon-digital-example"  # looks after report-a-pothole (its council's CODEOWNERS)
REVIEW_BODY = "<!-- pipeline-stale: report-a-pothole -->\n**Report a pothole** needs review"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path / "repo")


def ws(root: Path, *writers: str) -> Workspace:
    return Workspace.open(root, TODAY, writers=frozenset(writers))


def form_issue(number: int, form: str, values: dict[str, Any], **extra: Any) -> dict[str, Any]:
    chosen = FORMS[form]
    return rest_issue(number, render_body(chosen, values), labels=chosen.labels, **extra)


def review_issue(number: int = 7, body: str = REVIEW_BODY, **extra: Any) -> dict[str, Any]:
    extra.setdefault("login", "github-actions[bot]")
    extra.setdefault("bot", True)
    return rest_issue(number, body, labels=("stale",), **extra)


def run_replay(root: Path, issue: dict, comments: list[dict], *writers: str, **kw: Any) -> Plan:
    event = parse_event({"action": "opened", "issue": issue})
    return replay(ws(root, *writers), event, [read_comment(c) for c in comments], **kw)


def record(root: Path, path: str = POTHOLE) -> dict[str, Any]:
    return yaml.safe_load((root / path).read_text(encoding="utf-8"))


JOIN = {"project": "report-a-pothole", "council": "Hackney", "role": "observer"}


def test_dates_come_from_the_request_as_uk_dates_in_both_paths(repo: Path) -> None:
    # 23:30 UTC on 30 June is 00:30 on 1 July in London.
    issue = form_issue(42, "join-project", JOIN, created="2026-06-30T23:30:00Z")
    by_event = decide(ws(repo), parse_event({"action": "opened", "issue": issue}))
    by_replay = run_replay(repo, issue, [])
    for plan in (by_event, by_replay):
        assert plan.ok, plan.comment
        assert "since: 2026-07-01" in plan.files[POTHOLE]
    assert by_event.files == by_replay.files
    # In winter London is on UTC: 23:30 on 30 November is still 30 November.
    comment = rest_comment(1, "/update Went live.", MAINTAINER, "2026-11-30T23:30:00Z")
    plan = run_replay(repo, review_issue(), [comment])
    assert "- date: 2026-11-30\n    text: Went live." in plan.files[POTHOLE]


def test_a_replay_of_update_then_reviewed_equals_the_events_one_by_one(repo: Path) -> None:
    comments = [
        rest_comment(1, "/update Twenty more interviews done.", MAINTAINER, "2026-11-21T09:00:00Z"),
        rest_comment(2, "Thanks!", "a-resident", "2026-11-21T12:00:00Z"),
        rest_comment(3, "/reviewed", MAINTAINER, "2026-11-22T09:00:00Z"),
    ]
    replayed = run_replay(repo, review_issue(), comments)
    assert replayed.ok and set(replayed.files) == {POTHOLE}

    one_by_one = make_repo(repo.parent / "one-by-one")
    for comment in comments:
        event = {"action": "created", "issue": review_issue(), "comment": comment}
        plan = decide(ws(one_by_one), parse_event(event))
        write_files(one_by_one, plan.files if plan.ok else {})
    assert replayed.files[POTHOLE] == (one_by_one / POTHOLE).read_text(encoding="utf-8")
    data = yaml.safe_load(replayed.files[POTHOLE])
    assert str(data["updates"][0]["date"]) == "2026-11-21"
    assert str(data["last_reviewed"]) == "2026-11-22"
    assert data["confirmed"] == {"by": f"@{MAINTAINER}", "on": date(2026, 11, 22)}

    # Stable: the same replay gives the same plan; once merged, a replay changes nothing.
    assert run_replay(repo, review_issue(), comments).as_dict() == replayed.as_dict()
    write_files(repo, replayed.files)
    again = run_replay(repo, review_issue(), comments)
    assert again.ok and again.files == {}


def test_the_issue_and_comments_are_read_as_the_rest_api_pages_them(tmp_path: Path) -> None:
    issue = tmp_path / "issue.json"
    issue.write_text(json.dumps(review_issue()), encoding="utf-8")
    pages = tmp_path / "comments.json"  # gh api --paginate prints one array per page
    first = [rest_comment(n, f"c{n}", "a") for n in range(1, 4)]
    pages.write_text(json.dumps(first) + "\n" + json.dumps([rest_comment(9, "last", "b")]))
    assert read_issue(issue).author.login == "github-actions[bot]"
    assert [c.body for c in read_comments(pages)] == ["c1", "c2", "c3", "last"]


def test_a_hidden_marker_in_someone_elses_issue_redirects_nothing(repo: Path) -> None:
    # An update form about find-my-bin-day, with an invisible marker naming report-a-pothole.
    values = {"project": "find-my-bin-day", "update": "Still going."}
    issue = form_issue(8, "update-project", values)
    issue["body"] = REVIEW_BODY + "\n" + issue["body"]
    retire = rest_comment(1, "/retire", "a-writer")
    plan = run_replay(repo, issue, [retire], "a-writer")
    assert plan.ok
    assert POTHOLE not in plan.files and "projects/find-my-bin-day.yml" in plan.files
    # A review issue opened by some other app, not the workflow's bot, names no project.
    plan = run_replay(repo, review_issue(login="evil-app[bot]"), [retire], "a-writer")
    assert not plan.ok and "names no project" in plan.comment


def test_only_maintainers_and_writers_may_use_commands(repo: Path) -> None:
    member = rest_comment(1, "/retire", "org-member")  # author_association MEMBER
    plan = run_replay(repo, review_issue(), [member])
    assert not plan.ok and plan.files == {}
    assert "Only the people who look after this record" in plan.comment
    assert run_replay(repo, review_issue(), [member], "Org-Member").ok


def test_a_council_review_issue_confirms_the_councils_projects(repo: Path) -> None:
    body = "<!-- pipeline-council-review: leeds -->\nPlease check Leeds's projects."
    ids = "find-my-bin-day register-a-death-tell-us-once"
    ok = rest_comment(1, f"/reviewed {ids}", "leeds-digital-example", "2026-11-23T08:00:00Z")
    plan = run_replay(repo, review_issue(20, body), [ok])
    assert plan.ok, plan.comment
    assert set(plan.files) == {f"projects/{p}.yml" for p in ids.split()}
    for text in plan.files.values():
        data = yaml.safe_load(text)
        assert data["confirmed"] == {"by": "@leeds-digital-example", "on": date(2026, 11, 23)}
        assert str(data["last_reviewed"]) == "2026-11-23"
    # Not a Leeds project; not a Leeds maintainer; not the workflow's issue.
    other = rest_comment(2, "/reviewed report-a-pothole", "leeds-digital-example")
    plan = run_replay(repo, review_issue(20, body), [other])
    assert not plan.ok and "is not led by Leeds" in plan.comment
    stranger = rest_comment(3, f"/reviewed {ids}", MAINTAINER)
    plan = run_replay(repo, review_issue(20, body), [stranger])
    assert not plan.ok and "Only the people who look after this council" in plan.comment
    forged = rest_issue(21, body, login="leeds-digital-example")
    assert run_replay(repo, forged, [ok]).kind == "reviewed"
    assert not run_replay(repo, forged, [ok]).ok


def test_the_update_forms_review_box_confirms_only_for_those_who_look_after_it(
    repo: Path,
) -> None:
    (box,) = FORMS["update-project"].field("last_reviewed").options
    values = {"project": "report-a-pothole", "update": "Went live.", "last_reviewed": [box.text]}
    by_maintainer = run_replay(repo, form_issue(9, "update-project", values, login=MAINTAINER), [])
    data = yaml.safe_load(by_maintainer.files[POTHOLE])
    assert data["confirmed"] == {"by": f"@{MAINTAINER}", "on": date(2026, 11, 20)}
    by_stranger = run_replay(repo, form_issue(9, "update-project", values), [])
    assert "confirmed" not in yaml.safe_load(by_stranger.files[POTHOLE])


def test_one_person_can_have_only_a_few_open_requests(repo: Path) -> None:
    issue = form_issue(42, "join-project", JOIN)
    plan = run_replay(repo, issue, [], open_by_author=OPEN_PER_PERSON)
    assert not plan.ok and plan.files == {} and "Please wait" in plan.comment
    assert run_replay(repo, issue, [], open_by_author=OPEN_PER_PERSON - 1).ok
    assert run_replay(repo, issue, [], "an-officer", open_by_author=50).ok  # a writer


def test_a_title_without_latin_letters_gets_an_id_from_the_issue(repo: Path) -> None:
    (permission,) = FORMS["propose-project"].field("permission").options
    values = {
        "title": "日本語のプロジェクト",
        "summary": "A project with a Japanese title.",
        "phase": "idea",
        "lead_council": "Leeds",
        "permission": [permission.text],
    }
    plan = run_replay(repo, form_issue(77, "propose-project", values), [])
    assert plan.ok, plan.comment
    assert (
        list(plan.files) == ["projects/project-77.yml"] or "projects/project-77.yml" in plan.files
    )
    assert "`project-77`, from this issue's number" in plan.comment
    assert "my-record" not in json.dumps(plan.as_dict())


def test_text_from_records_and_issues_mentions_nobody(repo: Path) -> None:
    (permission,) = FORMS["propose-project"].field("permission").options
    values = {
        "title": "Pothole map for @octocat and @github/security",
        "summary": "Ping @octocat",
        "phase": "idea",
        "lead_council": "Leeds",
        "permission": [permission.text],
    }
    plan = run_replay(repo, form_issue(78, "propose-project", values), [])
    assert plan.ok, plan.comment
    assert live_mentions(plan.body) == set()  # the proposer is named in code, not pinged
    assert live_mentions(plan.comment) == {"an-officer"}  # thanked in their own issue


def live_mentions(markdown: str) -> set[str]:
    """The @names GitHub would notify: outside code spans, not after a letter or digit."""
    outside_code = re.sub(r"`[^`]*`", "", markdown)
    return set(re.findall(r"(?<![\w&#])@([A-Za-z0-9-]+(?:/[A-Za-z0-9_.-]+)?)", outside_code))


@pytest.mark.parametrize(
    ("form", "field", "value"),
    [
        ("propose-project", "partners", "Leeds - " + "partner " * 8_000),
        ("propose-project", "permission", "- [X] " + " " * 65_000 + "x"),
        ("propose-project", "phase", "alpha, " * 9_000),
        ("join-project", "council", "Hackney " * 8_000),
    ],
)
def test_a_65_kb_answer_gets_a_short_reply(repo: Path, form: str, field: str, value: str) -> None:
    """Speed is measured in benchmarks/intake.py; here, that the reply stays short."""
    chosen = FORMS[form]
    values = {"project": "report-a-pothole", "title": "T", "summary": "S", "lead_council": "Leeds"}
    body = render_body(chosen, values)
    heading = f"### {chosen.label(field)}\n\n"
    start = body.index(heading) + len(heading)
    end = body.find("\n\n### ", start)
    body = body[:start] + value + (body[end:] if end > 0 else "")
    plan = run_replay(repo, rest_issue(50, body, labels=chosen.labels), [])
    assert not plan.ok and plan.files == {}
    assert len(plan.comment) < 2_000


def test_handles_are_checked_whole() -> None:
    assert is_handle("alice") and not is_handle("alice\n") and not is_handle("@org/team\n")


def test_a_handle_with_a_newline_fails_validation(repo: Path, run_pipeline: Any) -> None:
    path = repo / POTHOLE
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "maintainers:\n  - devon-digital-example", 'maintainers:\n  - "alice\\n"'
        ),
        encoding="utf-8",
    )
    result = run_pipeline(repo, "validate", "--today", TODAY.isoformat())
    assert result.exit_code == 1 and "maintainers" in result.output


def test_a_plan_writes_only_records_and_never_through_a_link(repo: Path, tmp_path: Path) -> None:
    with pytest.raises(WriteError):
        write_files(repo, {".github/workflows/x.yml": "on: push"})
    with pytest.raises(WriteError):
        write_files(repo, {"projects/../pipeline.yml": "x"})
    outside = tmp_path / "outside.yml"
    outside.write_text("kept")
    (repo / "projects" / "linked.yml").symlink_to(outside)
    with pytest.raises(WriteError):
        write_files(repo, {"projects/linked.yml": "changed"})
    assert outside.read_text() == "kept"


def test_a_closed_issue_of_any_kind_closes_its_pull_request(repo: Path) -> None:
    closed = dataclasses.replace(parse_event({"issue": review_issue(state="closed")}))
    plan = replay(ws(repo), closed, [])
    assert plan.close and plan.files == {}
