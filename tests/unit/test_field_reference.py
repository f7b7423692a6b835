"""The field reference speaks plainly and shows, for every field, a YAML example that the
checks accept."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from generator.checking.repository import check_repository
from generator.loading.files import schema_comment
from generator.pages.reference import RECORD_FILES, fields
from tests.conftest import PROJECT_ROOT, TODAY, catalogue_root
from tests.site_helpers import site_repository

SCHEMAS = {
    kind: json.loads((PROJECT_ROOT / f"schema/{kind}.schema.json").read_text())
    for kind, *_ in RECORD_FILES
}


@pytest.mark.parametrize("kind", SCHEMAS)
def test_every_field_has_a_yaml_example_in_plain_words(kind: str) -> None:
    for field in fields(kind, SCHEMAS[kind]):
        data = yaml.safe_load(field.example)
        assert isinstance(data, dict) and data, field.key
        assert field.key in field.example, field.key
        assert "group of fields" not in field.kind and "[]" not in field.parent, field.key


@pytest.mark.parametrize("kind", SCHEMAS)
def test_the_examples_together_make_a_valid_record(kind: str, tmp_path: Path) -> None:
    """Every top-level field's example, in one record, passes `pipeline validate`'s checks
    against the project's own councils and projects."""
    repo = site_repository(tmp_path / "repo")
    record = {}
    for field in fields(kind, SCHEMAS[kind]):
        if field.depth == 0:
            record.update(yaml.safe_load(field.example))
    folder = {"project": "projects", "council": "councils", "makerday": "makerdays"}[kind]
    path = repo / folder / "example-record.yml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(schema_comment(kind) + "\n" + yaml.safe_dump(record, sort_keys=False))
    report = check_repository(repo, today=TODAY)
    mine = [
        p
        for p in report.problems
        if p.path.endswith("example-record.yml")
        and p.is_error
        and p.rule != "duplicate-code"  # the example council's codes are West Berkshire's
    ]
    assert not mine, [p.message for p in mine]


def test_the_page_has_no_machine_words(tmp_path: Path) -> None:
    from generator.pages.model import SiteSettings
    from generator.site.compose import generate_site
    from generator.site.content import load, read_schemas

    catalogue = load(catalogue_root(), TODAY).catalogue
    content = generate_site(
        catalogue, SiteSettings(), today=TODAY, schemas=read_schemas(PROJECT_ROOT)
    )
    body = next(p.body for p in content.pages if p.path == "contribute/fields/index.md")
    assert "group of fields" not in body and "[]." not in body
    examples = re.findall(r'<pre class="pl-field__example"><code>', body)
    assert len(examples) == sum(len(fields(k, s)) for k, s in SCHEMAS.items())
    assert "Inside each entry of <code>partners</code>" in body
