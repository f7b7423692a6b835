"""'Did you mean ...?' for misspelt keys, values and ids."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(word: str, candidates: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The candidate most like `word`: exact ignoring case first, then by similarity."""
    options = list(candidates)
    folded = word.casefold().replace("_", "-").replace(" ", "-")
    for option in options:
        if option.casefold() == folded:
            return option
    matches = difflib.get_close_matches(folded, options, n=1, cutoff=cutoff)
    return matches[0] if matches else None


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    match = closest(word, candidates)
    return f"did you mean '{match}'?" if match else ""


def listing(values: Iterable[object], limit: int = 12) -> str:
    items = [str(v) for v in values]
    shown = ", ".join(items[:limit])
    return shown + (f" (and {len(items) - limit} more)" if len(items) > limit else "")
