"""The field reference (`/contribute/fields/`), generated from the JSON Schemas.

Titles, descriptions and allowed values come straight from `schema/*.schema.json`, so the docs
cannot drift from what the checks enforce.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import yaml

from generator.ownership import codeowners
from generator.pages.model import Page, SiteInputs
from generator.pages.templating import render

RECORD_FILES = (
    ("project", "Projects", "projects/<id>.yml"),
    ("council", "Councils", "councils/<id>.yml"),
    ("makerday", "Maker days", "makerdays/<id>.yml"),
)


@dataclass(frozen=True)
class Field:
    anchor: str
    key: str  # its own name: council
    parent: str  # the field it sits inside ('partners'), or '' at the top of the record
    in_each: bool  # inside each entry of a list (partners), not a single group (target)
    depth: int
    title: str
    description: str
    kind: str  # plain-English type
    required: bool
    allowed: tuple[str, ...]
    example: str  # a few lines of YAML showing the field in its place


def _resolve(node: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """Follow a local `$ref`, keeping the property's own title and description."""
    ref = node.get("$ref", "")
    if not ref.startswith("#/$defs/"):
        return node
    target = schema.get("$defs", {}).get(ref.removeprefix("#/$defs/"), {})
    return {**_resolve(target, schema), **{k: v for k, v in node.items() if k != "$ref"}}


_WORDS = {
    "string": ("text", "text items"),
    "number": ("a number", "numbers"),
    "integer": ("a whole number", "whole numbers"),
    "boolean": ("true or false", "true or false values"),
    "object": ("a group of the fields below", "entries, each with the fields below"),
}
_FORMATS = {
    "date": ("a date, written year-month-day", "dates, written year-month-day"),
    "uri": ("a web address", "web addresses"),
    "email": ("an email address", "email addresses"),
}


def _kind(node: dict[str, Any], schema: dict[str, Any], many: bool = False) -> str:
    """What a field holds, in the words an officer would use."""
    if node.get("enum"):
        return "one of the allowed values" if not many else "allowed values"
    kind = node.get("type")
    if kind == "array":
        item = _resolve(node.get("items", {}), schema)
        if "oneOf" in item:  # e.g. a council id, or a group of fields about it
            forms = [_resolve(b, schema) for b in item["oneOf"]]
            kinds = (
                "a group of the fields below"
                if f.get("properties")
                else f"a {f['title'].lower()}"
                if f.get("title")
                else _kind(f, schema)
                for f in forms
            )
            return "a list; each entry is " + " or ".join(kinds)
        return f"a list of {_kind(item, schema, many=True)}"
    words = _FORMATS.get(node.get("format", "")) or _WORDS.get(kind or "")
    if words is None:
        return "text" if not many else "text items"
    return words[1] if many else words[0]


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _example(node: dict[str, Any], schema: dict[str, Any]) -> Any:
    """A value for the field: its schema's example, else its first allowed value, else one
    built from its parts."""
    if node.get("examples"):
        value = node["examples"][0]
    elif node.get("oneOf"):  # the first, simplest form
        return _example(_resolve(node["oneOf"][0], schema), schema)
    elif node.get("enum"):
        value = node["enum"][0]
    elif node.get("type") == "array":
        return [_example(_resolve(node.get("items", {}), schema), schema)]
    elif node.get("properties"):
        return {
            key: _example(_resolve(child, schema), schema)
            for key, child in node["properties"].items()
            if not _resolve(child, schema).get("properties") or key in node.get("required", [])
        }
    elif node.get("format") == "date":
        value = "2026-03-01"
    elif node.get("format") == "uri":
        value = "https://www.example.gov.uk"
    elif node.get("type") == "boolean":
        value = True
    else:
        value = ""
    # Dates as YAML dates (2027-01-31), not quoted text, as records write them.
    return date.fromisoformat(value) if isinstance(value, str) and _DATE.match(value) else value


class _RecordStyle(yaml.SafeDumper):
    """Lists indented under their key, as the records write them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _yaml(value: Any) -> str:
    text = yaml.dump(value, Dumper=_RecordStyle, sort_keys=False, allow_unicode=True, width=88)
    return text.rstrip()


def fields(kind: str, schema: dict[str, Any]) -> list[Field]:
    found: list[Field] = []

    def walk(
        node: dict[str, Any],
        place: Callable[[Any], Any],
        parent: str,
        in_each: bool,
        anchor: str,
        depth: int,
    ) -> None:
        required = set(node.get("required", []))
        for key, raw in node.get("properties", {}).items():
            prop = _resolve(raw, schema)
            items = _resolve(prop.get("items", {}), schema) if prop.get("type") == "array" else {}
            if "oneOf" in items:  # items written either of two ways: say both, list the fields
                branches = [_resolve(b, schema) for b in items["oneOf"]]
                prop = {**prop, "items": {**items, "oneOf": branches}}
                items = next((b for b in branches if b.get("properties")), items)
            allowed = prop.get("enum") or items.get("enum") or ()
            found.append(
                Field(
                    anchor=f"{anchor}-{key}".replace("_", "-"),
                    key=key,
                    parent=parent,
                    in_each=in_each,
                    depth=depth,
                    title=prop.get("title", key),
                    description=prop.get("description", ""),
                    kind=_kind(prop, schema),
                    required=key in required,
                    allowed=tuple(str(a) for a in allowed),
                    example=_yaml(place({key: _example(prop, schema)})),
                )
            )
            child = items if items.get("properties") else prop
            if not child.get("properties"):
                continue
            each = bool(items.get("properties"))
            walk(child, _nest(place, key, as_list=each), key, each, f"{anchor}-{key}", depth + 1)

    walk(schema, lambda value: value, "", False, kind, 0)
    return found


def _nest(place: Callable[[Any], Any], key: str, *, as_list: bool) -> Callable[[Any], Any]:
    """Put a nested field's example inside its parent, as it sits in a record."""
    return lambda value: place({key: [value] if as_list else value})


def fields_page(inputs: SiteInputs) -> Page:
    kinds = []
    for kind, heading, file in RECORD_FILES:
        text = inputs.schemas.get(f"{kind}.schema.json")
        if text:
            schema = json.loads(text)
            kinds.append((kind, heading, file, schema.get("description", ""), fields(kind, schema)))
    path = "contribute/fields/index.md"
    return Page(
        path=path,
        title="Field reference",
        description="Every field of Pipeline's project, council and maker-day records, with "
        "what it means and the values it accepts, generated from the JSON Schemas.",
        body=render(
            "fields.html.j2",
            path,
            kinds=kinds,
            service_areas=inputs.catalogue.service_areas,
        ),
        raw_html=True,
    )


def approvals_page() -> Page:
    """'Who approves changes': the same text as CONTRIBUTING.md's section, from the package."""
    guide = codeowners.guide()
    # The guide is written for CONTRIBUTING.md, where it is a section; here it is the page.
    body = guide.split("\n", 1)[1] if guide.startswith("## ") else guide
    # Its sections ("###") move up a level, so no heading level is skipped after the h1.
    body = re.sub(r"^#(#+ )", r"\1", body, flags=re.MULTILINE)
    return Page(
        path="contribute/approvals/index.md",
        title="Who approves changes",
        description="How each council's records change only with its own people's approval: "
        "code owners, branch protection and the checks on every pull request.",
        body=body,
    )
