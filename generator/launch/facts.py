"""What the doctor knows about a repository: each API answer read once, and the protection of
its default branch put together from classic branch protection and rulesets alike."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from generator.launch.github import GitHub, Response

CHECKS_WORKFLOW = Path(".github") / "workflows" / "checks.yml"


@dataclass
class Facts:
    """One repository's settings, read on first use through `gh api` GET calls."""

    repo: str  # OWNER/NAME
    github: GitHub
    root: Path  # the local checkout: the Checks workflow's job name, the records
    _answers: dict[str, Response] = field(default_factory=dict, repr=False)

    def get(self, tail: str) -> Response:
        """GET repos/OWNER/NAME/<tail> (or the repository itself for ''), once."""
        path = f"repos/{self.repo}/{tail}".rstrip("/")
        if path not in self._answers:
            self._answers[path] = self.github.get(path)
        return self._answers[path]

    def get_all(self, tail: str) -> Response:
        path = f"repos/{self.repo}/{tail}"
        if path not in self._answers:
            self._answers[path] = self.github.get_all(path)
        return self._answers[path]

    @property
    def repository(self) -> dict[str, Any]:
        body = self.get("").body
        return body if isinstance(body, dict) else {}

    @property
    def branch(self) -> str:
        return str(self.repository.get("default_branch") or "main")

    @property
    def is_admin(self) -> bool:
        permissions = self.repository.get("permissions")
        return bool(isinstance(permissions, dict) and permissions.get("admin"))

    def settings(self, page: str = "") -> str:
        """The address of one of the repository's settings pages."""
        return f"https://github.com/{self.repo}/settings" + (f"/{page}" if page else "")

    @cached_property
    def protection(self) -> Protection:
        return Protection.of(
            self.get(f"branches/{self.branch}/protection"),
            self.get(f"rules/branches/{self.branch}"),
        )

    @cached_property
    def checks_job(self) -> str:
        """The name GitHub gives the Checks workflow's status check: its job's name."""
        path = self.root / CHECKS_WORKFLOW
        try:
            workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
            (job,) = workflow["jobs"].values()
            return str(job.get("name") or next(iter(workflow["jobs"])))
        except (OSError, yaml.YAMLError, TypeError, KeyError, ValueError):
            return "check"


@dataclass(frozen=True)
class Protection:
    """The rules on the default branch, whichever way they were set."""

    pull_requests: bool = False  # a pull request is needed to change the branch
    code_owner_review: bool = False
    dismiss_stale_reviews: bool = False
    approvals: int = 0
    status_checks: frozenset[str] = frozenset()
    sources: tuple[str, ...] = ()  # "branch protection", "ruleset 'Main'"
    unreadable: str = ""  # why classic protection could not be read, when rulesets say nothing

    @classmethod
    def of(cls, classic: Response, rules: Response) -> Protection:
        found = {
            "pull_requests": False,
            "code_owner_review": False,
            "dismiss_stale_reviews": False,
            "approvals": 0,
        }
        checks: set[str] = set()
        sources: list[str] = []
        if classic.ok and isinstance(classic.body, dict):
            sources.append("branch protection")
            _classic(classic.body, found, checks)
        for rule in rules.body if rules.ok and isinstance(rules.body, list) else []:
            if isinstance(rule, dict) and _rule(rule, found, checks):
                source = f"ruleset {rule.get('ruleset_id')} ({rule.get('ruleset_source')})"
                if source not in sources:
                    sources.append(source)
        unreadable = ""
        if not classic.ok and classic.message != "Branch not protected":
            unreadable = f"GitHub answered {classic.status} {classic.message}".strip()
        return cls(
            pull_requests=bool(found["pull_requests"]),
            code_owner_review=bool(found["code_owner_review"]),
            dismiss_stale_reviews=bool(found["dismiss_stale_reviews"]),
            approvals=int(found["approvals"]),
            status_checks=frozenset(checks),
            sources=tuple(sources),
            unreadable=unreadable,
        )


def _classic(body: dict[str, Any], found: dict[str, Any], checks: set[str]) -> None:
    reviews = body.get("required_pull_request_reviews")
    if isinstance(reviews, dict):
        found["pull_requests"] = True
        found["code_owner_review"] |= bool(reviews.get("require_code_owner_reviews"))
        found["dismiss_stale_reviews"] |= bool(reviews.get("dismiss_stale_reviews"))
        found["approvals"] = max(found["approvals"], _count(reviews))
    status = body.get("required_status_checks")
    if isinstance(status, dict):
        checks.update(str(c) for c in status.get("contexts") or [])
        checks.update(str(c.get("context")) for c in status.get("checks") or [] if c)


def _rule(rule: dict[str, Any], found: dict[str, Any], checks: set[str]) -> bool:
    """Add what one active rule requires; True when it is one the doctor reads."""
    parameters = rule.get("parameters") if isinstance(rule.get("parameters"), dict) else {}
    if rule.get("type") == "pull_request":
        found["pull_requests"] = True
        found["code_owner_review"] |= bool(parameters.get("require_code_owner_review"))
        found["dismiss_stale_reviews"] |= bool(parameters.get("dismiss_stale_reviews_on_push"))
        found["approvals"] = max(
            found["approvals"], int(parameters.get("required_approving_review_count") or 0)
        )
        return True
    if rule.get("type") == "required_status_checks":
        listed = parameters.get("required_status_checks") or []
        checks.update(str(c.get("context")) for c in listed if isinstance(c, dict))
        return True
    return False


def _count(reviews: dict[str, Any]) -> int:
    value = reviews.get("required_approving_review_count")
    return value if isinstance(value, int) else 0
