"""Every GitHub label Pipeline uses, with its colour and description: the one home.

The issue forms name their labels in `.github/ISSUE_TEMPLATE/` (GitHub reads them there) and a
test holds those names to this table; the Stale and Digest plans take theirs from here. GitHub
drops a form's label silently, and `gh issue create --label` fails, while a label does not
exist, so the workflows run `pipeline labels --create` before using them and `pipeline doctor`
says which are missing.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Label:
    name: str
    colour: str  # six hex digits, without '#', as GitHub's API takes it
    description: str  # at most 100 characters (GitHub's limit)
    used_by: str


STALE = "stale"
WAITING_FOR_COUNCIL = "waiting-for-council"
DIGEST = "digest"

LABELS: tuple[Label, ...] = (
    Label(
        "new project", "1D76DB", "A project proposed with the form", "the Propose a project form"
    ),
    Label("join project", "5319E7", "A council joining a project", "the Join a project form"),
    Label(
        "update project", "BFD4F2", "News or a new phase for a project", "the Update a project form"
    ),
    Label("new council", "006B75", "A council signing up", "the Sign up a council form"),
    Label(
        "challenge",
        "D93F0B",
        "A maker-day challenge proposed with the form",
        "the Propose a maker-day challenge form",
    ),
    Label(STALE, "FBCA04", "A project record that needs review", "the Stale workflow"),
    Label(DIGEST, "0E8A16", "What happened on Pipeline in a week", "the Digest workflow"),
    Label(
        WAITING_FOR_COUNCIL,
        "C5DEF5",
        "Records a council has not confirmed yet",
        "the Stale workflow",
    ),
)

BY_NAME = {label.name: label for label in LABELS}


def labels_named(names: list[str]) -> list[Label]:
    """The labels with these names, in the table's order; KeyError names one that is unknown."""
    for name in names:
        if name not in BY_NAME:
            raise KeyError(name)
    wanted = set(names)
    return [label for label in LABELS if label.name in wanted]
