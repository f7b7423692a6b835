"""Hypothesis strategies: valid records, and the many ways an author (or an attacker) can bend
them. Used by tests/acceptance/test_properties.py."""

from __future__ import annotations

import copy
from datetime import date, datetime, timedelta, timezone
from typing import Any

import yaml
from hypothesis import strategies as st

HEADER = "# yaml-language-server: $schema=../schema/{kind}.schema.json\n"

# Valid records with every kind of field filled, referring to the councils in examples/base.
SEEDS: dict[str, tuple[str, dict[str, Any]]] = {
    "projects/shared-forms.yml": (
        "project",
        {
            "title": "Shared forms",
            "summary": "Forms any council can reuse.",
            "description": "## What\n\nA form builder. [Code](https://github.com/example/forms).",
            "phase": "beta",
            "lead_council": "west-berkshire",
            "partners": [{"council": "hackney", "role": "partner", "since": "2025-04-01"}],
            "collaboration": "co-develop",
            "looking_for": [{"role": "developer", "commitment": "1 day a week"}],
            "pledges": [
                {"council": "hackney", "kind": "money", "amount": 5000, "date": "2026-05-14"},
                {"council": "west-berkshire", "kind": "time", "amount": 12.5},
            ],
            "target": {"money": 40000, "time": 60},
            "budget": "50k-100k",
            "service_areas": ["waste-and-recycling", "housing"],
            "tags": ["forms", "open-data"],
            "reusable": True,
            "reuse": {
                "licence": "MIT",
                "repository": "https://github.com/example/forms",
                "documentation": "https://example.gov.uk/docs",
                "adopted_by": ["hackney"],
            },
            "links": [{"title": "Blog", "url": "https://blog.example.gov.uk/forms"}],
            "contact": {"name": "Digital team", "email": "digital@westberks.gov.uk"},
            "maintainers": ["@westberks/digital-team", "alice"],
            "started": "2025-01-13",
            "next_assessment": "2027-02-10",
            "updates": [{"date": "2026-09-30", "text": "Passed beta.", "phase": "beta"}],
            "last_reviewed": "2026-10-01",
            "challenge": {"problem": "How might we reuse forms?", "help_wanted": "Designers"},
        },
    ),
    "makerdays/winter-day.yml": (
        "makerday",
        {
            "title": "Winter maker day",
            "description": "A day of making.",
            "start": "2027-01-20T09:30:00+00:00",
            "end": "2027-01-20T16:00",
            "venue": {
                "name": "Shaw House",
                "town": "Newbury",
                "postcode": "RG14 2DR",
                "online": True,
            },
            "hosts": ["west-berkshire"],
            "registration": "https://example.gov.uk/register",
            "sponsors": [
                {"name": "Democracy Club", "url": "https://democracyclub.org.uk", "tier": "sme"}
            ],
            "challenges": [
                {"project": "shared-forms"},
                {"title": "Polling", "problem": "Where do I vote?", "council": "hackney"},
            ],
            "outputs": [{"title": "Map", "kind": "flipchart", "challenge": "Polling"}],
        },
    ),
    "councils/camden.yml": (
        "council",
        {
            "name": "London Borough of Camden",
            "short_name": "Camden",
            "gss_code": "E09000007",
            "register_code": "CMD",
            "type": "london-borough",
            "nation": "england",
            "region": "London",
            "website": "https://www.camden.gov.uk",
            "joined": "2016-01-01",
            "links": [{"title": "Blog", "url": "https://camden.gov.uk/blog"}],
            "maintainers": ["camden-digital"],
        },
    ),
}

# Plain YAML tokens that different YAML versions or tools read differently, or that are odd.
RAW_TOKENS = [
    "yes", "No", "on", "OFF", "y", "~", "null", "010", "0o10", "0x1F", "0b101", "1:30", "1_000",
    ".inf", "-.inf", ".nan", "1e400", "1.0e+400", "-1.0e+400", "1e5", "1.5e-300", "-0.0",
    "9" * 60, "2025-W11-4", "20250105", "2025-02-29", "9999-12-31", "0001-01-01",
    "9999-12-31T23:59:59-23:59", "2027-03-18T09:30:00+25:00", "2027-03-18 09:30",
    "2027-06-18T10:00", "2027-06-18T09:30+02:00", "<<", "=", "!!str 5", "!!float 1",
    "!!python/none", "!custom x", "&a x", "*a", "*nowhere", "[", "{", "]", "'", '"', "|", ">",
    "? x", "- x", "@x", "`x`", "%x", "#x", ": x", "[1, [2, [3]]]", "{a: 1}", "'a''b'",
    '"\\u202e x"', '"\\x1b[31m"', '"\\0"', '"a\\nb"', '"\\r"', '"\\t"', "a@b@example.gov.uk",
    "https://", "https://exa mple.com", "javascript:alert(1)", "https://x.gov.uk/\\evil",
    "index", "con", "page",
]  # fmt: skip

# Characters worth trying anywhere: controls, separators, direction and zero-width marks,
# YAML indicators, non-ASCII letters, emoji.
AWKWARD = (
    "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\xa0\u2028\u2029\u202a\u202e\u2066\u2069\u200b\u200c"
    "\u200d\u2060\ufeff\ufffe\t\r\n :#&*!|>'\"%@`{}[],?-<=~\\éŵ€😀"
)

