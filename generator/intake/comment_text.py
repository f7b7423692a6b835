"""Which lines of a comment GitHub shows as ordinary text, and the commands among them.

A command acts only where a reader sees it as a command: a line of ordinary text that starts
with `/reviewed`, `/update` or `/retire`. Lines GitHub shows as code (fenced, or indented four
spaces after a blank line), inside a quotation (`>`, and the lines that run on from it) or hidden
(an HTML comment) never act, so quoting someone's `/retire` does not retire anything.

The reading is one pass over the lines, so a 65 KB comment takes no longer than reading it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WORDS = ("reviewed", "update", "retire")
# The command word, then the end of the line, a space or a colon ('/update: went live'); so
# '/reviewed-by-me' and '/updates' are not commands.
_COMMAND = re.compile(r"/(reviewed|update|retire)(?=[ \t:]|$)", re.IGNORECASE)
_FENCE = re.compile(r"(`{3,}|~{3,})")
MAX_LINE = 4_000  # longer lines are cut before any pattern looks at them


@dataclass(frozen=True)
class Command:
    word: str  # reviewed, update or retire
    text: str  # what follows the command: its line and the rest of its paragraph


def _indent(line: str) -> int:
    width = 0
    for char in line:
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4 - width % 4
        else:
            break
    return width


def text_lines(body: str) -> list[str | None]:
    """The comment's lines: the line when GitHub shows it as ordinary text, None when it is
    code, quotation or hidden; '' for a blank line (which ends a paragraph)."""
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    shown: list[str | None] = []
    fence = ""  # the open code fence, if any
    comment = False  # inside <!-- -->
    quoted = False  # a paragraph inside a quotation runs on until a blank line
    previous_blank = True
    for raw in lines:
        line = raw[:MAX_LINE]
        stripped = line.strip()
        blank = not stripped
        if fence:
            closing = _FENCE.match(line.lstrip(" "))
            if closing and _indent(line) < 4 and line.strip().startswith(fence[0] * len(fence)):
                fence = ""
            shown.append(None)
        elif comment:
            comment = "-->" not in line
            shown.append(None)
        elif blank:
            quoted = False
            shown.append("")
        elif _indent(line) >= 4 and (previous_blank or (shown[-1] is None and not quoted)):
            shown.append(None)  # indented code: after a blank line, or more code
        elif (line.lstrip(" ").startswith(">") and _indent(line) < 4) or quoted:
            quoted = True
            shown.append(None)
        elif (opening := _FENCE.match(line.lstrip(" "))) and _indent(line) < 4:
            fence = opening.group(1)
            shown.append(None)
        elif stripped.startswith("<!--"):
            comment = "-->" not in stripped[4:]
            shown.append(None)
        else:
            shown.append(line)
        previous_blank = blank
    return shown


def parse_commands(body: str) -> list[Command]:
    """Every command in the comment, in order. A command's text is the rest of its line and of
    its paragraph, line breaks kept; the paragraph ends at a blank line, at something that is
    not ordinary text, or at the next command."""
    shown = text_lines(body)
    found: list[Command] = []
    index = 0
    while index < len(shown):
        line = shown[index]
        index += 1
        if not line or _indent(line) >= 4:
            continue
        match = _COMMAND.match(line.lstrip(" "))
        if match is None:
            continue
        rest = [line.lstrip(" ")[match.end() :].removeprefix(":").strip()]
        while index < len(shown) and shown[index] and not _starts_command(shown[index]):
            rest.append(str(shown[index]).strip())
            index += 1
        found.append(Command(match.group(1).lower(), "\n".join(rest).strip("\n")))
    return found


def _starts_command(line: str | None) -> bool:
    return bool(line) and _indent(str(line)) < 4 and bool(_COMMAND.match(str(line).lstrip(" ")))


def holds_command(body: str) -> bool:
    return bool(parse_commands(body))
