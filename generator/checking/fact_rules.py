"""Rules about the facts a record holds with their sources: funding, provenance and bodies as
they are (abolished, replaced, outside the UK).

Registered with `record_rule` like the rules in `rules.py`; `generator/checking/__init__.py`
imports this module, so every caller of `check_rules` sees them.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from generator.catalogue.model import BAND_LIMITS, band_of
from generator.checking.explanations import describe_path
from generator.checking.rules import Index, RecordPath, parse_day, record_rule, walk
from generator.loading.files import LoadedRecord
from generator.problems import Problem, error, warning

UNITED_KINGDOM = "United Kingdom"  # the country when a record gives none
# Other ways of writing the United Kingdom (or one of its nations) as a country: a body there is
# not outside the UK, so it leaves country out (or writes United Kingdom) and gives its nation.
UK_NAMES = frozenset(
    {
        "uk",
        "great britain",
        "britain",
        "england",
        "scotland",
        "wales",
        "northern ireland",
    }
)
BAND_ORDER = [band for band, _ in BAND_LIMITS] + ["over-1m"]


def _at(record: LoadedRecord, path: RecordPath) -> tuple[int, int]:
    return record.document.position(path)


@record_rule("project")
def _funding_sources(record: LoadedRecord, index: Index, today: date) -> Iterator[Problem]:
    """Every award names a page that is listed in sources; a page is listed once."""
    listed: dict[str, RecordPath] = {}
    for path, url in walk(record.data, ("sources", "*", "url")):
        if not isinstance(url, str):
            continue
        if url in listed:
            yield warning(
                record.path,
                *_at(record, path),
                f"{describe_path(path)}: {url} is already listed as "
                f"{describe_path(listed[url][:2])}.",
                "Keep one entry per page.",
                "duplicate-source",
            )
        listed.setdefault(url, path)
    for path, url in walk(record.data, ("funding", "*", "source")):
        if isinstance(url, str) and url not in listed:
            yield error(
                record.path,
                *_at(record, path),
                f"{describe_path(path)}: {url} is not listed in sources.",
                "Add the page to sources (its address, a short title and the date you read "
                "it), so the project page shows where the award comes from.",
                "funding-source",
            )


def _award_key(award: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(award.get(k) for k in ("programme", "round", "phase", "year", "amount_gbp"))


@record_rule("project")
def _awards(record: LoadedRecord, index: Index, today: date) -> Iterator[Problem]:
    """An award listed twice, or naming the project's own lead as a different lead."""
    lead = record.data.get("lead_council")
    seen: dict[tuple[Any, ...], int] = {}
    for path, award in walk(record.data, ("funding", "*")):
        if not isinstance(award, dict):
            continue
        key = _award_key(award)
        if key in seen:
            yield warning(
                record.path,
                *_at(record, path),
                f"{describe_path(path)}: the same award as funding, item {seen[key] + 1} "
                "(programme, round, phase, year and amount).",
                "Keep one entry per award; put a second source for it in sources.",
                "duplicate-award",
            )
        seen.setdefault(key, int(path[-1]))
        year = award.get("year")
        if type(year) is int and year > today.year:
            yield error(
                record.path,
                *_at(record, (*path, "year")),
                f"{describe_path((*path, 'year'))}: {year} is in the future, but an award "
                "records money already given.",
                f"Use the year it was awarded ({today.year} or earlier); record a planned bid "
                "in the description instead.",
                "future-date",
            )
        if award.get("lead_council") is not None and award.get("lead_council") == lead:
            yield warning(
                record.path,
                *_at(record, (*path, "lead_council")),
                f"{describe_path((*path, 'lead_council'))}: '{lead}' already leads the project.",
                "Leave lead_council out of an award that the project's own lead led; give it "
                "only where another council led that award.",
                "award-lead-same",
            )


@record_rule("project")
def _budget_and_funding(record: LoadedRecord, index: Index, today: date) -> Iterator[Problem]:
    """A budget band the recorded funding already exceeds, or 'unknown' beside known amounts."""
    budget = record.data.get("budget")
    amounts = [a for _, a in walk(record.data, ("funding", "*", "amount_gbp")) if type(a) is int]
    if not isinstance(budget, str) or not amounts:
        return
    funded = sum(amounts)
    band = band_of(funded)
    if budget == "unknown":
        message = f"budget: unknown, but the funding gives £{funded:,} in amounts."
    elif budget in BAND_ORDER and BAND_ORDER.index(budget) < BAND_ORDER.index(band):
        message = f"budget: {budget} is less than the £{funded:,} the funding gives ({band})."
    else:
        return
    yield warning(
        record.path,
        *_at(record, ("budget",)),
        message,
        f"Leave budget out to have the band follow from the funding ({band}), or correct it.",
        "budget-funding",
    )