awkward_text = st.text(
    st.one_of(st.sampled_from(AWKWARD), st.characters(exclude_categories=("Cs",))), max_size=30
)
scalars = st.one_of(
    awkward_text,
    st.sampled_from(RAW_TOKENS),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.dates().map(lambda d: d.isoformat()),
    st.datetimes(timezones=st.none() | st.timezones()).map(lambda d: d.isoformat()),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(awkward_text, inner, max_size=4),
    max_leaves=12,
)


def _places(data: Any, prefix: tuple = ()) -> list[tuple]:
    """Every path into `data` (keys of mappings, indexes of lists)."""
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _places(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _places(value, (*prefix, index))
    return found


def _set(data: Any, path: tuple, value: Any) -> Any:
    if not path:
        return value
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    parent[path[-1]] = value
    return data


def _delete(data: Any, path: tuple) -> Any:
    if not path:
        return data
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    del parent[path[-1]]
    return data


@st.composite
def mutated_data(draw: st.DrawFn, data: Any) -> Any:
    """`data` after one to three changes: a value replaced, a key removed, a key or item added."""
    data = copy.deepcopy(data)
    for _ in range(draw(st.integers(1, 3))):
        places = _places(data)
        path = draw(st.sampled_from(places))
        action = draw(st.sampled_from(["replace", "replace", "delete", "add"]))
        if action == "replace":
            data = _set(data, path, draw(values))
        elif action == "delete":
            data = _delete(data, path)
        else:
            target = data
            for part in path:
                target = target[part]
            if isinstance(target, dict):
                target[draw(awkward_text)] = draw(values)
            elif isinstance(target, list):
                target.append(draw(values))
    return data


# Replacements of the same shape as the value they replace, which the checks should mostly
# accept: they test the build with the edges of what is allowed.
clean_text = st.text(
    st.characters(exclude_categories=("Cs", "Cc", "Cf", "Zl", "Zp")), min_size=1, max_size=100
)
in_range_dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 31))
whole_minute_zones = st.none() | st.integers(-23 * 60 - 59, 23 * 60 + 59).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)
in_range_times = st.datetimes(
    min_value=datetime(1900, 1, 1),
    max_value=datetime(2999, 12, 31, 23, 59),
    timezones=whole_minute_zones,
)
edge_numbers = st.one_of(
    st.integers(0, 10**9),
    st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False),
    st.sampled_from([0, 0.0, 1e-300, 5e-324, 10**9, 999_999_999.999]),
)


def _shaped(draw: st.DrawFn, current: Any) -> Any:
    if isinstance(current, bool):
        return draw(st.booleans())
    if isinstance(current, (int, float)):
        return draw(edge_numbers)
    if isinstance(current, str) and len(current) == 10 and current[4] == "-":
        return draw(in_range_dates).isoformat()
    if isinstance(current, str) and "T" in current and current[:4].isdigit():
        return draw(in_range_times).isoformat()
    if isinstance(current, str):
        return draw(clean_text | st.sampled_from(EDGE_TEXT))
    if isinstance(current, list) and current:
        return [copy.deepcopy(current[0]) for _ in range(draw(st.integers(0, 60)))]
    return current


EDGE_TEXT = [
    "=HYPERLINK(\"http://evil\")", "+1", "-1", "@SUM(A1)", "<script>alert(1)</script>",
    "]]></summary><x>", "&amp; &lt;", "{{ 7*7 }}", "{% raw %}", "${{ github.token }}",
    "---", "# heading", "[link](javascript:alert(1))", "<img src=x onerror=alert(1)>",
    "a" * 100, " ", "\\", "'", '"', "Ysgol Gymraeg ŵ ŷ", "مرحبا", "שלום", "👨‍👩‍👧",
]  # fmt: skip


@st.composite
def shaped_data(draw: st.DrawFn, data: Any) -> Any:
    """`data` with one to five values replaced by others of the same shape."""
    data = copy.deepcopy(data)
    for _ in range(draw(st.integers(1, 5))):
        path = draw(st.sampled_from(_places(data)))
        target = data
        for part in path:
            target = target[part]
        data = _set(data, path, _shaped(draw, target))
    return data


def dump(kind: str, data: Any) -> str:
    return HEADER.format(kind=kind) + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@st.composite
def mutated_text(draw: st.DrawFn, text: str) -> str:
    """YAML text with a raw token as some line's value, or awkward characters spliced in."""
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 3))):
        index = draw(st.integers(0, len(lines) - 1))
        if draw(st.booleans()) and ": " in lines[index]:
            key = lines[index].split(": ", 1)[0]
            lines[index] = f"{key}: {draw(st.sampled_from(RAW_TOKENS))}"
        else:
            line = lines[index]
            at = draw(st.integers(0, len(line)))
            lines[index] = line[:at] + draw(awkward_text) + line[at:]
    return "\n".join(lines)


@st.composite
def repositories(draw: st.DrawFn) -> dict[str, str]:
    """Files to lay over examples/base: the seeds, one of them bent by data or text changes."""
    files = {path: dump(kind, data) for path, (kind, data) in SEEDS.items()}
    path = draw(st.sampled_from(sorted(SEEDS)))
    kind, data = SEEDS[path]
    how = draw(st.sampled_from(["shaped", "shaped", "data", "text"]))
    if how == "shaped":
        files[path] = dump(kind, draw(shaped_data(data)))
    elif how == "data":
        files[path] = dump(kind, draw(mutated_data(data)))
    else:
        files[path] = draw(mutated_text(files[path]))
    return files
