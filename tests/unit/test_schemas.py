"""The schemas: valid JSON Schema, documented for officers, in step with the vocabulary."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from tests.conftest import PROJECT_ROOT

SCHEMAS = sorted((PROJECT_ROOT / "schema").glob("*.schema.json"))


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def properties(schema: dict[str, Any], where: str = "") -> Iterator[tuple[str, dict, dict]]:
    """(place, property schema, parent object schema) for every property, nested ones too."""
    defs = schema.get("$defs", {})

    def visit(node: Any, place: str) -> Iterator[tuple[str, dict, dict]]:
        if not isinstance(node, dict):
            return
        if "$ref" in node and node["$ref"].startswith("#/$defs/"):
            yield from visit(defs[node["$ref"].removeprefix("#/$defs/")], place)
        for name, sub in node.get("properties", {}).items():
            yield f"{place}.{name}", sub, node
            yield from visit(sub, f"{place}.{name}")
        for key in ("items", "additionalProperties"):
            if isinstance(node.get(key), dict):
                yield from visit(node[key], f"{place}[]")
        for key in ("oneOf", "anyOf", "allOf"):
            for branch in node.get(key, []):
                yield from visit(branch, place)

    yield from visit(schema, where)


def test_the_three_kinds_have_schemas() -> None:
    assert [p.name for p in SCHEMAS] == [
        "council.schema.json",
        "makerday.schema.json",
        "project.schema.json",
    ]


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_schema_is_valid_2020_12(path: Path) -> None:
    schema = load(path)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_every_property_is_documented_and_objects_are_closed(path: Path) -> None:
    schema = load(path)
    assert schema.get("additionalProperties") is False
    for place, prop, parent in properties(schema):
        assert prop.get("title"), f"{path.name}{place} has no title"
        assert prop.get("description"), f"{path.name}{place} has no description"
        assert parent.get("additionalProperties") is False, f"{path.name}{place}: parent is open"


def test_service_area_enum_matches_the_vocabulary() -> None:
    vocabulary = yaml.safe_load((PROJECT_ROOT / "schema" / "service-areas.yml").read_text())
    ids = [area["id"] for area in vocabulary]
    assert 15 <= len(ids) <= 30
    assert len(set(ids)) == len(ids)
    for area in vocabulary:
        assert area["name"] and area["description"]
    enum = load(PROJECT_ROOT / "schema" / "project.schema.json")["properties"]["service_areas"]
    assert sorted(enum["items"]["enum"]) == sorted(ids)


def test_contract_keys_are_kept() -> None:
    """The record contract's key names are public: none may be renamed or dropped."""
    contract = {
        "project": "title summary description phase lead_council partners collaboration "
        "looking_for pledges target budget service_areas tags reusable reuse links contact "
        "maintainers started next_assessment updates last_reviewed challenge",
        "council": "name short_name gss_code register_code type nation region website joined "
        "links maintainers",
        "makerday": "title start end venue hosts registration sponsors challenges outputs",
    }
    for kind, keys in contract.items():
        schema = load(PROJECT_ROOT / "schema" / f"{kind}.schema.json")
        assert set(keys.split()) <= set(schema["properties"]), kind
