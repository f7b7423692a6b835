"""`pipeline intake` on a copy of this repository: every form and command, from a body GitHub
would render from the repository's own forms to a record that passes `pipeline validate`."""

from __future__ import annotations

import difflib
import json
import re
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import Result

from generator.intake.event import parse_event
from generator.intake.forms import load_forms, render_body
from generator.intake.plan import decide
from generator.intake.workspace import Workspace
from generator.intake.writing import write_files
from generator.settings import DEFAULT_REGISTER_URL
from tests.conftest import CATALOGUE, PROJECT_ROOT, catalogue_root

FORMS = load_forms(PROJECT_ROOT)
TODAY = "2026-11-30"
REGISTER = PROJECT_ROOT / "tests" / "data" / "register" / "small.csv"
COPIED = ("schema", "projects", "councils", "makerdays", "pipeline.yml", "mkdocs.yml")
Run = Callable[..., Result]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    for name in COPIED:
        source = catalogue_root() / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            shutil.copy2(source, root / name)
    (root / ".github").mkdir()
    shutil.copytree(
        PROJECT_ROOT / ".github" / "ISSUE_TEMPLATE", root / ".github" / "ISSUE_TEMPLATE"
    )
    shutil.copy2(catalogue_root() / ".github" / "CODEOWNERS", root / ".github" / "CODEOWNERS")
    return root


def form_event(form: str, values: dict[str, Any], *, action: str = "opened") -> dict[str, Any]:
    chosen = FORMS[form]
    return {
        "action": action,
        "issue": {
            "number": 42,
            "title": chosen.title,
            "body": render_body(chosen, values),
            "labels": [{"name": label} for label in chosen.labels],
            "user": {"login": "an-officer", "type": "User"},
            "author_association": "NONE",
        },
    }


def comment_event(body: str, login: str = "devon-digital-example", association: str = "NONE"):
    return {
        "action": "created",
        "issue": {
            "number": 7,
            "title": "Please review: Report a pothole",
            "body": "<!-- pipeline-stale: report-a-pothole -->\n**Report a pothole** needs review",
            "labels": [{"name": "stale"}],
            "user": {"login": "github-actions[bot]", "type": "Bot"},
            "author_association": "NONE",
        },
        "comment": {
            "id": 1,
            "body": body,
            "user": {"login": login, "type": "User"},
            "author_association": association,
        },
    }


def intake(run: Run, root: Path, event: dict[str, Any], *extra: str) -> dict[str, Any]:
    path = root.parent / "event.json"
    path.write_text(json.dumps(event), encoding="utf-8")
    result = run(root, "intake", str(path), "--today", TODAY, *extra)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def only_added(before: str, after: str) -> list[str]:
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    assert not [d for d in diff if d.startswith("- ")], "nothing may be removed"
    return [d[2:] for d in diff if d.startswith("+ ")]


def apply_twice(run: Run, root: Path, event: dict[str, Any], *extra: str) -> dict[str, Any]:
    """Apply the event, check the result validates, and check a second run changes nothing."""
    plan = intake(run, root, event, "--apply", *extra)
    assert plan["ok"] is True, plan["comment"]
    assert plan["files"], "the plan should change something"
    for item in plan["files"]:
        assert (root / item["path"]).read_text(encoding="utf-8") == item["content"]
    validated = run(root, "validate", "--today", TODAY)
    assert validated.exit_code == 0, validated.output
    assert run(root, "codeowners", "--check").exit_code == 0
    written = snapshot(root)
    again = intake(run, root, event, "--apply", *extra)
    assert again["ok"] is True and again["files"] == []
    assert snapshot(root) == written
    return plan


JOIN = {
    "project": "Report a pothole",
    "council": "London Borough of Hackney",
    "role": "contributor",
    "pledge_kind": "money",
    "pledge_amount": "£12,500",
    "pledge_note": "Subject to sign-off by our digital board.",
    "maintainers": "@hackney-officer",
    "message": "We would love to help, @someone. <b>Really</b> [click](https://x.example)",
}


