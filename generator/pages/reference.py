"""The field reference (`/contribute/fields/`), generated from the JSON Schemas.

Titles, descriptions and allowed values come straight from `schema/*.schema.json`, so the docs
cannot drift from what the checks enforce.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

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
    key: str  # dotted: partners[].council
    depth: int
    title: str
    description: str
    kind: str  # plain-English type
    required: bool
    allowed: tuple[str, ...]


def _resolve(node: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """Follow a local `$ref`, keeping the property's own title and description."""
    ref = node.get("$ref", "")
    if not ref.startswith("#/$defs/"):
        return node
    target = schema.get("$defs", {}).get(ref.removeprefix("#/$defs/"), {})
    return {**_resolve(target, schema), **{k: v for k, v in node.items() if k != "$ref"}}


def _kind(node: dict[str, Any]) -> str:
    kind = node.get("type")
    if isinstance(kind, list):
        return " or ".join(kind)
    if kind == "array":
        item = node.get("items", {})
        if "oneOf" in item:  # e.g. a council id, or a group of fields about it
            kinds = (b.get("title", "").lower() or _kind(b) for b in item["oneOf"])
            return "list of " + " or ".join(kinds)
        return f"list of {_kind(item) if 'type' in item else 'items'}"
    if node.get("format") == "date":
        return "date (YYYY-MM-DD)"
    if node.get("format") == "uri":
        return "web address"
    return {"object": "group of fields", "boolean": "true or false"}.get(kind or "", kind or "")


def fields(kind: str, schema: dict[str, Any]) -> list[Field]:
    found: list[Field] = []

    def walk(node: dict[str, Any], prefix: str, anchor: str, depth: int) -> None:
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
                    key=f"{prefix}{key}",
                    depth=depth,
                    title=prop.get("title", key),
                    description=prop.get("description", ""),
                    kind=_kind(prop),
                    required=key in required,
                    allowed=tuple(str(a) for a in allowed),
                )
            )
            child = items if items.get("properties") else prop
            if child.get("properties"):
                suffix = "[]." if items.get("properties") else "."
                walk(child, f"{prefix}{key}{suffix}", f"{anchor}-{key}", depth + 1)

    walk(schema, "", kind, 0)
    return found


def fields_page(inputs: SiteInputs) -> Page:
    kinds = []
    for kind, heading, file in RECORD_FILES:
        text = inputs.schemas.get(f"{kind}.schema.json")
        if text:
            schema = json.loads(text)
            kinds.append((kind, heading, file, schema.get("description", ""), fields(kind, schema)))
    path = "contribute/fields.md"
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
        path="contribute/approvals.md",
        title="Who approves changes",
        description="How each council's records change only with its own people's approval: "
        "code owners, branch protection and the checks on every pull request.",
        body=body,
    )
