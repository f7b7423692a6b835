"""Rules about a record's characters, checked on the raw text before any YAML is read.

Places are counted the way the YAML parser counts them, so that every message about a file
points at the same line an editor shows: a line ends at \\n, \\r\\n or \\r, and (for YAML) also
at U+0085, U+2028 and U+2029. Those three are refused here anyway (editors disagree about them),
but counting them keeps the place of anything before them right.
"""

from __future__ import annotations

import re
import unicodedata

from generator.problems import RecordError, error

_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")

# Characters no record needs, each kind with its own explanation. The YAML reader refuses most
# controls itself, but at a place given as a character count; refusing them first says where.
HIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # control characters (tab, \n and \r are fine)
    "\u2028\u2029"  # Unicode line and paragraph separators
    "\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"  # bidirectional controls ("Trojan Source")
    "\u200b\u2060\ufeff"  # zero-width space, word joiner, byte-order mark inside the text
    "\ud800-\udfff\ufffe\uffff]"  # not characters at all
)
_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_ZERO_WIDTH = set("\u200b\u2060\ufeff")


def place_of(text: str, index: int) -> tuple[int, int]:
    """The 1-based (line, column) of text[index], counting lines as YAML does."""
    line, start = 1, 0
    for found in _LINE_BREAK.finditer(text, 0, index):
        line, start = line + 1, found.end()
    return line, index - start + 1


def yaml_lines(text: str) -> list[str]:
    """The lines of `text` as the YAML parser numbers them (unlike str.splitlines, which also
    breaks at form feeds and other separators)."""
    return _LINE_BREAK.split(text)


def refuse_tabs(path: str, text: str) -> None:
    if "\t" not in text:
        return  # most files: no need to look line by line
    for number, line in enumerate(yaml_lines(text), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            raise RecordError(
                error(
                    path,
                    number,
                    indent.index("\t") + 1,
                    "This line is indented with a tab.",
                    "YAML allows only spaces for indentation: replace the tab with spaces.",
                    "tab",
                )
            )


def refuse_hidden_characters(path: str, text: str) -> None:
    """Refuse invisible characters that change what text means or how it shows."""
    found = HIDDEN.search(text)
    if found is None:
        return
    hint = HIDDEN_HINT + _without_hidden(text, found.start())
    raise RecordError(
        error(path, *place_of(text, found.start()), describe_hidden(found.group()), hint,
              "hidden-character")
    )  # fmt: skip


_ID_VALUE = re.compile(
    r"[ \t]*(?:-[ \t]+)?(?:[A-Za-z_][\w-]*:[ \t]+)?['\"]?([a-z0-9]+(?:-[a-z0-9]+)*)['\"]?[ \t]*"
)


def _without_hidden(text: str, at: int) -> str:
    """' Did you mean 'belfast'?' when the line is an id with the hidden characters taken out
    (a right-to-left override can make '\u202ebelfast' look like an id that exists)."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : end if end >= 0 else min(len(text), start + 400)][:400]
    found = _ID_VALUE.fullmatch(HIDDEN.sub("", line))
    return f" Did you mean '{found.group(1)}'?" if found else ""


HIDDEN_HINT = "Delete it: retype the text around this place, or paste it again as plain text."


def describe_hidden(character: str) -> str:
    """What is wrong with a character HIDDEN found, in words."""
    code = f"U+{ord(character):04X}"
    name = unicodedata.name(character, "")
    named = f"{code} {name}".strip()
    if character in _BIDI:
        return (
            f"This line holds an invisible character that changes the direction of text "
            f"({named}): text could show differently from what it says."
        )
    if character in _ZERO_WIDTH:
        return f"This line holds an invisible zero-width character ({named})."
    if character in "\u2028\u2029\x85":
        return f"This line ends with an unusual line break ({named}) that editors disagree on."
    return f"This line holds an invisible control character ({code})."
