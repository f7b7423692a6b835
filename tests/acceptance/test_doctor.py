"""`pipeline doctor` against recorded GitHub responses (tests/data/github/), answered by a
stand-in `gh`: the verdict, the advice, and that it only ever reads."""

from __future__ import annotations

import contextlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from generator.cli import cli
from tests.acceptance.github_stand_in import RECORDED, REPO, StandInGh, launch_root, overlay
from tests.conftest import EXAMPLES

JOB = "Check records, build the site, run the tests"
SETTINGS = f"https://github.com/{REPO}/settings"


def doctor(root: Path, gh: StandInGh, *args: str) -> Result:
    with contextlib.chdir(root):
        return CliRunner().invoke(cli, ["doctor", *args], env=gh.env, catch_exceptions=False)


def verdict(root: Path, gh: StandInGh) -> tuple[int, dict[str, Any]]:
    done = doctor(root, gh, "--repo", REPO, "--format", "json")
    return done.exit_code, json.loads(done.output)


def statuses(report: dict[str, Any]) -> dict[str, str]:
    return {c["id"]: c["status"] for c in report["checks"]}


def failing(report: dict[str, Any]) -> set[str]:
    return {c["id"] for c in report["checks"] if c["required"] and c["status"] != "passed"} - {
        c["id"] for c in report["checks"] if c["status"] == "skipped"
    }


def by_id(report: dict[str, Any], check: str) -> dict[str, Any]:
    (found,) = [c for c in report["checks"] if c["id"] == check]
    return found


def test_a_new_repository_fails_on_the_four_launch_gaps_with_fixes(tmp_path: Path) -> None:
    gh = StandInGh(tmp_path, "bad")
    code, report = verdict(launch_root(tmp_path), gh)
    assert code == 1 and report["ok"] is False
    assert failing(report) == {"pages", "protection", "intake-pull-requests", "labels"}
    # What depends on protection is not reported again as missing.
    skipped = {k for k, v in statuses(report).items() if v == "skipped"}
    assert skipped == {"code-owner-review", "stale-reviews-dismissed", "checks-required"}
    pages = by_id(report, "pages")
    assert "not switched on" in pages["detail"]
    assert f"{SETTINGS}/pages" in pages["fix"]
    assert f"gh api --method POST repos/{REPO}/pages -f build_type=workflow" in pages["fix"]
    protection = by_id(report, "protection")
    assert f"{SETTINGS}/rules/new" in protection["fix"]
    for needed in ("Code Owners", "stale approvals", JOB):
        assert needed in protection["fix"]
    intake = by_id(report, "intake-pull-requests")
    assert "Allow GitHub Actions to create and approve pull requests" in intake["fix"]
    assert f"gh variable set INTAKE_APP_CLIENT_ID --repo {REPO}" in intake["fix"]
    labels = by_id(report, "labels")
    for name in ("new project", "join project", "update project", "new council", "challenge"):
        assert name in labels["detail"]
    assert "stale, digest" in labels["detail"]
    assert f"pipeline labels --create --repo {REPO}" in labels["fix"]
    # Advice only: exit 1 comes from the four above.
    assert by_id(report, "dependabot-alerts")["status"] == "missing"
    assert by_id(report, "dependabot-alerts")["required"] is False


def test_the_text_report_names_each_failure_and_its_fix(tmp_path: Path) -> None:
    done = doctor(launch_root(tmp_path), StandInGh(tmp_path, "bad"), "--repo", REPO)
    assert done.exit_code == 1
    lines = done.output.splitlines()
    assert "[MISSING] GitHub Pages is built by GitHub Actions (the Publish workflow)" in lines
    assert "[passed ] Issues are switched on (the forms and the weekly issues need them)" in lines
    assert "[advice ] Dependabot alerts are on" in lines
    assert any(line.startswith("    fix: On https://github.com/") for line in lines)
    assert lines[-1].startswith("Not ready: 4 of ")
    assert "(pages, protection, intake-pull-requests, labels)" in lines[-1]


@pytest.mark.parametrize("protection", ["classic", "ruleset"])
def test_a_well_configured_repository_passes(tmp_path: Path, protection: str) -> None:
    gh = StandInGh(tmp_path, protection, "good")
    code, report = verdict(launch_root(tmp_path), gh)
    assert code == 0 and report["ok"] is True, report
    assert set(statuses(report).values()) == {"passed"}
    done = doctor(launch_root(tmp_path / "again"), gh, "--repo", REPO)
    assert done.output.splitlines()[-1].startswith("Ready: all ")


def test_the_doctor_only_reads_with_gh_api_get(tmp_path: Path) -> None:
    gh = StandInGh(tmp_path, "ruleset", "good")
    verdict(launch_root(tmp_path), gh)
    calls = gh.calls()
    assert calls and all(c[:3] == ["api", "--method", "GET"] for c in calls)
    paths = {c[-1] for c in calls}
    assert {
        f"repos/{REPO}",
        f"repos/{REPO}/pages",
        f"repos/{REPO}/branches/main/protection",
        f"repos/{REPO}/rules/branches/main",
        f"repos/{REPO}/actions/permissions/workflow",
        f"repos/{REPO}/actions/variables/INTAKE_APP_CLIENT_ID",
        f"repos/{REPO}/labels?per_page=100",
        f"repos/{REPO}/labels?per_page=100&page=2",  # the Link header's next page, followed
        f"repos/{REPO}/private-vulnerability-reporting",
    } <= paths
    assert len(paths) == len(calls), "each answer is read once"