def test_join(run_pipeline: Run, repo: Path) -> None:
    before = (repo / "projects" / "report-a-pothole.yml").read_text(encoding="utf-8")
    plan = apply_twice(run_pipeline, repo, form_event("join-project", JOIN))
    assert plan["kind"] == "join" and plan["branch"] == "intake/issue-42"
    after = (repo / "projects" / "report-a-pothole.yml").read_text(encoding="utf-8")
    assert only_added(before, after) == [
        "  - council: hackney",
        "    role: contributor",
        f"    since: {TODAY}",
        "  - council: hackney",
        "    kind: money",
        "    amount: 12500",
        "    note: Subject to sign-off by our digital board.",
        f"    date: {TODAY}",
    ]
    assert plan["pull_request"]["body"].startswith("Closes #42\n")
    assert (
        "> We would love to help, &#64;someone. &lt;b&gt;Really&lt;/b&gt; \\[click\\]\\(https://x.example\\)"
        in plan["pull_request"]["body"]
    )
    assert "a maintainer of this project or Devon" in plan["comment"]


def test_update_form_with_a_phase_and_a_review(run_pipeline: Run, repo: Path) -> None:
    (option,) = FORMS["update-project"].field("last_reviewed").options
    values = {
        "project": "report-a-pothole",
        "update": "Passed the alpha assessment.\r\n",
        "new_phase": "alpha",
        "next_assessment": "10 March 2027",
        "last_reviewed": [option.text],
        "corrections": "The contact has changed to roads@devon.gov.uk.",
    }
    plan = apply_twice(run_pipeline, repo, form_event("update-project", values))
    record = yaml.safe_load((repo / "projects" / "report-a-pothole.yml").read_text())
    assert record["phase"] == "alpha"
    assert record["updates"][0] == {
        "date": date(2026, 11, 30),
        "text": "Passed the alpha assessment.",
        "phase": "alpha",
    }
    assert str(record["next_assessment"]) == "2027-03-10"
    assert str(record["last_reviewed"]) == TODAY
    assert "roads&#64;devon.gov.uk" in plan["pull_request"]["body"]  # mentions nobody


def test_propose_project(run_pipeline: Run, repo: Path) -> None:
    (permission,) = FORMS["propose-project"].field("permission").options
    values = {
        "title": "Report fly-tipping 🚮",
        "summary": "Residents report fly-tipping with a photo and a map pin.",
        "phase": "alpha",
        "lead_council": "Leeds City Council",
        "partners": "Hackney - partner\r\n• Devon (observer)\r\n",
        "collaboration": "co-develop",
        "looking_for": ["user-researcher", "developer"],
        "commitment": "User researcher - two days a week\nDeveloper: one sprint",
        "budget": "under-50k",
        "service_areas": ["waste-and-recycling", "climate-and-environment"],
        "description": "## The problem\n\n• Too many reports\n• <script>alert(1)</script>",
        "started": "01/03/2026",
        "links": "Prototype https://example.org/prototype",
        "contact": "Waste digital team, waste@leeds.gov.uk",
        "maintainers": "@leeds-officer",
        "challenge": "How might we make reporting quicker?",
        "permission": [permission.text],
    }
    plan = apply_twice(run_pipeline, repo, form_event("propose-project", values))
    assert plan["kind"] == "new-project"
    paths = [f["path"] for f in plan["files"]]
    assert paths == [".github/CODEOWNERS", "projects/report-fly-tipping.yml"]
    text = (repo / "projects" / "report-fly-tipping.yml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/project.schema.json\n")
    record = yaml.safe_load(text)
    assert record["lead_council"] == "leeds"
    assert [(p["council"], p["role"]) for p in record["partners"]] == [
        ("hackney", "partner"),
        ("devon", "observer"),
    ]
    assert record["looking_for"] == [
        {"role": "user-researcher", "commitment": "two days a week"},
        {"role": "developer", "commitment": "one sprint"},
    ]
    assert record["description"].endswith("- Too many reports\n- <script>alert(1)</script>")
    assert record["contact"] == {"name": "Waste digital team", "email": "waste@leeds.gov.uk"}
    assert record["challenge"] == {"problem": "How might we make reporting quicker?"}
    assert (
        "/projects/report-fly-tipping.yml @leeds-officer"
        in (repo / ".github" / "CODEOWNERS").read_text()
    )


