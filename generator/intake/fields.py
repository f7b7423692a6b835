"""Forgiving readers for what people type into forms: council and project names, amounts of
money or days, dates, GitHub names and free text.

Each reader returns the value the schema wants or raises FieldProblem with a plain-English
message about the value (the caller adds the field's label).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from generator.handles import is_handle, normalise

# What people type for "nothing"; a form field left empty says _No response_ instead.
EMPTY_WORDS = {"", "n/a", "na", "none", "nil", "-", "--", "not applicable", "tbc", "_no response_"}
_COUNCIL_WORDS = re.compile(
    r"\b(council|borough|city|county|district|metropolitan|london|royal|of|the|and)\b"
)
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}


class FieldProblem(Exception):
    """A value that cannot be used; the message is a sentence about the value."""


SHOWN = 80  # characters of a bad value echoed in a reply


def shown(text: str) -> str:
    """A value as a reply quotes it: at most SHOWN characters, so a reply stays short."""
    text = " ".join(text.split()) if len(text) < 10 * SHOWN else " ".join(text[: 2 * SHOWN].split())
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"


@dataclass(frozen=True)
class Named:
    """Something people refer to by name: a council or a project."""

    id: str
    names: tuple[str, ...]  # official name, short name, title...

    @property
    def label(self) -> str:
        return self.names[-1] if self.names else self.id


def clean_text(text: str | None, *, limit: int | None = None) -> str | None:
    """Free text tidied: no trailing spaces, no runs of blank lines, no control characters,
    None for an empty answer or 'N/A'. Longer than `limit` characters is refused."""
    if text is None:
        return None
    # Control characters go (a bell, a form feed); format characters stay, as emoji need
    # the zero-width joiner.
    text = "".join(
        c for c in text.replace("\t", " ") if c == "\n" or unicodedata.category(c) != "Cc"
    )
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    tidy = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    tidy = "\n".join(_bullet(line) for line in tidy.split("\n"))
    if tidy.strip().casefold() in EMPTY_WORDS:
        return None
    if limit is not None and len(tidy) > limit:
        raise FieldProblem(f"this is {len(tidy):,} characters long; the most is {limit:,}.")
    return tidy


# Bullets that Word and other editors paste: '•', '·', '▪', dashes, the Symbol font's.
_BULLETS = frozenset("\u2022\u00b7\u25aa\u25e6\u25cf\u25cb\u25a0\uf0b7\u2013\u2014")


def _bullet(line: str) -> str:
    """A line starting with a pasted bullet as a Markdown list item ('- ')."""
    stripped = line.lstrip()
    if stripped[:1] in _BULLETS and stripped[1:2] in {" ", "\t"}:
        return line[: len(line) - len(stripped)] + "- " + stripped[2:].lstrip()
    return line


def one_line(text: str | None, *, limit: int | None = None) -> str | None:
    """Free text as a single line (titles, summaries, update notes)."""
    tidy = clean_text(text)
    if tidy is None:
        return None
    joined = " ".join(tidy.split())
    if limit is not None and len(joined) > limit:
        raise FieldProblem(f"this is {len(joined):,} characters long; the most is {limit:,}.")
    return joined


def _fold(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", ascii_text.casefold()).split())


def _core(text: str) -> str:
    """A council name without the words every council name has: 'London Borough of Hackney'
    and 'Hackney Council' are both 'hackney'."""
    return " ".join(_COUNCIL_WORDS.sub(" ", _fold(text)).split())


def find_named(text: str, items: Iterable[Named], what: str) -> str:
    """The id of the item `text` names: by id, by any of its names, by a web address ending in
    its id, ignoring case, punctuation and the words every council name has."""
    everything = list(items)
    wanted = text.strip().rstrip("/").rsplit("/", 1)[-1] if "://" in text else text
    folded, core = _fold(wanted), _core(wanted)
    for matcher in (_fold, _core):
        key = folded if matcher is _fold else core
        if not key:
            continue
        hits = {
            item.id
            for item in everything
            if key in {matcher(item.id.replace("-", " ")), *(matcher(n) for n in item.names)}
        }
        if len(hits) == 1:
            return hits.pop()
        if len(hits) > 1:
            names = " or ".join(sorted(hits))
            raise FieldProblem(f"'{shown(text)}' could be {names}. Please write its id.")
    raise FieldProblem(_not_found(text.strip(), everything, what))


def _not_found(text: str, items: list[Named], what: str) -> str:
    by_name: dict[str, Named] = {}
    for item in items:
        for name in (item.id, *item.names):
            by_name.setdefault(_fold(name), item)
    # No guessing for long text: difflib's time grows with the square of the length.
    guesses = (
        difflib.get_close_matches(_fold(text), list(by_name), n=1, cutoff=0.6)
        if len(text) <= 200
        else []
    )
    found = f"There is no {what} called '{shown(text)}'."
    if guesses:
        guess = by_name[guesses[0]]
        return f"{found} Did you mean {guess.label}?"
    return found


def councils_from(data: Mapping[str, Mapping]) -> list[Named]:
    """Council id -> record data, as Named (official name, then the short name people use)."""
    return [
        Named(cid, tuple(str(d[k]) for k in ("name", "short_name") if isinstance(d.get(k), str)))
        for cid, d in data.items()
    ]


def projects_from(data: Mapping[str, Mapping]) -> list[Named]:
    return [
        Named(pid, (str(d["title"]),) if isinstance(d.get("title"), str) else ())
        for pid, d in data.items()
    ]


def amount(text: str) -> int | float:
    """'£12,500', '12500', '12.5k', '10 days' -> the number; FieldProblem otherwise."""
    folded = text.strip().casefold().replace(",", "").replace("£", "").replace(" ", "")
    found = re.fullmatch(r"(\d+(?:\.\d+)?)(k|m)?(pounds?|gbp|days?|staffdays?)?\.?", folded)
    if not found:
        raise FieldProblem(f"'{shown(text)}' is not a number. Write it like 12500.")
    number = float(found.group(1)) * {"k": 1_000, "m": 1_000_000, None: 1}[found.group(2)]
    return int(number) if number.is_integer() else number


def a_date(text: str) -> date:
    """'2026-03-01', '1 March 2026', '01/03/2026' (British order) -> a date."""
    cleaned = text.strip().rstrip(".")
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        pass
    words = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\s+(\d{4})", cleaned)
    numbers = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", cleaned)
    try:
        if words and words.group(2).casefold() in _MONTHS:
            month = _MONTHS[words.group(2).casefold()]
            return date(int(words.group(3)), month, int(words.group(1)))
        if numbers:
            return date(int(numbers.group(3)), int(numbers.group(2)), int(numbers.group(1)))
    except ValueError:
        pass
    raise FieldProblem(
        f"'{shown(cleaned)}' is not a date. Write it year-month-day, like 2027-01-31."
    )


def handles(text: str) -> list[str]:
    """'@alice, bob and @org/team' -> ['@alice', '@bob', '@org/team']."""
    found = []
    for word in re.split(r"[\s,;]+|\band\b", text.strip()):
        word = word.strip().strip(".")
        if not word:
            continue
        if not is_handle(word):
            raise FieldProblem(
                f"'{shown(word)}' is not a GitHub name. Write names like @your-name or "
                "@your-council/digital-team, separated by commas."
            )
        found.append(normalise(word))
    return list(dict.fromkeys(found))


def links(text: str) -> list[dict[str, str]]:
    """One link a line: 'Our blog https://...' or just the address."""
    found = []
    for line in text.split("\n"):
        match = re.search(r"https?://\S+", line)
        if not match:
            if line.strip():
                raise FieldProblem(
                    f"'{shown(line)}' has no web address starting https://. "
                    "Put one link on each line."
                )
            continue
        url = match.group(0).rstrip(").,")
        title = (line[: match.start()] + line[match.end() :]).strip(" -\u2013:()[]")
        found.append({"title": " ".join(title.split()) or url, "url": url})
    return found
