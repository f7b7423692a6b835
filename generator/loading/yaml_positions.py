"""Safe YAML loading that remembers where every key and value is.

PyYAML's composer is recursive, keeps the last of two duplicate keys and expands aliases
without limit, so records are built here from the parser's event stream instead: iteratively,
with limits on depth and on the number of values an alias may expand to. Only plain data comes
out (mappings, lists, text, numbers, booleans, null); dates stay as their ISO text so that the
schema, not the YAML library, decides whether a date is real.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from generator.loading.scalars import ScalarProblem, is_standard, scalar_value
from generator.loading.text_checks import place_of
from generator.problems import describe_path

Path = tuple[str | int, ...]
Position = tuple[int, int]

MAX_DEPTH = 32
# Far more than any record needs (its lists are capped by the schemas), and few enough that the
# slowest file to read, 256 KiB of nested brackets, is refused within a fraction of a second.
MAX_VALUES = 50_000

_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlProblem(Exception):
    """The text cannot be turned into a record; `line` and `column` are 1-based."""

    def __init__(self, message: str, hint: str, line: int, column: int, rule: str) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.line = line
        self.column = column
        self.rule = rule


@dataclass
class Document:
    """A loaded YAML mapping and the place of each value and key in the file.

    Places are needed only to report a problem, and recording them costs as much as building
    the data, so they are worked out again from the text the first time they are asked for.
    """

    data: Any
    text: str = field(default="", repr=False)
    _places: _Built | None = field(default=None, repr=False, compare=False)

    @property
    def values(self) -> dict[Path, Position]:
        return self._placed().values

    @property
    def keys(self) -> dict[Path, Position]:
        return self._placed().keys

    def _placed(self) -> _Built:
        if self._places is None:
            self._places = _build(self.text, track=True)
        return self._places

    def position(self, path: Path, *, key: bool = False) -> Position:
        """Where `path` is, or the nearest enclosing value that exists (for missing keys)."""
        path = tuple(path)
        if key and path in self.keys:
            return self.keys[path]
        while path:
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), (1, 1))


@dataclass(slots=True)
class _Built:
    """What one pass over the parser's events makes: the data and, if tracked, the places."""

    track: bool
    data: Any = None
    values: dict[Path, Position] = field(default_factory=dict)
    keys: dict[Path, Position] = field(default_factory=dict)


class _NeedsPlaces(Exception):
    """A problem whose message needs places that were not tracked: build again with them."""


@dataclass(slots=True)
class _Frame:
    container: dict[str, Any] | list[Any]
    path: Path
    anchor: str | None
    count: int = 1
    key: str | None = None
    has_key: bool = False
    key_mark: Any = None  # where the pending key is (a parser mark, made a Position if needed)


def _at(mark: Any) -> Position:
    return (mark.line + 1, mark.column + 1)


def _scalar(event: yaml.ScalarEvent, loader: Any, stack: list[_Frame], track: bool) -> Any:
    try:
        return scalar_value(event, loader)
    except ScalarProblem as exc:
        if not track:
            raise _NeedsPlaces from None  # the field's full name needs the places
        # Named by its field ('nation: ...'), as the schema's messages are.
        frame = stack[-1] if stack else None
        message = exc.message
        if frame is not None and isinstance(frame.container, dict) and frame.has_key:
            message = f"{describe_path((*frame.path, str(frame.key)))}: {message}"
        elif frame is not None and isinstance(frame.container, list):
            message = f"{describe_path((*frame.path, len(frame.container)))}: {message}"
        raise YamlProblem(message, exc.hint, *_at(event.start_mark), exc.rule) from None


def _describe_key(key: Any) -> str:
    if isinstance(key, bool):
        return f"'{key}' is read as true/false"
    if key is None:
        return "an empty key is read as null"
    return f"{key!r} is read as a number"


def load_document(text: str) -> Document:
    """Build a Document from YAML text, or raise YamlProblem saying where and why."""
    try:
        built = _build(text, track=False)
    except _NeedsPlaces:
        built = _build(text, track=True)  # raises the problem, now with its places
    return Document(built.data, text)