def test_sign_up_council_from_the_register(run_pipeline: Run, repo: Path) -> None:
    (permission,) = FORMS["sign-up-council"].field("permission").options
    values = {
        "name": "adur district council",
        "type": "unitary",  # the register knows better
        "nation": "england",
        "website": "https://www.adur-worthing.gov.uk",
        "maintainers": "@adur-digital",
        "permission": [permission.text],
    }
    event = form_event("sign-up-council", values)
    plan = apply_twice(run_pipeline, repo, event, "--register", str(REGISTER))
    record = yaml.safe_load((repo / "councils" / "adur.yml").read_text(encoding="utf-8"))
    assert record["name"] == "Adur District Council"
    assert (record["gss_code"], record["register_code"], record["type"]) == (
        "E07000223",
        "ADU",
        "district",
    )
    assert str(record["joined"]) == TODAY
    assert "register of local authorities (ADU)" in plan["comment"]


def test_challenge_on_a_project_and_a_maker_day(run_pipeline: Run, repo: Path) -> None:
    values = {
        "project": "find-my-bin-day",
        "title": "Bin day everywhere",
        "problem": "How might residents find their bin day without knowing their council?",
        "help_wanted": "Developers and content designers.",
        "makerday": "Pipeline Maker Day 2027",
    }
    plan = apply_twice(run_pipeline, repo, form_event("propose-challenge", values))
    day = yaml.safe_load((repo / "makerdays" / "pipeline-maker-day-2027.yml").read_text())
    assert {"project": "find-my-bin-day"} in day["challenges"]
    project = yaml.safe_load((repo / "projects" / "find-my-bin-day.yml").read_text())
    assert project["challenge"]["help_wanted"] == "Developers and content designers."
    assert plan["kind"] == "challenge"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("/reviewed", {"last_reviewed": TODAY}),
        ("/update   Twenty more interviews done. 🎉\r\nSee the blog.", {"updates": 0}),
        ("/retire Replaced by the national service.", {"phase": "retired"}),
    ],
)
def test_comment_commands(run_pipeline: Run, repo: Path, body: str, expected: dict) -> None:
    before = (repo / "projects" / "report-a-pothole.yml").read_text(encoding="utf-8")
    plan = apply_twice(run_pipeline, repo, comment_event(body))
    after = (repo / "projects" / "report-a-pothole.yml").read_text(encoding="utf-8")
    record = yaml.safe_load(after)
    diff = [d for d in difflib.ndiff(before.splitlines(), after.splitlines()) if d[:2] in "- + "]
    if "last_reviewed" in expected:
        assert str(record["last_reviewed"]) == TODAY
        assert diff == [
            "- last_reviewed: 2026-10-30",
            f"+ last_reviewed: {TODAY}",
            "+ confirmed:",
            "+   by: '@devon-digital-example'",
            f"+   'on': {TODAY}",
        ]
        assert plan["kind"] == "reviewed"
    elif "updates" in expected:
        # The text's own line break is kept (it was once joined into one line).
        assert record["updates"][0]["text"] == "Twenty more interviews done. 🎉\nSee the blog."
        assert plan["kind"] == "update"
    else:
        assert record["phase"] == "retired"
        assert record["updates"][0]["phase"] == "retired"
        assert plan["kind"] == "retire"


