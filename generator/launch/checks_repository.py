"""Checks of the repository itself: issues, the default branch, Actions, Pages."""

from __future__ import annotations

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
