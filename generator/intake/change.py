"""What a handler decides: the files to write and the words that explain them."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Change:
    kind: str
    title: str  # for the pull request and the commit
    subject: str  # the record the change is mainly about, e.g. projects/x.yml
    files: dict[str, str] = field(default_factory=dict)  # path -> new text
    done: list[str] = field(default_factory=list)  # Markdown sentences: what the change does
    notes: list[str] = field(default_factory=list)  # for the reviewers, not the records
    labels: dict[str, str] = field(default_factory=dict)  # record key -> the form's label
    projects: tuple[str, ...] = ()  # projects to compare with the others

    def write(self, path: str, before: str | None, after: str) -> None:
        """Keep `after` for `path` only when it changes something."""
        if after != before:
            self.files[path] = after
