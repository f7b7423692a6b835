"""Deciding whether the weekly workflow posts the digest as a GitHub issue: once per week.

The workflow only carries the plan out with `gh`; the decision is here, where it is tested.
Each digest issue carries a hidden marker naming its week, `<!-- pipeline-digest: 2026-11-16 -->`,
so a week that has an issue (open or closed, whatever its title has become) never gets another,
even when the workflow runs twice or is run by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from generator.digest import formats
from generator.digest.model import Digest
from generator.labels import DIGEST
from generator.staleness.issues import Issue

LABEL = DIGEST  # generator/labels.py holds its colour and description
_MARKER = re.compile(r"<!-- pipeline-digest: (\d{4}-\d\d-\d\d) -->")


@dataclass(frozen=True)
class Post:
    title: str
    body: str

    def as_dict(self) -> dict[str, Any]:
        return {"action": "open", "title": self.title, "labels": [LABEL], "body": self.body}


def week_of_issue(issue: Issue) -> str | None:
    found = _MARKER.search(issue.body)
    return found.group(1) if found else None


def plan(digest: Digest, issues: list[Issue], site_url: str, site_name: str) -> list[Post]:
    """The issue to open for the digest's week: none when that week has one already."""
    title = formats.title(digest, site_name)
    for issue in issues:
        if week_of_issue(issue) == digest.key or issue.title.strip() == title:
            return []
    text = formats.markdown(digest, site_url, site_name, heading=False)
    return [Post(title, f"<!-- pipeline-digest: {digest.key} -->\n{text}")]
