"""The API files are dumped an item at a time (so `mkdocs serve` re-dumps only changed records);
the text is exactly what dumping the whole document at once gives."""

from __future__ import annotations

import json
from datetime import date
from types import SimpleNamespace
from typing import Any, cast

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.outputs.api import VERSION, _dump
from generator.pages.model import SiteInputs

_SCALARS = st.none() | st.booleans() | st.integers() | st.text(max_size=20)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)
_ITEMS = st.lists(st.dictionaries(st.text(max_size=8), _VALUES, max_size=5), max_size=6)
_INPUTS = cast(SiteInputs, SimpleNamespace(today=date(2026, 11, 22)))


def _whole(items: list[dict[str, Any]]) -> bytes:
    document = {
        "version": VERSION,
        "generated": "2026-11-22",
        "count": len(items),
        "projects": items,
    }
    text = json.dumps(document, indent=2, ensure_ascii=False, default=str, allow_nan=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return (text + "\n").encode("utf-8")


@settings(max_examples=300, deadline=None)
@given(_ITEMS)
def test_dumped_an_item_at_a_time_is_the_whole_dump(items: list[dict[str, Any]]) -> None:
    assert _dump(_INPUTS, "projects", items) == _whole(items)
    json.loads(_dump(_INPUTS, "projects", items))
