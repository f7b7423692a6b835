"""Checks of the repository itself: issues, the default branch, Actions, Pages."""

from __future__ import annotations

import re

from generator.launch.facts import Facts
from generator.launch.registry import PASSED, Status, check, unknown


@check("issues", "Issues are switched on (the forms and the weekly issues need them)")
def _issues(facts: Facts) -> tuple[Status, str, str]:
    if facts.repository.get("has_issues"):
        return PASSED
    return (
        Status.MISSING,
        "Issues are switched off, so nobody can fill in a form.",
        f"Tick Features > Issues on {facts.settings()}, or run "
        f"`gh repo edit {facts.repo} --enable-issues`.",
    )


@check("default-branch", "The default branch is main (Publish runs on pushes to main)")
def _default_branch(facts: Facts) -> tuple[Status, str, str]:
    if facts.branch == "main":
        return PASSED
    return (
        Status.MISSING,
        f"The default branch is {facts.branch}.",
        f"Rename it to main on {facts.settings()} (Default branch), or run "
        f"`gh api --method POST repos/{facts.repo}/branches/{facts.branch}/rename "
        "-f new_name=main`.",
    )


@check("actions", "GitHub Actions may run the workflows and the actions they use")
def _actions(facts: Facts) -> tuple[Status, str, str]:
    answer = facts.get("actions/permissions")
    if not answer.ok:
        return unknown(answer, facts)
    body = answer.body if isinstance(answer.body, dict) else {}
    fix = f"Choose 'Allow all actions and reusable workflows' on {facts.settings('actions')}."
    if not body.get("enabled"):
        return Status.MISSING, "GitHub Actions is switched off for this repository.", fix
    if body.get("allowed_actions") == "local_only":
        return (
            Status.MISSING,
            "Only actions from this repository may run, and every workflow uses GitHub's own "
            "(actions/checkout and others).",
            fix,
        )
    return PASSED


@check("pages", "GitHub Pages is built by GitHub Actions (the Publish workflow)")
def _pages(facts: Facts) -> tuple[Status, str, str]:
    answer = facts.get("pages")
    page = facts.settings("pages")
    if answer.status == 404:
        return (
            Status.MISSING,
            "GitHub Pages is not switched on, so the Publish workflow cannot deploy the site.",
            f"On {page} choose Source: GitHub Actions, or run "
            f"`gh api --method POST repos/{facts.repo}/pages -f build_type=workflow`.",
        )
    if not answer.ok:
        return unknown(answer, facts)
    build = answer.body.get("build_type") if isinstance(answer.body, dict) else None
    if build == "workflow":
        return PASSED
    return (
        Status.MISSING,
        f"Pages is built from a branch ({build or 'legacy'}), not by the Publish workflow.",
        f"On {page} choose Source: GitHub Actions, or run "
        f"`gh api --method PUT repos/{facts.repo}/pages -f build_type=workflow`.",
    )


@check("site-address", "mkdocs.yml names this repository and its Pages address")
def _site_address(facts: Facts) -> tuple[Status, str, str]:
    config = facts.root / "mkdocs.yml"
    if not config.is_file():
        return Status.SKIPPED, "There is no mkdocs.yml here: run the doctor in the checkout.", ""
    text = config.read_text(encoding="utf-8", errors="replace")
    have = {key: _top_level(text, key) for key in ("repo_url", "site_url")}
    want = {"repo_url": f"https://github.com/{facts.repo}"}
    pages = facts.get("pages")
    if pages.ok and isinstance(pages.body, dict) and pages.body.get("html_url"):
        want["site_url"] = str(pages.body["html_url"])
    wrong = [
        f"{key} is {have[key] or 'missing'}, not {value}"
        for key, value in want.items()
        if have[key].rstrip("/") != value.rstrip("/")
    ]
    if not wrong:
        return PASSED
    old = have["repo_url"] or have["site_url"]
    finder = f" (`git grep -n '{old}'` finds them)" if old else ""
    return (
        Status.MISSING,
        f"{'; '.join(wrong)}: the site's edit links and feeds would point elsewhere.",
        "Set " + " and ".join(f"{k}: {v}" for k, v in want.items()) + " in mkdocs.yml, and "
        "change the same addresses in .github/ISSUE_TEMPLATE/config.yml, CONTRIBUTING.md and "
        f"docs/{finder}; then commit.",
    )


def _top_level(text: str, key: str) -> str:
    # Line by line: Material's configurations may use tags a safe YAML loader refuses.
    found = re.search(rf"^{key}:\s*['\"]?([^\s'\"#]+)", text, re.MULTILINE)
    return found.group(1) if found else ""
