"""Who owns which file, from the records: the source of `.github/CODEOWNERS`.

A project is owned by its maintainers and its lead council's maintainers; a council by its
maintainers; a maker day by its host councils' maintainers. The machinery (schemas, generator,
workflows, site configuration) and any record whose people name no maintainers belong to the
core maintainers named in pipeline.yml, so every file has an owner.

GitHub reads CODEOWNERS top to bottom and the LAST matching line wins, so the file goes from
general (`*`) to specific (one line per record). Owners on one line are alternatives: an
approval from any one of them is enough.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any

from generator.checking.repository import read_all
from generator.handles import is_team, profile_url, same, unique
from generator.loading.files import KIND_FOLDERS, LoadedRecord, discover
from generator.settings import load_settings

CODEOWNERS_PATH = ".github/CODEOWNERS"
# Owned by the core maintainers whatever the records say; pipeline.yml names them, so it
# must not be changed without them either.
CORE_PATTERNS = ("/schema/", "/generator/", "/.github/", "/mkdocs.yml", "/pipeline.yml")
# The order of the sections in the generated CODEOWNERS.
CODEOWNERS_ORDER = ("council", "project", "makerday")
# Characters that need no escaping in a CODEOWNERS (gitignore-style) pattern. Record paths are
# made of valid ids, so they never need more; anything else is refused rather than guessed.
_SAFE_PATH = re.compile(r"^[A-Za-z0-9._/-]+$")


@dataclass(frozen=True)
class Source:
    """Whose maintainers a rule's owners are: a project, a council, or the core maintainers."""

    kind: str  # "project", "council", "makerday" or "core"
    id: str = ""
    label: str = ""  # a council's short name, for sentences such as "a maintainer of Hackney"


CORE = Source("core", label="the core maintainers")


@dataclass(frozen=True)
class Maintainer:
    handle: str  # '@alice' or '@org/team'
    url: str  # their GitHub profile, or the team's page
    is_team: bool


@dataclass(frozen=True)
class Rule:
    """One CODEOWNERS line: a pattern, its owners, and why they own it."""

    pattern: str
    owners: tuple[str, ...]
    sources: tuple[Source, ...] = (CORE,)
    # Set when the record's people name no maintainers and the core maintainers stand in;
    # the text says why, for the comment above the line.
    fallback: str = ""

    def matches(self, path: str) -> bool:
        """Whether this rule covers `path` (relative to the repository, '/'-separated).

        Handles only the pattern shapes this module writes: '*', '/folder/' and '/file'.
        """
        target = "/" + path.lstrip("/")
        if self.pattern == "*":
            return True
        if self.pattern.endswith("/"):
            return target.startswith(self.pattern)
        return target == self.pattern

    @property
    def users(self) -> tuple[str, ...]:
        return tuple(h for h in self.owners if not is_team(h))

    @property
    def teams(self) -> tuple[str, ...]:
        return tuple(h for h in self.owners if is_team(h))

    def includes(self, login: str) -> bool:
        """Whether `login` is named as an owner (team membership cannot be known offline)."""
        return any(same(login, user) for user in self.users)

    def people(self, server: str = "https://github.com") -> tuple[Maintainer, ...]:
        """The owners with links to their GitHub pages, for "Maintained by" on record pages."""
        return tuple(Maintainer(h, profile_url(h, server), is_team(h)) for h in self.owners)

    @property
    def is_core(self) -> bool:
        return self.sources == (CORE,)

    def who(self) -> str:
        """'a maintainer of this project or Hackney', 'a core maintainer', ..."""
        if self.is_core:
            return "a core maintainer"
        names = [
            "this project" if source.kind == "project" else source.label or source.id
            for source in self.sources
        ]
        listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"
        return f"a maintainer of {listed}"


@dataclass(frozen=True)
class Ownership:
    """Every CODEOWNERS rule, general first, and the core maintainers behind them."""

    core: tuple[str, ...]
    rules: tuple[Rule, ...] = field(default_factory=tuple)

    def rule_for(self, path: str) -> Rule:
        """The rule GitHub applies to `path`: the last one that matches."""
        for rule in reversed(self.rules):
            if rule.matches(path):
                return rule
        return Rule("*", self.core)

    def record_rules(self) -> dict[str, Rule]:
        """Record path ('projects/x.yml') -> its own rule."""
        return {
            rule.pattern.lstrip("/"): rule
            for rule in self.rules
            if rule.pattern.count("/") == 2 and not rule.pattern.endswith("/")
        }