def test_writers_may_use_commands_and_others_get_a_polite_reply(
    run_pipeline: Run, repo: Path
) -> None:
    event = comment_event("/reviewed", "core-person", "NONE")
    writer = intake(run_pipeline, repo, event, "--writer", "Core-Person")
    assert writer["ok"] is True and writer["files"]
    stranger = intake(run_pipeline, repo, comment_event("/reviewed", "passer-by", "CONTRIBUTOR"))
    assert stranger["ok"] is False and stranger["files"] == []
    # MEMBER is any member of the organisation, with or without access to this repository.
    member = intake(run_pipeline, repo, comment_event("/reviewed", "org-member", "MEMBER"))
    assert member["ok"] is False and member["files"] == []
    owner = intake(run_pipeline, repo, comment_event("/reviewed", "org-owner", "OWNER"))
    assert owner["ok"] is False
    assert "Only the people who look after this record" in stranger["comment"]
    assert "`@devon-digital-example`" in stranger["comment"]


@pytest.mark.parametrize(
    ("form", "values", "label", "message"),
    [
        (
            "join-project",
            {**JOIN, "council": "Hackny"},
            "Your council",
            "There is no council called 'Hackny'. Did you mean Hackney?",
        ),
        ("join-project", {**JOIN, "pledge_amount": "lots"}, "How much?", "is not a number"),
        ("join-project", {**JOIN, "council": "Devon"}, "Your council", "already leads"),
        (
            "join-project",
            {**JOIN, "role": "boss"},
            "How would your council like to take part?",
            "",
        ),
        (
            "update-project",
            {"project": "report-a-pothole", "update": "N/A"},
            "What has happened?",
            "needs an answer",
        ),
        (
            "propose-project",
            {"title": "Report a pothole", "summary": "x", "phase": "idea", "lead_council": "Leeds"},
            "Project title",
            "already a project",
        ),
        (
            "propose-project",
            {
                "title": "A",
                "summary": "x",
                "phase": "idea",
                "lead_council": "Leeds",
                "description": "word " * 10_240,
            },
            "The full story",
            "51,200 characters long",
        ),
        (
            "sign-up-council",
            {"name": "Leeds City Council", "type": "metropolitan-district", "nation": "england"},
            "Official name",
            "already on Pipeline",
        ),
    ],
)
def test_bad_input_gets_a_reply_naming_the_field_and_writes_nothing(
    run_pipeline: Run, repo: Path, form: str, values: dict, label: str, message: str
) -> None:
    before = snapshot(repo)
    plan = intake(run_pipeline, repo, form_event(form, values), "--apply")
    assert plan["ok"] is False and plan["files"] == []
    assert f"- **{label}**: " in plan["comment"]
    assert message in plan["comment"]
    assert ".yml" not in plan["comment"] and not re.search(r"\bline \d", plan["comment"])
    assert snapshot(repo) == before


def test_a_project_like_an_existing_one_gets_the_similar_projects_warning(
    run_pipeline: Run, repo: Path
) -> None:
    (permission,) = FORMS["propose-project"].field("permission").options
    values = {
        "title": "Report a missed bin collection",
        "summary": "Lets residents report a missed bin collection online and books the return "
        "visit.",
        "phase": "alpha",
        "lead_council": "Cardiff",  # Leeds is a partner in it already, so would not be told
        "service_areas": ["waste-and-recycling"],
        "description": "Missed bins: residents report a missed bin collection, the crew's round "
        "data is checked and a return visit is booked without a phone call.",
        "permission": [permission.text],
    }
    plan = intake(run_pipeline, repo, form_event("propose-project", values))
    assert plan["ok"] is True
    comment = plan["comment"]
    assert "This looks like a project already on Pipeline" in comment
    assert (
        "[Report a missed bin](https://localgovdigital.github.io/pipeline/projects/report-a-missed-bin/)"
        in comment
    )
    assert "led by Stockport, in live" in comment
    assert "issues/new?template=join-project.yml" in comment
    # Named in code, not notified: a stranger's proposal must not ping existing maintainers.
    assert "Looked after by `@smbc-digital/pipeline`." in comment
    assert "@smbc-digital/pipeline" not in comment.replace("`@smbc-digital/pipeline`", "")


