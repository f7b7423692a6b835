"""Checks that the workflows can do their work: Intake may open pull requests, every label
exists, and the workflows' token is read-only unless a job asks for more."""

from __future__ import annotations

from generator.labels import LABELS
from generator.launch.facts import Facts
from generator.launch.registry import PASSED, Status, check, unknown

APP_VARIABLE = "INTAKE_APP_CLIENT_ID"
APP_SECRET = "INTAKE_APP_PRIVATE_KEY"


@check(
    "intake-pull-requests",
    f"Intake can open pull requests (a GitHub App in {APP_VARIABLE}, or the Actions setting)",
)
def _intake(facts: Facts) -> tuple[Status, str, str]:
    variable = facts.get(f"actions/variables/{APP_VARIABLE}")
    if variable.ok:
        secret = facts.get(f"actions/secrets/{APP_SECRET}")
        if secret.ok:
            return PASSED
        if secret.status != 404:
            return unknown(secret, facts)
        return (
            Status.MISSING,
            f"The variable {APP_VARIABLE} is set but the secret {APP_SECRET} is not, so the "
            "App's token cannot be made and every intake run fails.",
            f"Add the App's private key as {APP_SECRET} on "
            f"{facts.settings('secrets/actions')}, or run "
            f"`gh secret set {APP_SECRET} --repo {facts.repo} < private-key.pem`.",
        )
    workflow = facts.get("actions/permissions/workflow")
    if not workflow.ok:
        return unknown(workflow, facts)
    if isinstance(workflow.body, dict) and workflow.body.get("can_approve_pull_request_reviews"):
        return PASSED
    return (
        Status.MISSING,
        "No GitHub App is configured and 'Allow GitHub Actions to create and approve pull "
        "requests' is off, so Intake cannot turn a form into a pull request.",
        f"Best: set up the App (docs/launch.md) and run `gh variable set {APP_VARIABLE} "
        f"--repo {facts.repo} --body CLIENT_ID`. Or tick 'Allow GitHub Actions to create and "
        f"approve pull requests' on {facts.settings('actions')}, or run `gh api --method PUT "
        f"repos/{facts.repo}/actions/permissions/workflow -F can_approve_pull_request_reviews"
        "=true -f default_workflow_permissions=read`.",
    )


@check("labels", "Every label the forms and workflows use exists")
def _labels(facts: Facts) -> tuple[Status, str, str]:
    answer = facts.get_all("labels")
    if not answer.ok:
        return unknown(answer, facts)
    have = {str(item.get("name", "")).casefold() for item in answer.body if isinstance(item, dict)}
    missing = [label.name for label in LABELS if label.name.casefold() not in have]
    if not missing:
        return PASSED
    return (
        Status.MISSING,
        f"Missing: {', '.join(missing)}. GitHub drops a form's label silently, and the weekly "
        "Stale and Digest issues need theirs.",
        f"Run `pipeline labels --create --repo {facts.repo}` (the workflows also create the "
        "labels they use on their first run).",
    )


@check(
    "workflow-token",
    "Workflows get a read-only token unless a job asks for more",
    required=False,
)
def _workflow_token(facts: Facts) -> tuple[Status, str, str]:
    workflow = facts.get("actions/permissions/workflow")
    if not workflow.ok:
        return unknown(workflow, facts)
    level = workflow.body.get("default_workflow_permissions") if workflow.body else None
    if level == "read":
        return PASSED
    return (
        Status.MISSING,
        "Workflows get a read and write token by default; each of Pipeline's jobs names what it "
        "needs, so nothing needs the default.",
        f"Choose 'Read repository contents and packages permissions' on "
        f"{facts.settings('actions')}.",
    )