def _ended(index: Index, council: Any, today: date) -> date | None:
    """The day a council in the index was abolished, if that day has come."""
    data = index.councils.get(council) if isinstance(council, str) else None
    end = parse_day(data.get("end_date")) if isinstance(data, dict) else None
    return end if end and end <= today else None


# Dated involvements of a council in a project: (where the council is, where its date is).
DATED_INVOLVEMENTS: tuple[tuple[RecordPath, str], ...] = (
    (("partners", "*"), "since"),
    (("reuse", "adopted_by", "*"), "since"),
    (("pledges", "*"), "date"),
)


@record_rule("project")
def _abolished_councils(record: LoadedRecord, index: Index, today: date) -> Iterator[Problem]:
    """An abolished council cannot join, adopt, pledge or win an award after its end date."""
    for pattern, key in DATED_INVOLVEMENTS:
        for path, item in walk(record.data, pattern):
            if not isinstance(item, dict):
                continue
            end, day = _ended(index, item.get("council"), today), parse_day(item.get(key))
            if end and day and day > end:
                yield _abolished(record, (*path, key), item["council"], end, f"{key} {day}")
    lead = record.data.get("lead_council")
    for path, award in walk(record.data, ("funding", "*")):
        if not isinstance(award, dict) or type(award.get("year")) is not int:
            continue
        council = award.get("lead_council") or lead
        end = _ended(index, council, today)
        if end and award["year"] > end.year:
            yield _abolished(record, (*path, "year"), council, end, f"an award in {award['year']}")


def _abolished(
    record: LoadedRecord, path: RecordPath, council: str, end: date, what: str
) -> Problem:
    return warning(
        record.path,
        *_at(record, path),
        f"{describe_path(path)}: '{council}' was abolished on {end.isoformat()}, before {what}.",
        "Name the council that took over from it (its successors in councils/), or correct "
        "the date.",
        "abolished-council",
    )


@record_rule("council")
def _successors(record: LoadedRecord, index: Index, today: date) -> Iterator[Problem]:
    """Successors name other bodies, and only a body with an end date has them."""
    for path, successor in walk(record.data, ("successors", "*")):
        if successor == record.id:
            yield error(
                record.path,
                *_at(record, path),
                f"{describe_path(path)}: a council cannot replace itself.",
                "Give the ids of the councils that took over from it.",
                "successor-self",
            )
    if record.data.get("successors") and "end_date" not in record.data:
        yield warning(
            record.path,
            *_at(record, ("successors",)),
            "successors: given, but there is no end_date saying when it was replaced.",
            "Add end_date from the register (its end-date), or remove successors.",
            "successors-without-end",
        )


@record_rule("council")
def _place(record: LoadedRecord, index: Index, today: date) -> Iterator[Problem]:
    """A UK body has a nation; a body outside the UK has a country and no UK codes."""
    data = record.data
    country = data.get("country")
    outside = isinstance(country, str) and country != UNITED_KINGDOM
    if outside and country.strip().casefold() in UK_NAMES | {UNITED_KINGDOM.casefold()}:
        yield _place_error(
            record,
            ("country",),
            f"country: '{country}' is in the United Kingdom.",
            f"Leave country out for a UK body (or write {UNITED_KINGDOM}), and give its nation.",
        )
        return
    if data.get("type") == "outside-uk" and not outside:
        yield _place_error(
            record,
            ("type",),
            "type: outside-uk needs a country.",
            "Add a line 'country: ...', for example 'country: Ireland'.",
        )
    if not outside and data.get("type") != "outside-uk" and "nation" not in data:
        yield _place_error(
            record,
            (),
            "nation: a body in the UK needs its nation.",
            "Add a line 'nation: ...': england, scotland, wales or northern-ireland. For a "
            "body outside the UK, give its country instead.",
        )
    if outside:
        for key in ("nation", "gss_code", "register_code"):
            if key in data:
                yield _place_error(
                    record,
                    (key,),
                    f"{key}: a body outside the UK ({country}) has no UK {key.replace('_', ' ')}.",
                    f"Remove {key}: UK codes come from the UK register and are never made up.",
                )


def _place_error(record: LoadedRecord, path: RecordPath, message: str, hint: str) -> Problem:
    return error(record.path, *_at(record, path), message, hint, "council-place")
