"""The GitHub webhook payload `pipeline intake` reads: an `issues` or `issue_comment` event.

Only the fields intake uses are kept, each checked for type and size, so a strange payload
gives a plain message rather than a traceback.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# GitHub limits issue bodies and comments to 65,536 characters; a payload far beyond that is
# not one GitHub sent.
MAX_EVENT_BYTES = 5 * 1024 * 1024
MAX_TEXT = 65_536
TRUSTED_ASSOCIATIONS = frozenset({"OWNER", "MEMBER", "COLLABORATOR"})


class EventError(Exception):
    """The event file cannot be used; the message says why."""


@dataclass(frozen=True)
class Person:
    login: str
    association: str  # GitHub's author_association: OWNER, MEMBER, CONTRIBUTOR, NONE...
    is_bot: bool = False

    @property
    def is_member(self) -> bool:
        return self.association in TRUSTED_ASSOCIATIONS


@dataclass(frozen=True)
class Comment:
    id: int
    body: str
    author: Person


@dataclass(frozen=True)
class Event:
    action: str  # opened, edited, reopened, closed, created...
    number: int
    title: str
    body: str
    labels: tuple[str, ...]
    author: Person
    comment: Comment | None = None
    is_pull_request: bool = False

    @property
    def name(self) -> str:
        return "issue_comment" if self.comment else "issues"


def read_event(path: Path) -> Event:
    try:
        size = path.stat().st_size
        if size > MAX_EVENT_BYTES:
            raise EventError(f"{path} is {size:,} bytes: too large to be a GitHub event.")
        data = json.loads(path.read_bytes().decode("utf-8"))
    except OSError as exc:
        raise EventError(f"{path} cannot be read: {exc.strerror}.") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EventError(f"{path} is not a JSON event file: {exc}.") from None
    return parse_event(data)


def parse_event(data: Any) -> Event:
    if not isinstance(data, dict) or not isinstance(data.get("issue"), dict):
        raise EventError("The event has no issue: intake reads issues and issue_comment events.")
    issue = data["issue"]
    number = issue.get("number")
    if not isinstance(number, int) or isinstance(number, bool) or number < 1:
        raise EventError("The event's issue has no number.")
    comment = data.get("comment")
    return Event(
        action=_text(data.get("action"), 40),
        number=number,
        title=_text(issue.get("title"), 1_000),
        body=_text(issue.get("body"), MAX_TEXT),
        labels=tuple(
            _text(label.get("name"), 100)
            for label in issue.get("labels") or []
            if isinstance(label, dict)
        ),
        author=_person(issue),
        comment=_comment(comment) if isinstance(comment, dict) else None,
        is_pull_request=isinstance(issue.get("pull_request"), dict),
    )


def _comment(data: dict[str, Any]) -> Comment:
    number = data.get("id")
    return Comment(
        id=number if isinstance(number, int) else 0,
        body=_text(data.get("body"), MAX_TEXT),
        author=_person(data),
    )


def _person(data: dict[str, Any]) -> Person:
    user = data.get("user") if isinstance(data.get("user"), dict) else {}
    login = _text(user.get("login"), 100)
    return Person(
        login=login,
        association=_text(data.get("author_association"), 40).upper(),
        is_bot=user.get("type") == "Bot" or login.endswith("[bot]"),
    )


def _text(value: Any, limit: int) -> str:
    """Text from the payload, cut at `limit` characters (more than GitHub itself allows)."""
    return value[:limit] if isinstance(value, str) else ""
