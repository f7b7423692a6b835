"""Minimal text edits to YAML records: set a top-level key, add an item to a top-level list.

A record is edited as text, at the places PyYAML's composer reports, so every comment, blank
line, quoting style and the order of keys stay exactly as they were and a diff shows only the
change. A key that is not there yet goes after the nearest key before it in the schema's
order (the order the example records use), or first when none is present.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the same safe loader, in C


class EditError(Exception):
    """The record's text is not a YAML mapping that can be edited safely."""


class _Dumper(yaml.SafeDumper):
    """Block style throughout, lists indented under their key as in the example records, text
    with line breaks as a literal block ('|'), and no anchors for repeated values."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def dump(value: Any) -> str:
    """`value` as block YAML, with a final newline."""
    return yaml.dump(
        value,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100_000,
    )


def _dump_scalar(value: str | date | int | float | bool) -> str:
    return dump({"k": value})[3:].rstrip("\n")


def _root(text: str) -> yaml.MappingNode:
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        raise EditError(f"the record is not valid YAML: {exc}") from None
    if not isinstance(node, yaml.MappingNode):
        raise EditError("the record is not a set of 'key: value' lines")
    return node


def _top(root: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    return {k.value: (k, v) for k, v in root.value if isinstance(k, yaml.ScalarNode)}


def _content_end(node: yaml.Node) -> int:
    """Where the last value inside `node` ends: a block collection's own end mark lies after
    any comments that follow it, which belong to the next key."""
    if isinstance(node, yaml.MappingNode) and node.value and not node.flow_style:
        return _content_end(node.value[-1][1])
    if isinstance(node, yaml.SequenceNode) and node.value and not node.flow_style:
        return _content_end(node.value[-1])
    return node.end_mark.index


def _next_line(text: str, index: int) -> int:
    """The start of the line after the one holding position `index` (or `index` itself when
    it is already at the start of a line)."""
    if index == 0 or text[index - 1] == "\n":
        return index
    newline = text.find("\n", index)
    return len(text) if newline < 0 else newline + 1


def _eol(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def _with_eol(block: str, text: str) -> str:
    return block.replace("\n", _eol(text))


def _insert_at(text: str, key: str, order: Sequence[str], root: yaml.MappingNode) -> int:
    """Where a new top-level `key` goes: after the nearest present key before it in `order`."""
    present = _top(root)
    earlier = order[: order.index(key)] if key in order else order
    for name in reversed(earlier):
        if name in present:
            return _next_line(text, _content_end(present[name][1]))
    if root.value:
        first = root.value[0][0].start_mark.index
        return text.rfind("\n", 0, first) + 1
    return len(text)


def _splice(text: str, start: int, end: int, new: str) -> str:
    if start == len(text) and text and not text.endswith("\n"):
        new = _eol(text) + new
    return text[:start] + new + text[end:]


def set_value(text: str, key: str, value: Any, order: Sequence[str]) -> str:
    """`text` with top-level `key` set to `value` (a scalar, or a mapping or list)."""
    root = _root(text)
    present = _top(root).get(key)
    if present is None:
        block = _with_eol(dump({key: value}), text)
        return _splice(text, (at := _insert_at(text, key, order, root)), at, block)
    key_node, node = present
    if (
        isinstance(node, yaml.ScalarNode)
        and node.value != ""
        and not isinstance(value, dict | list)
    ):
        # Only the value's own characters change: a comment after it on the line stays.
        start, end = node.start_mark.index, node.end_mark.index
        kept = text[start:end][len(text[start:end].rstrip("\r\n")) :]
        return text[:start] + _dump_scalar(value) + kept + text[end:]
    start = text.rfind("\n", 0, key_node.start_mark.index) + 1
    end = _next_line(text, _content_end(node))
    return _splice(text, start, end, _with_eol(dump({key: value}), text))


def add_item(
    text: str, key: str, item: dict[str, Any], order: Sequence[str], *, first: bool = False
) -> str:
    """`text` with `item` added to the top-level list `key`, first or last, in the list's own
    indentation; the list is made when the record has none."""
    root = _root(text)
    present = _top(root).get(key)
    if present is None:
        block = _with_eol(dump({key: [item]}), text)
        return _splice(text, (at := _insert_at(text, key, order, root)), at, block)
    node = present[1]
    if not isinstance(node, yaml.SequenceNode) or node.flow_style or not node.value:
        items = _existing_items(node)
        return set_value(text, key, [item, *items] if first else [*items, item], order)
    column = node.start_mark.column
    lines = dump([item]).splitlines(keepends=True)
    block = _with_eol("".join(" " * column + line for line in lines), text)
    if first:
        at = text.rfind("\n", 0, node.value[0].start_mark.index) + 1
        return text[:at] + block + text[at:]
    return _splice(text, (at := _next_line(text, _content_end(node.value[-1]))), at, block)


def _existing_items(node: yaml.Node) -> list[Any]:
    """The items of an empty or flow-style list, to rewrite it in block style."""
    if isinstance(node, yaml.ScalarNode) and node.value in {"", "~", "null"}:
        return []
    if isinstance(node, yaml.SequenceNode):
        return yaml.safe_load(yaml.serialize(node)) or []
    raise EditError("the value to add to is not a list")