def _handle_list(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _text(value: Any, default: str) -> str:
    # Labels end up in sentences and comments: one line, trimmed.
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else default


def _council_label(record: LoadedRecord) -> str:
    return _text(record.data.get("short_name"), _text(record.data.get("name"), record.id))


def _pattern(path: str) -> str:
    if not _SAFE_PATH.match(path) or "//" in path or ".." in path.split("/"):
        raise ValueError(f"'{path}' cannot be written safely as a CODEOWNERS pattern.")
    return "/" + path


def ownership_of(records: Iterable[LoadedRecord], core: Sequence[str]) -> Ownership:
    """Ownership of every file, from the records as written (a typo in one record's
    maintainers only drops that handle; `pipeline validate` reports it)."""
    core_owners = unique(core)
    if not core_owners:
        raise ValueError(
            "pipeline.yml names no core_maintainers, so files without other owners would have "
            "none. Add a list such as core_maintainers: ['@localgovdigital/pipeline-core']."
        )
    loaded = sorted(records, key=lambda r: (CODEOWNERS_ORDER.index(r.kind), r.path))
    councils = {
        r.id: (
            Source("council", r.id, _council_label(r)),
            unique(_handle_list(r.data.get("maintainers"))),
        )
        for r in loaded
        if r.kind == "council"
    }
    rules = [Rule("*", core_owners), *(Rule(p, core_owners) for p in CORE_PATTERNS)]
    for record in loaded:
        groups = _groups(record, councils)
        owners = unique(h for _, handles in groups for h in handles)
        pattern = _pattern(record.path)
        if owners:
            sources = tuple(source for source, handles in groups if handles)
            rules.append(Rule(pattern, owners, sources))
        else:
            rules.append(Rule(pattern, core_owners, fallback=_fallback_reason(record, groups)))
    return Ownership(core_owners, tuple(rules))


def _groups(
    record: LoadedRecord, councils: dict[str, tuple[Source, tuple[str, ...]]]
) -> list[tuple[Source, tuple[str, ...]]]:
    """(whose, handles) in the order they are listed as owners."""
    data = record.data
    if record.kind == "council":
        return [councils[record.id]]
    if record.kind == "project":
        own = (Source("project", record.id), unique(_handle_list(data.get("maintainers"))))
        lead = data.get("lead_council")
        return [own, *([councils[lead]] if isinstance(lead, str) and lead in councils else [])]
    hosts = [h for h in _handle_list(data.get("hosts")) if h in councils]
    return [councils[h] for h in dict.fromkeys(hosts)]


def _fallback_reason(record: LoadedRecord, groups: list[tuple[Source, tuple[str, ...]]]) -> str:
    named = ", ".join(source.id for source, _ in groups if source.kind == "council")
    if record.kind == "council":
        return f"council {record.id} names no maintainers"
    if record.kind == "project":
        lead = f"nor does its lead council ({named})" if named else "and has no known lead council"
        return f"project {record.id} names no maintainers, {lead}"
    hosts = f"its hosts ({named}) name" if named else "it names no hosts that name"
    return f"maker day {record.id}: {hosts} no maintainers"


HEADER = """\
# Generated by `pipeline codeowners` from the records and pipeline.yml; do not edit by hand.
# After changing maintainers, a lead council or a maker day's hosts, run `pipeline codeowners`
# and commit the result: the pull-request check fails while this file is out of date.
#
# GitHub uses the LAST line that matches a file, so general lines come first and each
# record's own line after them. Owners on one line are alternatives: an approval from any
# one of them is enough. GitHub reads this file from the pull request's base branch, so a
# change to who maintains a record is approved by the people who maintain it now.
#
# Records whose people name no maintainers fall back to the core maintainers (pipeline.yml,
# core_maintainers), so every file has an owner.
"""

_SECTIONS = {
    "council": "# Councils: each council's maintainers.",
    "project": "# Projects: the project's maintainers and its lead council's maintainers.",
    "makerday": "# Maker days: the maintainers of the councils hosting them.",
}


def render_codeowners(ownership: Ownership) -> str:
    """The CODEOWNERS file's text: deterministic, so `--check` can compare it byte for byte."""
    lines = [HEADER]
    lines.append("# Everything not matched below, including new records until they are merged.")
    general, *rest = ownership.rules
    lines.append(_line(general))
    core = [r for r in rest if r.pattern in CORE_PATTERNS]
    lines.append("")
    lines.append("# The schemas, the generator, the workflows and the site's configuration.")
    lines.extend(_line(r) for r in core)
    records = [r for r in rest if r.pattern not in CORE_PATTERNS]
    for kind in CODEOWNERS_ORDER:
        folder = f"/{KIND_FOLDERS[kind]}/"
        chosen = [r for r in records if r.pattern.startswith(folder)]
        if not chosen:
            continue
        lines.append("")
        lines.append(_SECTIONS[kind])
        for rule in chosen:
            if rule.fallback:
                lines.append(f"# {rule.fallback}, so the core maintainers look after it.")
            lines.append(_line(rule))
    return "\n".join(lines) + "\n"


def _line(rule: Rule) -> str:
    return f"{rule.pattern} {' '.join(rule.owners)}"


def codeowners_diff(current: str | None, expected: str, path: str = CODEOWNERS_PATH) -> str:
    """A unified diff from the committed file to the one the records call for ('' if equal)."""
    if current == expected:
        return ""
    return "".join(
        difflib.unified_diff(
            (current or "").splitlines(keepends=True),
            expected.splitlines(keepends=True),
            fromfile=f"{path} (committed)",
            tofile=f"{path} (from the records)",
        )
    )


def repository_ownership(root: Path) -> Ownership:
    """Ownership of the repository at `root`: its records as written and pipeline.yml.

    Raises SettingsError for a bad pipeline.yml and ValueError when it names no core
    maintainers.
    """
    records, _problems = read_all(root, discover(root))
    return ownership_of(records, load_settings(root).core_maintainers)


def guide() -> str:
    """'Who approves changes' in Markdown (a level-2 heading and its sections), for the site's
    Contribute page; CONTRIBUTING.md holds the same text."""
    return files("generator").joinpath("data/ownership.md").read_text(encoding="utf-8")