@pytest.mark.parametrize(
    "event",
    [
        {
            "action": "opened",
            "issue": {
                "number": 3,
                "title": "Bug",
                "body": "It broke.",
                "labels": [{"name": "bug"}],
            },
        },
        comment_event("Thanks, looks good to me /reviewed"),
        comment_event("/reviewed", login="pipeline-intake[bot]"),
        {**form_event("join-project", JOIN), "action": "labeled"},
        {
            **form_event("join-project", JOIN),
            "issue": {**form_event("join-project", JOIN)["issue"], "pull_request": {"url": "x"}},
        },
    ],
    ids=["no form", "no command", "a bot", "another action", "a pull request"],
)
def test_ignored(run_pipeline: Run, repo: Path, event: dict) -> None:
    plan = intake(run_pipeline, repo, event)
    assert plan["kind"] == "ignore" and plan["comment"] == "" and plan["files"] == []


def test_closing_the_issue_asks_to_close_its_pull_request(run_pipeline: Run, repo: Path) -> None:
    plan = intake(run_pipeline, repo, form_event("join-project", JOIN, action="closed"))
    assert plan["close"] is True and plan["kind"] == "close" and plan["files"] == []
    # Any issue: a weekly review issue has no form, and its /reviewed pull request was left open.
    review = comment_event("/reviewed")
    del review["comment"]
    review["action"] = "closed"
    plan = intake(run_pipeline, repo, review)
    assert plan["close"] is True and plan["files"] == []


def test_awkward_bodies(run_pipeline: Run, repo: Path) -> None:
    """What people paste: Windows line ends, extra blank lines, trailing spaces, emoji, Word
    bullets, HTML and 'N/A' for the questions they skip."""
    body = (
        "### Project\r\n\r\n\r\n  Report a pothole  \r\n\r\n\r\n\r\n"
        "### What has happened?\r\n\r\n"
        "We ran 3 workshops 🎉:\r\n• with residents\r\n• with inspectors <script>x</script>\r\n\r\n"
        "### New phase\r\n\r\nN/A\r\n\r\n"
        "### Date of the next service assessment\r\n\r\nN/A   \r\n\r\n"
        "### Anything else in the record that is no longer right?\r\n\r\n_No response_\r\n\r\n"
        "### Review\r\n\r\n- [ ] I have read the whole project page and, with the changes "
        "above, it is right.\r\n"
    )
    event = form_event("update-project", {})
    event["issue"]["body"] = body
    plan = apply_twice(run_pipeline, repo, event)
    record = yaml.safe_load((repo / "projects" / "report-a-pothole.yml").read_text())
    assert record["updates"][0]["text"] == (
        "We ran 3 workshops 🎉: - with residents - with inspectors <script>x</script>"
    )
    assert record["phase"] == "discovery"
    assert "&lt;script&gt;" not in plan["comment"] and "<script>" not in plan["comment"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "is not a JSON event file"),
        ('{"action": "opened"}', "The event has no issue"),
        ('{"issue": {"number": "seven"}}', "The event's issue has no number."),
    ],
)
def test_an_unusable_event_file_is_a_plain_error(
    run_pipeline: Run, repo: Path, content: str, message: str
) -> None:
    path = repo.parent / "event.json"
    path.write_text(content, encoding="utf-8")
    result = run_pipeline(repo, "intake", str(path))
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output


def test_the_register_address_comes_from_pipeline_yml(run_pipeline: Run, repo: Path) -> None:
    settings = repo / "pipeline.yml"
    text = settings.read_text(encoding="utf-8")
    assert DEFAULT_REGISTER_URL in text  # the one place the workflow's download comes from
    settings.write_text(text.replace(DEFAULT_REGISTER_URL, "https://example.org/r.csv"))
    result = run_pipeline(repo, "intake", "--register-url")
    assert result.output == "https://example.org/r.csv\n"


