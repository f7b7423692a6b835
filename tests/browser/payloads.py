"""Records with script-injection payloads in every text field, for the injection test.

Each payload, if it ran, would set `window.__pwned` (or open a dialog); template expressions
would show 1337 instead of their own text. `text_fields` walks the real schemas, so a text field
added to a schema later without a payload here makes the test fail."""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import cycle
from pathlib import Path
from typing import Any

import yaml

# Short enough for any text field (titles allow 100 characters).
SHORT = (
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    '"><svg onload=window.__pwned=1>',
    "'><img src=x onerror=window.__pwned=1>",
    "javascript:window.__pwned=1",
    "</title></textarea></style><script>window.__pwned=1</script>",
    '<a href="javascript:window.__pwned=1">click</a>',
    "[click](javascript:window.__pwned=1)",
    "{{ 7*191 }} ${7*191} #{7*191} <%= 7*191 %>",
    '<details open ontoggle="window.__pwned=1">x</details>',
    '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
    "<svg><a href=javascript:window.__pwned=1><text y=20>x</text></a></svg>",
)
# Only where Markdown is rendered (descriptions), all together.
LONG = (
    *SHORT,
    "<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=1>",
    '<a href="jav&#x09;ascript:window.__pwned=1">tab</a>',
    '<a href="data:text/html,<script>parent.__pwned=1</script>">data</a>',
    '<form action="javascript:window.__pwned=1"><button>go</button></form>',
    '<object data="javascript:window.__pwned=1"></object><embed src="javascript:1">',
    '<meta http-equiv="refresh" content="0;url=javascript:window.__pwned=1">',
    '<base href="javascript:window.__pwned=1//">',
    '![x](x" onerror="window.__pwned=1)',
    '<a href="https://example.org/" onclick="window.__pwned=1">onclick</a>',
    "<style>body{display:none}</style>",
    "{% if true %}{{ 7*191 }}{% endif %} {{ config }}",
)
TEMPLATE_RESULT = "1337"  # what 7*191 would render as, if any template evaluated record text
TEMPLATE_LITERAL = "{{ 7*191 }}"
# URL fields must be web addresses (http(s)://, a host, no spaces) to pass validation; they
# try to break out of the attribute with quotes and angle brackets, which addresses may hold.
URLS = (
    'https://example.org/"><script>window.__pwned=1</script>',
    "https://example.org/'onmouseover='window.__pwned=1'x='",
    'https://example.org/"onfocus="window.__pwned=1"autofocus="',
    "https://example.org/?q=<img/src=x/onerror=window.__pwned=1>",
)
# The email check allows ' and = before the @ (RFC 5322), enough to try a single-quoted attribute.
EMAIL = "'/onfocus='window.__pwned=1'autofocus@example.org"

PROJECT_ID, COUNCIL_ID, MAKERDAY_ID = "pwned-project", "pwned-council", "pwned-maker-day"


def _description() -> str:
    return "Payloads, each on its own line:\n\n" + "\n\n".join(LONG) + "\n\n" + "\n".join(LONG)


def project() -> dict[str, Any]:
    text, url = cycle(SHORT), cycle(URLS)
    return {
        "title": next(text),
        "summary": next(text),
        "description": _description(),
        "phase": "beta",
        "lead_council": COUNCIL_ID,
        # Hackney's own service address (one address a council: the lead's is next(url) below).
        "partners": [
            {"council": "hackney", "role": "partner", "since": "2025-01-01", "service_url": URLS[3]}
        ],
        "collaboration": "co-develop",
        "looking_for": [{"role": "developer", "commitment": next(text)}],
        "pledges": [
            {
                "council": "hackney",
                "kind": "time",
                "amount": 2,
                "note": next(text),
                "date": "2026-01-01",
            }
        ],
        "target": {"money": 1000, "time": 10},
        "budget": "unknown",
        "service_areas": ["waste-and-recycling"],
        "tags": ["pwned"],
        "reusable": True,
        "reuse": {
            "licence": "MIT",
            "repository": next(url),
            "documentation": next(url),
            "adopted_by": [
                {
                    "council": "hackney",
                    "since": "2025-01-01",
                    "replaced": next(text),
                    "service_url": URLS[3],
                }
            ],
        },
        "service_url": next(url),
        "links": [{"title": next(text), "url": next(url)}],
        "sources": [{"url": (source := next(url)), "title": next(text), "read": "2026-01-01"}],
        "funding": [
            {
                "funder": next(text),
                "programme": next(text),
                "round": next(text),
                "phase": "alpha",
                "year": 2025,
                "amount_gbp": 1000,
                "note": next(text),
                "source": source,
            }
        ],
        "contact": {"name": next(text), "role": next(text), "email": EMAIL, "github": "pwned"},
        "maintainers": ["pwned"],
        "started": "2024-01-01",
        "next_assessment": "2027-01-01",
        # Old enough to need review, so the record shows on the review page too.
        "updates": [{"date": "2024-06-01", "text": next(text), "phase": "beta"}],
        "last_reviewed": "2024-06-01",
        "confirmed": {"by": "pwned", "on": "2024-06-01"},
        "challenge": {"problem": next(text), "help_wanted": next(text)},
    }


