"""What `mkdocs serve` remembers between rebuilds is keyed by everything a page is given."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from generator.catalogue.model import Catalogue, Project, Update
from generator.catalogue.written_form import ADDRESS_ONLY, briefly
from generator.pages import render_memory
from generator.pages.render_memory import RenderMemory, key_of, remembered, remembering
from generator.pages.templating import render

PROJECT = Project("a", "projects/a.yml", "Report a missed bin", "Summary", "beta", "leeds")
TEMPLATES = Path(render_memory.__file__).parent.parent
PROJECT_DATE = date(2026, 1, 5)


def _counting() -> tuple[list[int], Callable[[], str]]:
    calls: list[int] = []

    def make() -> str:
        calls.append(1)
        return f"made {len(calls)}"

    return calls, make


def test_the_same_values_are_made_once_across_rebuilds() -> None:
    memory = RenderMemory()
    calls, make = _counting()
    with remembering(memory):
        first = remembered("t", "a/", {"p": PROJECT}, make)
    memory.next_build()
    with remembering(memory):
        # An equal project, built afresh from the same record on the next rebuild.
        second = remembered("t", "a/", {"p": replace(PROJECT)}, make)
    assert first == second == "made 1" and len(calls) == 1
    assert memory.reused == 1


def test_any_change_deep_inside_a_value_makes_it_again() -> None:
    memory = RenderMemory()
    calls, make = _counting()
    updated = replace(PROJECT, updates=(Update(PROJECT_DATE, "Went live"),))
    changed = replace(updated, updates=(Update(PROJECT_DATE, "Went live!"),))
    with remembering(memory):
        remembered("t", "a/", {"p": updated}, make)
        remembered("t", "a/", {"p": changed}, make)
        remembered("t", "b/", {"p": changed}, make)  # another page
        remembered("u", "a/", {"p": changed}, make)  # another template
    assert len(calls) == 4


def test_values_without_a_faithful_text_are_never_remembered() -> None:
    memory = RenderMemory()
    calls, make = _counting()
    catalogue = Catalogue({"a": PROJECT}, {}, {}, {})
    assert re.search(r" at 0x[0-9a-f]+>$", repr(catalogue))  # short, and never equal
    local = 3

    def closure() -> int:
        return local

    with remembering(memory):
        for _ in range(2):
            remembered("t", "a/", {"catalogue": catalogue}, make)
            remembered("t", "a/", {"f": closure}, make)
            remembered("t", "a/", {"thing": object()}, make)
    assert len(calls) == 6
    assert key_of("t", "a/", {"f": render}) is not None  # a module's function is its name


def test_outside_serve_nothing_is_remembered() -> None:
    calls, make = _counting()
    remembered("t", "a/", {"p": PROJECT}, make)
    remembered("t", "a/", {"p": PROJECT}, make)
    assert len(calls) == 2


def test_only_what_the_last_rebuild_used_is_kept() -> None:
    memory = RenderMemory()
    calls, make = _counting()
    with remembering(memory):
        remembered("t", "a/", {"v": 1}, make)
    memory.next_build()
    with remembering(memory):
        remembered("t", "a/", {"v": 2}, make)
    memory.next_build()
    with remembering(memory):
        remembered("t", "a/", {"v": 1}, make)  # forgotten: the rebuild before did not use it
    assert len(calls) == 3


def test_templates_read_only_fields_that_are_part_of_the_key() -> None:
    # A record's `raw` (the YAML as written) is left out of its repr, so no template may read it.
    templates = [*TEMPLATES.glob("*/templates/*.j2")]
    assert templates
    readers = [t.name for t in templates if ".raw" in t.read_text(encoding="utf-8")]
    assert readers == []


def test_records_in_keys_are_written_as_digests_of_their_text() -> None:
    edited = replace(PROJECT, summary="Another summary")
    many = [replace(PROJECT, id=f"p{n}") for n in range(50)]
    assert key_of("t", "a/", {"p": PROJECT}) == key_of("t", "a/", {"p": replace(PROJECT)})
    assert key_of("t", "a/", {"p": PROJECT}) != key_of("t", "a/", {"p": edited})
    assert key_of("t", "a/", {"ps": many}) != key_of("t", "a/", {"ps": [*many[:-1], edited]})
    # Outside a key, a record is written out in full as always.
    assert "Report a missed bin" in repr(PROJECT) and "Another summary" in repr(edited)
    with briefly():
        assert repr(PROJECT).startswith("Project#") and len(repr(PROJECT)) < 50
        # A record holding something without a faithful text form still makes no key.
        assert ADDRESS_ONLY in repr(replace(PROJECT, tags=(lambda: None,)))  # type: ignore[arg-type]