def _build(text: str, *, track: bool) -> _Built:
    # Over 60 lines on purpose: one loop over every YAML event of every record, where a call per
    # event would cost more than the rest of loading; each branch is one kind of event.
    doc = _Built(track)
    stack: list[_Frame] = []
    anchors: dict[str, tuple[Any, int]] = {}
    total = 0
    documents = 0
    loader = _Parser(text)
    try:
        get_event = loader.get_event
        while True:
            event = get_event()
            kind = type(event)  # compared with `is`: this loop runs once per YAML token
            if kind is yaml.ScalarEvent:
                value, count = _scalar(event, loader, stack, track), 1
                if event.anchor:
                    anchors[event.anchor] = (value, 1)
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                frame = stack.pop()
                if frame.has_key:
                    raise YamlProblem(
                        "A key has no value.",
                        "Give it a value.",
                        *_at(frame.key_mark),
                        "yaml-syntax",
                    )
                if frame.anchor:
                    anchors[frame.anchor] = (frame.container, frame.count)
                _add(doc, stack, frame.container, frame.count, None)
                continue
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                at = _at(event.start_mark)
                if len(stack) >= MAX_DEPTH:
                    raise YamlProblem(
                        f"The record is nested more than {MAX_DEPTH} levels deep.",
                        "Records are shallow: check the indentation around this line.",
                        *at,
                        "yaml-depth",
                    )
                if event.tag and not is_standard(event.tag) and event.tag != "!":
                    raise YamlProblem(
                        f"The tag '{event.tag}' is not allowed in records.",
                        "Remove it: records hold plain data only.",
                        *at,
                        "yaml-tag",
                    )
                total += 1
                if total > MAX_VALUES:
                    raise _too_many(at, bool(anchors))
                path = _child_path(stack, at, track)
                if track:
                    doc.values[path] = at
                container: dict[str, Any] | list[Any] = {} if kind is yaml.MappingStartEvent else []
                stack.append(_Frame(container, path, event.anchor))
                continue
            elif kind is yaml.AliasEvent:
                if event.anchor not in anchors:
                    raise YamlProblem(
                        f"The alias '*{event.anchor}' refers to no anchor.",
                        "Write the value out in full instead of using '*'.",
                        *_at(event.start_mark),
                        "yaml-alias",
                    )
                value, count = anchors[event.anchor]
            elif event is None or kind is yaml.StreamEndEvent:
                break
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise YamlProblem(
                        "This file holds more than one YAML document.",
                        "Keep one record per file: remove the extra '---' line and what follows.",
                        *_at(event.start_mark),
                        "yaml-documents",
                    )
                continue
            else:  # stream start, document end
                continue
            total += count
            if total > MAX_VALUES:
                raise _too_many(_at(event.start_mark), bool(anchors))
            _add(doc, stack, value, count, event.start_mark)
    except yaml.MarkedYAMLError as exc:
        raise _syntax_problem(exc) from None
    except yaml.reader.ReaderError as exc:  # a character YAML refuses, placed by its index
        raise YamlProblem(
            f"This character cannot appear in a YAML file (code {exc.character!r}).",
            "Delete it, or retype the text around it.",
            *place_of(text, exc.position),
            "yaml-syntax",
        ) from None
    except yaml.YAMLError as exc:  # errors without a position
        raise YamlProblem(str(exc), "Check the file's text.", 1, 1, "yaml-syntax") from None
    finally:
        loader.dispose()
    return doc


def _too_many(at: Position, aliased: bool) -> YamlProblem:
    if aliased:
        return YamlProblem(
            "This file expands to far too many values (aliases that repeat each other).",
            "Write the record out plainly, without '&' anchors and '*' aliases.",
            *at,
            "yaml-bomb",
        )
    return YamlProblem(
        f"This file holds more than {MAX_VALUES:,} values, far more than any record needs.",
        "Check the file: it may have been generated by mistake or pasted in twice.",
        *at,
        "too-many-values",
    )


def _child_path(stack: list[_Frame], at: Position, track: bool) -> Path:
    if not stack:
        return ()
    frame = stack[-1]
    if isinstance(frame.container, list):
        return (*frame.path, len(frame.container)) if track else ()
    if not frame.has_key:
        raise YamlProblem(
            "A key is a list or a mapping.",
            "Keys must be plain words such as 'title'.",
            *at,
            "yaml-key",
        )
    return (*frame.path, frame.key) if track else ()  # type: ignore[arg-type]