PROJECTS = sorted(p.stem for p in (CATALOGUE / "projects").glob("*.yml"))
RETIRED = {
    p.stem
    for p in (CATALOGUE / "projects").glob("*.yml")
    if (yaml.safe_load(p.read_text(encoding="utf-8")) or {}).get("phase") == "retired"
}


@pytest.mark.parametrize("project_id", PROJECTS)
def test_every_example_project_changes_only_where_asked(repo: Path, project_id: str) -> None:
    """/reviewed, /update and a join on each example record: the diff is only the change."""
    path = repo / "projects" / f"{project_id}.yml"
    before = path.read_text(encoding="utf-8")
    workspace = Workspace.open(repo, date(2026, 11, 30))
    data = workspace.data("project")[project_id]
    involved = {data["lead_council"], *(p["council"] for p in data.get("partners", []))}
    joiner = next(c for c in sorted(workspace.records["council"]) if c not in involved)
    events = [
        comment_event("/reviewed", "a-writer"),
        comment_event("/update Checked with the team.", "a-writer"),
        form_event("join-project", {"project": project_id, "council": joiner, "role": "observer"}),
    ]
    if project_id in RETIRED:  # a retired project cannot be joined
        refused = decide(Workspace.open(repo, date(2026, 11, 30)), parse_event(events.pop()))
        assert not refused.ok and "has been retired" in refused.comment
    for event in events:
        event["issue"]["body"] = event["issue"]["body"].replace("report-a-pothole", project_id)
        workspace = Workspace.open(repo, date(2026, 11, 30), writers=frozenset({"a-writer"}))
        plan = decide(workspace, parse_event(event))
        assert plan.ok, plan.comment
        write_files(repo, plan.files)
    after = path.read_text(encoding="utf-8")
    diff = [d for d in difflib.ndiff(before.splitlines(), after.splitlines()) if d[:2] in "- + "]
    removed = [d[2:] for d in diff if d.startswith("- ")]
    assert removed in ([], [f"last_reviewed: {data['last_reviewed']}"])
    added = [d[2:].strip() for d in diff if d.startswith("+ ")]
    assert f"last_reviewed: {TODAY}" in added
    joined = project_id not in RETIRED
    assert {f"- date: {TODAY}", "text: Checked with the team."} <= set(added)
    assert (f"- council: {joiner}" in added) is joined
    assert {"confirmed:", "by: '@a-writer'", f"'on': {TODAY}"} <= set(added)
    new_keys = ("updates" not in data) + ("partners" not in data and joined)
    assert len(added) == 1 + 3 + 2 + 3 * joined + new_keys


def test_a_partner_pledges_without_choosing_a_role_again(run_pipeline: Run, repo: Path) -> None:
    """The join form's pledge path: a council already in the project is not asked its role."""
    joined = {k: v for k, v in JOIN.items() if not k.startswith("pledge_")}
    apply_twice(run_pipeline, repo, form_event("join-project", joined))
    before = (repo / "projects" / "report-a-pothole.yml").read_text(encoding="utf-8")
    pledge = {**joined, "pledge_kind": "time", "pledge_amount": "3"}
    del pledge["role"]
    plan = apply_twice(run_pipeline, repo, form_event("join-project", pledge))
    after = (repo / "projects" / "report-a-pothole.yml").read_text(encoding="utf-8")
    assert "already a partner" in plan["pull_request"]["body"]
    assert [line.strip() for line in only_added(before, after)][:3] == [
        "- council: hackney",
        "kind: time",
        "amount: 3",
    ]
    # A council not yet taking part still says how it will.
    newcomer = {**pledge, "council": "West Berkshire"}
    refused = intake(run_pipeline, repo, form_event("join-project", newcomer))
    assert refused["ok"] is False
    assert "How would your council like to take part?" in refused["comment"]
