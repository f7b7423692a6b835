"""The issue forms for officers who don't use Git: valid GitHub issue forms that ask for what the
schemas need, with choices that cannot drift from the schemas' lists."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema.validators import validator_for

from tests.conftest import PROJECT_ROOT

FOLDER = PROJECT_ROOT / ".github" / "ISSUE_TEMPLATE"
FORMS = sorted(p for p in FOLDER.glob("*.yml") if p.name != "config.yml")
SCHEMAS = PROJECT_ROOT / "schema"


def load(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def schema(kind: str) -> dict[str, Any]:
    return json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))


def enum(kind: str, *path: str) -> list[str]:
    node = schema(kind)
    for key in path:
        node = node["items"] if key == "[]" else node["properties"][key]
    return node["enum"]


# Every dropdown's id says which list in the schemas it offers.
DROPDOWN_ENUMS = {
    "phase": ("project", "phase"),
    "new_phase": ("project", "updates", "[]", "phase"),  # a project moves to a known phase
    "collaboration": ("project", "collaboration"),
    "budget": ("project", "budget"),
    "service_areas": ("project", "service_areas", "[]"),
    "looking_for": ("project", "looking_for", "[]", "role"),
    "role": ("project", "partners", "[]", "role"),
    "pledge_kind": ("project", "pledges", "[]", "kind"),
    "type": ("council", "type"),
    "nation": ("council", "nation"),
}


def vendored_schema(name: str) -> dict[str, Any]:
    """GitHub's form schemas as check-jsonschema ships them (from SchemaStore)."""
    vendor = files("check_jsonschema.builtin_schemas.vendor")
    return json.loads((vendor / f"{name}.json").read_text(encoding="utf-8"))


def elements(form: dict[str, Any], kind: str | None = None) -> list[dict[str, Any]]:
    return [e for e in form["body"] if kind is None or e["type"] == kind]


def test_the_five_forms_exist() -> None:
    assert {p.stem for p in FORMS} == {
        "propose-project",
        "join-project",
        "update-project",
        "propose-challenge",
        "sign-up-council",
    }


@pytest.mark.parametrize("path", FORMS, ids=lambda p: p.name)
def test_form_is_a_valid_github_issue_form(path: Path) -> None:
    form = load(path)
    assert {"name", "description", "body"} <= set(form)
    checker = validator_for(vendored_schema("github-issue-forms"))
    errors = [e.message for e in checker(vendored_schema("github-issue-forms")).iter_errors(form)]
    assert errors == []
    ids = [e["id"] for e in elements(form) if "id" in e]
    assert len(ids) == len(set(ids)), "ids must be unique within a form"
    labels = [e["attributes"]["label"] for e in elements(form) if e["type"] != "markdown"]
    assert len(labels) == len(set(labels)), "labels must be unique within a form"
    assert "stale" not in form.get("labels", []), "only the stale workflow applies that label"


def test_config_is_valid() -> None:
    config = load(FOLDER / "config.yml")
    checker = validator_for(vendored_schema("github-issue-config"))
    assert list(checker(vendored_schema("github-issue-config")).iter_errors(config)) == []


@pytest.mark.parametrize("path", FORMS, ids=lambda p: p.name)
def test_dropdowns_offer_exactly_the_schema_lists(path: Path) -> None:
    """Options read 'value: explanation'; the values must be the schema's enum, in order."""
    for dropdown in elements(load(path), "dropdown"):
        assert dropdown["id"] in DROPDOWN_ENUMS, f"{dropdown['id']}: say which schema list"
        options = dropdown["attributes"]["options"]
        values = [option.split(":", 1)[0] for option in options]
        assert values == enum(*DROPDOWN_ENUMS[dropdown["id"]]), dropdown["id"]
        assert all(": " in option for option in options), "explain each value in plain English"


def test_service_area_choices_match_the_vocabulary_file() -> None:
    form = load(FOLDER / "propose-project.yml")
    (areas,) = [e for e in elements(form, "dropdown") if e["id"] == "service_areas"]
    vocabulary = yaml.safe_load((SCHEMAS / "service-areas.yml").read_text(encoding="utf-8"))
    names = [option.split(": ", 1)[1] for option in areas["attributes"]["options"]]
    assert names == [item["name"] for item in vocabulary]


@pytest.mark.parametrize(
    ("form", "kind"), [("propose-project", "project"), ("sign-up-council", "council")]
)
def test_forms_require_what_the_schema_requires(form: str, kind: str) -> None:
    required = {
        e["id"]
        for e in elements(load(FOLDER / f"{form}.yml"))
        if e.get("validations", {}).get("required")
    }
    assert set(schema(kind)["required"]) <= required


def test_join_form_can_be_prefilled_with_the_project() -> None:
    """The site links to ?template=join-project.yml&project=<id>: GitHub fills the input whose
    id is `project`."""
    form = load(FOLDER / "join-project.yml")
    (project,) = [e for e in elements(form) if e.get("id") == "project"]
    assert project["type"] == "input"
    assert project["validations"]["required"] is True


def test_update_and_challenge_forms_name_the_project() -> None:
    for name in ("update-project", "propose-challenge"):
        ids = {e.get("id") for e in elements(load(FOLDER / f"{name}.yml"))}
        assert "project" in ids
