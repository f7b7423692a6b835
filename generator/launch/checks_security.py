"""Checks for SECURITY.md's promises: private vulnerability reporting, and Dependabot's alerts
and security updates (advice: the weekly Dependabot version updates run without them)."""

from __future__ import annotations

from generator.launch.facts import Facts
from generator.launch.registry import PASSED, Status, check, unknown


def _switched_on(facts: Facts, tail: str, off: str, name: str) -> tuple[Status, str, str]:
    """A setting GitHub reports as {"enabled": true|false}: `off` says what follows when it
    is off, `name` is its switch on the Code security page."""
    answer = facts.get(tail)
    if not answer.ok:
        return unknown(answer, facts)
    if isinstance(answer.body, dict) and answer.body.get("enabled"):
        return PASSED
    return (
        Status.MISSING,
        off,
        f"Enable '{name}' on {facts.settings('security_analysis')}, or run "
        f"`gh api --method PUT repos/{facts.repo}/{tail}`.",
    )


@check(
    "private-vulnerability-reporting",
    "Vulnerabilities can be reported privately (SECURITY.md sends people there)",
)
def _private_reporting(facts: Facts) -> tuple[Status, str, str]:
    return _switched_on(
        facts,
        "private-vulnerability-reporting",
        "Private vulnerability reporting is off, so SECURITY.md's way to report a problem "
        "privately does not work.",
        "Private vulnerability reporting",
    )


@check("dependabot-alerts", "Dependabot alerts are on", required=False)
def _dependabot_alerts(facts: Facts) -> tuple[Status, str, str]:
    # 204 when on, 404 when off (or when the reader is not an admin).
    answer = facts.get("vulnerability-alerts")
    if answer.ok:
        return PASSED
    if answer.status == 404 and facts.is_admin:
        return (
            Status.MISSING,
            "Dependabot does not warn about known vulnerabilities in the pinned packages.",
            f"Enable 'Dependabot alerts' on {facts.settings('security_analysis')}, or run "
            f"`gh api --method PUT repos/{facts.repo}/vulnerability-alerts`.",
        )
    return unknown(answer, facts)


@check("dependabot-security-updates", "Dependabot security updates are on", required=False)
def _security_updates(facts: Facts) -> tuple[Status, str, str]:
    return _switched_on(
        facts,
        "automated-security-fixes",
        "A vulnerable package waits for the weekly version update instead of a pull request "
        "of its own.",
        "Dependabot security updates",
    )