def _set(key: str, value: Any) -> Any:
    def change(body: Any) -> Any:
        if isinstance(body, list):  # a ruleset's rules: change the pull_request rule
            for rule in body:
                if rule["type"] == "pull_request":
                    rule["parameters"][key] = value
            return body
        body["required_pull_request_reviews"][key] = value
        return body

    return change


def _require_check(context: str) -> Any:
    def change(body: Any) -> Any:
        if isinstance(body, list):
            for rule in body:
                if rule["type"] == "required_status_checks":
                    rule["parameters"]["required_status_checks"] = [{"context": context}]
            return body
        body["required_status_checks"]["contexts"] = [context]
        body["required_status_checks"]["checks"] = [{"context": context, "app_id": 15368}]
        return body

    return change


FACETS = {
    "stale-reviews-dismissed": {
        "classic": _set("dismiss_stale_reviews", False),
        "ruleset": _set("dismiss_stale_reviews_on_push", False),
    },
    "code-owner-review": {
        "classic": _set("require_code_owner_reviews", False),
        "ruleset": _set("require_code_owner_review", False),
    },
    "checks-required": {"classic": _require_check("build"), "ruleset": _require_check("build")},
}


@pytest.mark.parametrize("protection", ["classic", "ruleset"])
@pytest.mark.parametrize("facet", sorted(FACETS))
def test_each_rule_of_protection_is_checked_alone(
    tmp_path: Path, protection: str, facet: str
) -> None:
    tail = "branches/main/protection" if protection == "classic" else "rules/branches/main"
    changed = overlay(tmp_path, tail, FACETS[facet][protection], base=protection)
    code, report = verdict(launch_root(tmp_path), StandInGh(tmp_path, changed, protection, "good"))
    assert code == 1
    assert failing(report) == {facet}
    assert f"{SETTINGS}/rules/new" in by_id(report, facet)["fix"]


def test_the_stale_approval_check_says_why_intake_needs_it(tmp_path: Path) -> None:
    changed = overlay(
        tmp_path, "rules/branches/main", _set("dismiss_stale_reviews_on_push", False), "ruleset"
    )
    _, report = verdict(launch_root(tmp_path), StandInGh(tmp_path, changed, "ruleset", "good"))
    found = by_id(report, "stale-reviews-dismissed")
    assert "intake pull request could change after a maintainer approved it" in found["detail"]
    assert "Dismiss stale pull request approvals when new commits are pushed" in found["fix"]


def test_the_actions_setting_lets_intake_work_without_an_app(tmp_path: Path) -> None:
    no_app = overlay(
        tmp_path,
        "actions/variables/INTAKE_APP_CLIENT_ID",
        {"status": 404, "body": {"message": "Not Found", "status": "404"}},
    )
    allowed = overlay(
        tmp_path,
        "actions/permissions/workflow",
        lambda b: {**b, "can_approve_pull_request_reviews": True},
    )
    code, report = verdict(
        launch_root(tmp_path), StandInGh(tmp_path, no_app, allowed, "classic", "good")
    )
    assert code == 0, report
    code, report = verdict(
        launch_root(tmp_path / "off"), StandInGh(tmp_path / "off", no_app, "classic", "good")
    )
    assert code == 1 and failing(report) == {"intake-pull-requests"}


def test_an_app_without_its_private_key_is_reported(tmp_path: Path) -> None:
    no_key = overlay(
        tmp_path,
        "actions/secrets/INTAKE_APP_PRIVATE_KEY",
        {"status": 404, "body": {"message": "Not Found", "status": "404"}},
    )
    code, report = verdict(launch_root(tmp_path), StandInGh(tmp_path, no_key, "classic", "good"))
    assert code == 1 and failing(report) == {"intake-pull-requests"}
    assert "INTAKE_APP_PRIVATE_KEY" in by_id(report, "intake-pull-requests")["detail"]


UNKNOWN_OWNER = {
    "line": 3,
    "column": 5,
    "kind": "Unknown owner",
    "source": "* @example-org/nobody",
    "suggestion": "make sure the team @example-org/nobody exists, is publicly visible, and has "
    "write access to the repository",
    "message": "Unknown owner on line 3: make sure the team @example-org/nobody exists",
    "path": ".github/CODEOWNERS",
}
# (recorded response, change to its body, the check that must fail, words its fix must hold)
GAPS = [
    ("pages", lambda b: {**b, "build_type": "legacy"}, "pages", "--method PUT"),
    (
        "private-vulnerability-reporting",
        lambda b: {"enabled": False},
        "private-vulnerability-reporting",
        "/settings/security_analysis",
    ),
    ("repository", lambda b: {**b, "has_issues": False}, "issues", "--enable-issues"),
    ("repository", lambda b: {**b, "default_branch": "master"}, "default-branch", "new_name=main"),
    ("actions/permissions", lambda b: {**b, "enabled": False}, "actions", "/settings/actions"),
    (
        "actions/permissions",
        lambda b: {**b, "allowed_actions": "local_only"},
        "actions",
        "Allow all actions",
    ),
    (
        "codeowners/errors",
        lambda b: {"errors": [UNKNOWN_OWNER]},
        "codeowners",
        "pipeline codeowners",
    ),
]