def council() -> dict[str, Any]:
    text, url = cycle(reversed(SHORT)), cycle(URLS)
    # Outside the UK, so that its country is text typed freely (and it has no UK codes).
    return {
        "name": next(text),
        "short_name": next(text),
        "type": "outside-uk",
        "country": next(text),
        "region": next(text),
        "website": next(url),
        "joined": "2020-01-01",
        "links": [{"title": next(text), "url": next(url)}],
        "maintainers": ["pwned"],
    }


def makerday() -> dict[str, Any]:
    text, url = cycle(SHORT[3:] + SHORT[:3]), cycle(URLS)
    return {
        "title": next(text),
        "description": _description(),
        "start": "2026-12-01",
        "end": "2026-12-01",
        "venue": {"name": next(text), "town": next(text), "postcode": "LS1 4AW", "online": False},
        "hosts": [COUNCIL_ID],
        "registration": next(url),
        "sponsors": [{"name": next(text), "url": next(url), "tier": "sme"}],
        "challenges": [
            {"project": PROJECT_ID},
            {"title": next(text), "problem": next(text), "council": COUNCIL_ID},
        ],
        "outputs": [
            {"title": next(text), "kind": "code", "url": next(url), "challenge": next(text)}
        ],
    }


RECORDS = {
    ("projects", PROJECT_ID, "project"): project,
    ("councils", COUNCIL_ID, "council"): council,
    ("makerdays", MAKERDAY_ID, "makerday"): makerday,
}


def write_records(repository: Path) -> None:
    """Write the three payload records into `repository`."""
    for (folder, record_id, kind), make in RECORDS.items():
        header = f"# yaml-language-server: $schema=../schema/{kind}.schema.json\n"
        text = yaml.safe_dump(make(), sort_keys=False, allow_unicode=True, width=1000)
        (repository / folder).mkdir(exist_ok=True)
        (repository / folder / f"{record_id}.yml").write_text(header + text, encoding="utf-8")


def text_fields(schema: dict[str, Any]) -> Iterator[tuple[str, ...]]:
    """Paths of the string fields a person types freely: no enum, no pattern, no date format.
    URL and email fields count (their pattern only fixes the scheme or the @)."""

    def resolve(node: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in node:  # "#/$defs/<name>", with the referring node's own keys on top
            rest = {key: value for key, value in node.items() if key != "$ref"}
            node = {**schema["$defs"][node["$ref"].rsplit("/", 1)[-1]], **rest}
        return node

    def walk(node: dict[str, Any], path: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
        node = resolve(node)
        branches = node.get("oneOf", []) + node.get("anyOf", [])
        for branch in branches:
            yield from walk(branch, path)
        if branches:
            return  # the branches say what the value is (a date or a date-time, say)
        if "properties" in node:
            for name, child in node["properties"].items():
                yield from walk(child, (*path, name))
        elif node.get("type") == "array":
            yield from walk(node["items"], (*path, "[]"))
        elif node.get("type") == "string" and "enum" not in node and _typed_freely(node):
            yield path

    return walk(schema, ())


def is_payload(value: str) -> bool:
    return "__pwned" in value or TEMPLATE_LITERAL in value


def _typed_freely(node: dict[str, Any]) -> bool:
    if node.get("format") in {"uri", "email"}:
        return True
    return "pattern" not in node and "format" not in node


def values_at(record: Any, path: tuple[str, ...]) -> list[Any]:
    """Every value at `path` in a record ("[]" steps into each item of a list)."""
    if not path:
        return [record]
    head, rest = path[0], path[1:]
    if head == "[]":
        return [value for item in record or [] for value in values_at(item, rest)]
    if isinstance(record, dict) and head in record:
        return values_at(record[head], rest)
    return []


def load_schema(root: Path, kind: str) -> dict[str, Any]:
    return json.loads((root / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))
