"""GitHub handles as records write them ('alice', '@alice', '@org/team') and as GitHub wants them.

The same syntax as the schemas' `github_handle` definition, so a handle that passes
`pipeline validate` is one CODEOWNERS accepts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# A user or organisation: 1-39 letters, digits and single hyphens, not starting or ending with
# a hyphen (GitHub's rule); a team adds '/slug'. Mirrors schema $defs/github_handle, whose
# '(?!.*\n)' keeps 'alice\n' out there too ('$' matches before a final newline); here the
# whole text must match (fullmatch).
HANDLE_PATTERN = re.compile(
    r"^(?!.*\n)@?(?=[A-Za-z0-9-]{1,39}(?:/|$))[A-Za-z0-9](?:-?[A-Za-z0-9])*(?:/[A-Za-z0-9][A-Za-z0-9_.-]*)?$"
)


def is_handle(text: object) -> bool:
    return isinstance(text, str) and len(text) <= 140 and bool(HANDLE_PATTERN.fullmatch(text))


def normalise(handle: str) -> str:
    """'alice' -> '@alice', 'org/team' -> '@org/team'; raises ValueError for anything else."""
    if not is_handle(handle):
        raise ValueError(f"'{handle}' is not a GitHub user name or @organisation/team.")
    return handle if handle.startswith("@") else f"@{handle}"


def is_team(handle: str) -> bool:
    return "/" in handle


def unique(handles: Iterable[str]) -> tuple[str, ...]:
    """Valid handles, normalised, once each (GitHub names ignore case), in the order given.

    Invalid entries are skipped: `pipeline validate` reports them, and ownership must still be
    computable from a repository with a typo in one record.
    """
    seen: dict[str, str] = {}
    for handle in handles:
        if is_handle(handle):
            spelled = normalise(handle)
            seen.setdefault(spelled.lower(), spelled)
    return tuple(seen.values())


def same(a: str, b: str) -> bool:
    """Whether two handles name the same user or team (ignoring '@' and case)."""
    return a.removeprefix("@").lower() == b.removeprefix("@").lower()


def profile_url(handle: str, server: str = "https://github.com") -> str:
    """A user's profile, or a team's page in its organisation."""
    name = handle.removeprefix("@")
    if is_team(name):
        org, team = name.split("/", 1)
        return f"{server}/orgs/{org}/teams/{team}"
    return f"{server}/{name}"