@pytest.mark.parametrize(("tail", "change", "check", "words"), GAPS)
def test_each_other_gap_fails_alone_with_its_fix(
    tmp_path: Path, tail: str, change: Any, check: str, words: str
) -> None:
    changed = overlay(tmp_path, tail, change)
    if check == "default-branch":  # then protection is read at the branch's own name
        for name in ("branches/{}/protection", "rules/branches/{}"):
            target = changed / f"{name.format('master')}.json"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(RECORDED / "ruleset" / f"{name.format('main')}.json", target)
    code, report = verdict(launch_root(tmp_path), StandInGh(tmp_path, changed, "classic", "good"))
    assert code == 1 and failing(report) == {check}, report
    assert words in by_id(report, check)["fix"]
    if check == "codeowners":
        assert (
            "line 3: Unknown owner (make sure the team @example-org/nobody"
            in (by_id(report, check)["detail"])
        )


def test_a_setting_only_admins_may_read_is_unknown_not_passed(tmp_path: Path) -> None:
    not_admin = overlay(
        tmp_path,
        "repository",
        lambda b: {**b, "permissions": {**b["permissions"], "admin": False, "maintain": False}},
    )
    hidden = overlay(
        tmp_path,
        "branches/main/protection",
        {"status": 404, "body": {"message": "Not Found", "status": "404"}},
    )
    code, report = verdict(
        launch_root(tmp_path), StandInGh(tmp_path, not_admin, hidden, "bad", "good")
    )
    assert code == 1
    found = by_id(report, "protection")
    assert found["status"] == "unknown"
    assert "Only the repository's admins may read this setting." in found["detail"]
    assert "could not be read" in by_id(report, "code-owner-review")["detail"]


def test_placeholders_in_the_checkout_are_listed(tmp_path: Path) -> None:
    root = launch_root(tmp_path, EXAMPLES / "base", EXAMPLES / "invalid" / "placeholder")
    gh = StandInGh(tmp_path, "classic", "good")
    code, report = verdict(root, gh)
    assert code == 0  # listed, not a failure: `pipeline validate` warns about them too
    places = [(p["path"], p["line"], p["column"]) for p in report["placeholders"]]
    assert places == [("mkdocs.yml", 5, 18), ("projects/find-my-bin-day.yml", 9, 14)]
    text = doctor(root, gh, "--repo", REPO).output
    assert "Placeholders still in use (2):" in text
    assert "    mkdocs.yml:5:18: 'pipeline@localgovdigital.info' is a placeholder" in text
    assert "Replace the placeholders above before you announce it." in text


def test_without_gh_or_signed_out_it_says_what_to_do(tmp_path: Path) -> None:
    gh = StandInGh(tmp_path, "good")
    missing = {**gh.env, "PATH": str(tmp_path / "empty")}
    with contextlib.chdir(launch_root(tmp_path)):
        done = CliRunner().invoke(cli, ["doctor", "--repo", REPO], env=missing)
    assert done.exit_code == 2
    assert "gh, is not installed" in done.output and "https://cli.github.com/" in done.output
    assert "Traceback" not in done.output
    signed_out = StandInGh(tmp_path / "out", "good", signed_out=True)
    done = doctor(launch_root(tmp_path / "out"), signed_out, "--repo", REPO)
    assert done.exit_code == 2 and "gh is not signed in" in done.output
    assert "gh auth login" in done.output


def test_an_unknown_repository_is_named(tmp_path: Path) -> None:
    done = doctor(launch_root(tmp_path), StandInGh(tmp_path, "good"), "--repo", "example-org/nope")
    assert done.exit_code == 2
    assert "no repository example-org/nope that you can see" in done.output


def test_a_site_that_names_another_repository_is_found(tmp_path: Path) -> None:
    root = launch_root(tmp_path)
    (root / "mkdocs.yml").write_text(
        "site_url: https://localgovdigital.github.io/pipeline/\n"
        "repo_url: https://github.com/localgovdigital/pipeline  # the original\n"
    )
    code, report = verdict(root, StandInGh(tmp_path, "classic", "good"))
    assert code == 1 and failing(report) == {"site-address"}
    found = by_id(report, "site-address")
    assert (
        f"repo_url is https://github.com/localgovdigital/pipeline, not https://github.com/{REPO}"
        in found["detail"]
    )
    assert (
        "site_url is https://localgovdigital.github.io/pipeline/, not https://example-org.github.io/pipeline/"
        in found["detail"]
    )
    assert "git grep -n 'https://github.com/localgovdigital/pipeline'" in found["fix"]