def _add(doc: _Built, stack: list[_Frame], value: Any, count: int, mark: Any) -> None:
    """Place a finished value into the collection being built (or make it the document).

    `mark` is where a scalar or alias starts (None for a finished collection, whose place is
    recorded when it starts); it becomes a Position only when one is recorded or reported."""
    if not stack:
        doc.data = value
        if mark is not None and doc.track:
            doc.values[()] = _at(mark)  # a file that is a single value: say where it is
        return
    frame = stack[-1]
    frame.count += count
    if isinstance(frame.container, list):
        if mark is not None and doc.track:
            doc.values[(*frame.path, len(frame.container))] = _at(mark)
        frame.container.append(value)
        return
    if not frame.has_key:
        assert mark is not None  # collections as keys are refused in _child_path
        if not isinstance(value, str):
            raise YamlProblem(
                f"The key {_describe_key(value)}, not as a name.",
                "Keys must be names such as 'title'; put this one in quotes if you meant it.",
                *_at(mark),
                "yaml-key",
            )
        if value in frame.container:
            if not doc.track:
                raise _NeedsPlaces
            first = doc.keys[(*frame.path, value)][0]
            raise YamlProblem(
                f"The key '{value}' appears twice in the same mapping (first on line {first}).",
                "Keep one of them: YAML would silently use only the last.",
                *_at(mark),
                "duplicate-key",
            )
        if value == "<<":  # quoted: not a merge key to PyYAML, but to a reader it looks like one
            raise YamlProblem(
                "Merge keys ('<<') are not supported in records.",
                "Write the keys out in full.",
                *_at(mark),
                "yaml-merge",
            )
        frame.key, frame.has_key, frame.key_mark = value, True, mark
        if doc.track:
            doc.keys[(*frame.path, value)] = _at(mark)
        return
    if mark is not None and doc.track:
        doc.values[(*frame.path, frame.key)] = _at(mark)
    frame.container[frame.key] = value  # type: ignore[index]
    frame.has_key = False


_PLAIN_ENGLISH = [
    (
        # libyaml 0.2.5+ (in PyYAML 6.0.3+) stops at 1,000 levels itself, before MAX_DEPTH is
        # reached in _build.
        "exceeded maximum nesting depth",
        f"The record is nested more than {MAX_DEPTH} levels deep.",
        "Records are shallow: check the brackets and indentation around this line.",
    ),
    (
        "mapping values are not allowed",
        "A colon ':' appears where YAML does not expect one.",
        "If the text contains ': ', put the whole value in quotes, "
        'e.g. summary: "Bins: a guide".',
    ),
    (
        "could not find expected ':'",
        "YAML expected a 'key: value' line here.",
        "Check that the line has a colon after its key and lines up with its neighbours.",
    ),
    (
        "found character '\\t'",
        "This line uses a tab character.",
        "YAML allows only spaces for indentation: replace the tab with spaces.",
    ),
    (
        "found unexpected end of stream",
        "The file ends inside a quoted text.",
        "Close the quote that was opened (\" or ').",
    ),
    (
        "expected <block end>",
        "The indentation here does not match the lines above.",
        "Line this key up with the other keys at the same level (use 2 spaces per level).",
    ),
    (
        "found undefined alias",
        "An alias ('*name') refers to no anchor.",
        "Write the value out in full instead of using '*'.",
    ),
]


def _syntax_problem(exc: yaml.MarkedYAMLError) -> YamlProblem:
    mark = exc.problem_mark or exc.context_mark
    line, column = _at(mark) if mark else (1, 1)
    problem = exc.problem or "the YAML is not valid"
    if "maximum nesting depth" in problem:  # libyaml 0.2.5+ stops runaway nesting itself
        return YamlProblem(
            f"The record is nested more than {MAX_DEPTH} levels deep.",
            "Records are shallow: check the indentation around this line.",
            line,
            column,
            "yaml-depth",
        )
    for needle, message, hint in _PLAIN_ENGLISH:
        if needle in problem:
            return YamlProblem(message, hint, line, column, "yaml-syntax")
    return YamlProblem(
        f"The YAML is not valid here: {problem}.",
        "Check the indentation, colons and quotes on this line and the one before.",
        line,
        column,
        "yaml-syntax",
    )
