"""The GitHub webhook payload `pipeline intake` reads: an `issues` or `issue_comment` event.

Only the fields intake uses are kept, each checked for type and size, so a strange payload
gives a plain message rather than a traceback.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from generator.vocabulary import UK_TIME

# GitHub limits issue bodies and comments to 65,536 characters; a payload far beyond that is
# not one GitHub sent.
MAX_EVENT_BYTES = 5 * 1024 * 1024
MAX_TEXT = 65_536
# The bot the workflows act as with their own token: the only author whose issues' hidden
# markers count (a stranger can open an issue as their own GitHub App, '<name>[bot]').
WORKFLOW_BOT = "github-actions[bot]"


class EventError(Exception):
    """The event file cannot be used; the message says why."""


@dataclass(frozen=True)
class Person:
    login: str
    association: str  # GitHub's author_association: OWNER, MEMBER, CONTRIBUTOR, NONE...
    is_bot: bool = False
    # author_association is not trust: MEMBER is any member of the organisation, with or
    # without access to this repository. Write access comes from the workflow (--writer).


@dataclass(frozen=True)
class Comment:
    id: int
    body: str
    author: Person
    created: date | None = None  # the UK date it was written


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
    created: date | None = None  # the UK date the issue was opened
    closed: bool = False  # the issue's state, as the event or the API reports it

    @property
    def asked_on(self) -> date | None:
        """The date of the request this event carries: the comment's, else the issue's."""
        return self.comment.created if self.comment else self.created

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
        )[:100],
        author=_person(issue),
        comment=read_comment(comment) if isinstance(comment, dict) else None,
        is_pull_request=isinstance(issue.get("pull_request"), dict),
        created=uk_date(issue.get("created_at")),
        closed=issue.get("state") == "closed",
    )


def read_comment(data: dict[str, Any]) -> Comment:
    """A comment as the webhook or the REST API gives it (the same fields in both)."""
    number = data.get("id")
    return Comment(
        id=number if isinstance(number, int) else 0,
        body=_text(data.get("body"), MAX_TEXT),
        author=_person(data),
        created=uk_date(data.get("created_at")),
    )


def uk_date(stamp: Any) -> date | None:
    """GitHub's UTC time stamp ('2026-06-30T23:30:00Z') as a UK date (2026-07-01: 00:30 BST),
    or None when there is none."""
    if not isinstance(stamp, str) or len(stamp) > 40:
        return None
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        return None
    return moment.astimezone(UK_TIME).date()


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
