"""Turning one YAML scalar into a value, refusing the readings that YAML editors disagree on.

PyYAML reads YAML 1.1, where `yes` is true, `010` is 8 (octal) and `1:30` is 90 (sexagesimal);
an editor or another tool reading YAML 1.2 sees the text "yes" and the numbers 10 and "1:30".
A record must mean the same thing everywhere, so only the readings both versions share are
accepted: true/false, plain decimal numbers, null. Anything else that YAML 1.1 would read as a
number or true/false is refused with a message saying how to write what was meant. Numbers
must also be finite (`.inf`, `.nan` and 1.0e+400 are not amounts of anything).
"""

from __future__ import annotations

import math
import re
from typing import Any

import yaml

from generator.loading.text_checks import HIDDEN, describe_hidden

_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}
_KEPT_AS_TEXT = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"}
_MERGE = "tag:yaml.org,2002:merge"
_VALUE = "tag:yaml.org,2002:value"  # a plain `=`, which YAML 1.2 reads as text

_SAME_BOOL = {"true", "True", "TRUE", "false", "False", "FALSE"}
_SAME_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_SAME_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
# Numbers in YAML 1.2 that PyYAML (YAML 1.1) reads as text: 1e5 (no dot), 0o17 (octal).
_YAML12_NUMBER = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|0o[0-7]+")
MAX_NUMBER_LENGTH = 40  # longer digit strings are typos, and int() of huge ones is slow

_constructor = yaml.constructor.SafeConstructor()


class ScalarProblem(Exception):
    """A scalar that cannot become a record value: message, hint, rule (the caller places it)."""

    def __init__(self, message: str, hint: str, rule: str) -> None:
        super().__init__(message)
        self.message, self.hint, self.rule = message, hint, rule


def is_standard(tag: str | None) -> bool:
    return tag in _STANDARD_TAGS


# Plain scalar text -> its value. Keys and enum values repeat in every record, and resolving
# a plain scalar (is it a number? true/false? null?) runs several regular expressions.
_plain_values: dict[str, Any] = {}
_PLAIN_CACHE_SIZE = 20_000
_PLAIN_CACHE_LENGTH = 100
_UNSEEN = object()


def scalar_value(event: yaml.ScalarEvent, loader: Any) -> Any:
    """The value of a scalar event; raises ScalarProblem for one a record cannot hold."""
    if event.style == '"':
        _refuse_escaped_hidden(event.value)
    if event.tag is None:
        if not event.implicit[0]:
            return event.value  # quoted or block text: always text
        known = _plain_values.get(event.value, _UNSEEN)
        if known is not _UNSEEN:
            return known
        value = _resolved(event, loader)
        if len(event.value) <= _PLAIN_CACHE_LENGTH and len(_plain_values) < _PLAIN_CACHE_SIZE:
            _plain_values[event.value] = value
        return value
    return _resolved(event, loader)


def _refuse_escaped_hidden(value: str) -> None:
    """Double quotes can spell any character as an escape ("\\u202e", "\\x1b"), out of sight
    of the check on the file's raw text; the same characters are refused here."""
    found = HIDDEN.search(value) or _CARRIAGE_RETURN.search(value)
    if found:
        raise ScalarProblem(
            describe_hidden(found.group()).replace("This line holds", "This quoted text holds"),
            "Remove the escape that writes it (a backslash followed by letters and digits).",
            "hidden-character",
        )


_CARRIAGE_RETURN = re.compile("\r")


def _resolved(event: yaml.ScalarEvent, loader: Any) -> Any:
    explicit = bool(event.tag and event.tag != "!")
    tag = event.tag if explicit else loader.resolve(yaml.ScalarNode, event.value, event.implicit)
    if tag == _MERGE:
        raise ScalarProblem(
            "Merge keys ('<<') are not supported in records.",
            "Write the keys out in full.",
            "yaml-merge",
        )
    if tag == _VALUE and not explicit:
        return event.value
    if tag not in _STANDARD_TAGS:
        raise ScalarProblem(
            f"The tag '{tag}' is not allowed in records.",
            "Remove it: records hold plain text, numbers, dates, true/false, lists and mappings.",
            "yaml-tag",
        )
    if tag in _KEPT_AS_TEXT:
        if not explicit and event.implicit[0] and _YAML12_NUMBER.fullmatch(event.value):
            raise ScalarProblem(
                f"'{event.value}' is read as text by some YAML tools and as a number by others.",
                f"Write the number in plain digits (e.g. 100000 for 1e5), or put it in quotes "
                f'("{event.value}") if it is text.',
                "yaml-ambiguous",
            )
        return event.value
    text = event.value.strip()
    if tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float"):
        if len(text) > MAX_NUMBER_LENGTH:
            raise ScalarProblem(
                f"This number is {len(text)} characters long: no record needs one so large.",
                "Check the number; put it in quotes if it is a code rather than an amount.",
                "number-too-long",
            )
        if not explicit:
            _refuse_ambiguous_number(text, tag)
    elif tag == "tag:yaml.org,2002:bool" and not explicit and text not in _SAME_BOOL:
        meaning = "true" if _constructor.bool_values[text.lower()] else "false"
        raise ScalarProblem(
            f"'{text}' is read as {meaning} by some YAML tools and as the word '{text}' by others.",
            f'Write {meaning} if you mean yes or no, or put it in quotes ("{text}") if you '
            "mean the word.",
            "yaml-ambiguous",
        )
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark)
    value = _constructor.yaml_constructors[tag](_constructor, node)
    if isinstance(value, float) and not math.isfinite(value):
        raise ScalarProblem(
            f"'{text}' is not a number that can be counted (it is infinite or 'not a number').",
            "Write an ordinary number such as 5000, or remove the line.",
            "number-not-finite",
        )
    return value


def _refuse_ambiguous_number(text: str, tag: str) -> None:
    if tag.endswith(":int") and _SAME_INT.fullmatch(text):
        return
    special = text.lower().endswith(("inf", "nan"))  # refused once built, with their own words
    if tag.endswith(":float") and (special or _SAME_FLOAT.fullmatch(text)):
        return
    digits = text.lstrip("+-")
    if ":" in text:
        reading = "a number of minutes and seconds (1:30 becomes 90)"
    elif digits.startswith(("0x", "0X")):
        reading = "a hexadecimal number"
    elif digits.startswith(("0b", "0B")):
        reading = "a binary number"
    elif "_" in text:
        reading = "a number with its underscores dropped"
    else:
        reading = "an octal number (010 becomes 8)"
    raise ScalarProblem(
        f"'{text}' is read as {reading} by some YAML tools and differently by others.",
        f'Put it in quotes ("{text}") if it is text such as a code or a time, or write the '
        "number you mean in plain digits, without leading zeros.",
        "yaml-ambiguous",
    )
