"""Rules that the JSON Schemas cannot express: references between records, dates, uniqueness.

Each rule looks records up in dictionaries built once, so checking stays linear in the number
of records.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from itertools import chain
from typing import Any

from generator.catalogue.moments import instant, parse_moment
from generator.checking.explanations import describe_path
from generator.checking.formats import FORMATS
from generator.checking.schema import capped
from generator.checking.suggestions import closest
from generator.loading.files import LoadedRecord
from generator.problems import Problem, error, warning
from generator.vocabulary import in_uk_time

RecordPath = tuple[str | int, ...]

# (kind, path pattern) of past facts that cannot be dated in the future; '*' is any list item.
PAST_FACTS: dict[str, list[RecordPath]] = {
    "project": [
        ("updates", "*", "date"),
        ("partners", "*", "since"),
        ("last_reviewed",),
        ("reuse", "adopted_by", "*", "since"),
        ("sources", "*", "read"),
        ("confirmed", "on"),
    ],
    "council": [("joined",)],  # end_date may be ahead: the register lists planned changes
    "makerday": [],
}
COUNCIL_REFERENCES: dict[str, list[RecordPath]] = {
    "project": [
        ("lead_council",),
        ("partners", "*", "council"),
        ("pledges", "*", "council"),
        ("reuse", "adopted_by", "*"),  # a council id
        ("reuse", "adopted_by", "*", "council"),  # or {council, since, replaced}
        ("funding", "*", "lead_council"),
    ],
    "makerday": [("hosts", "*"), ("challenges", "*", "council")],
    "council": [("successors", "*")],
}
PROJECT_REFERENCES: dict[str, list[RecordPath]] = {
    "makerday": [("challenges", "*", "project")],
    "project": [],
    "council": [],
}


@dataclass(frozen=True)
class Index:
    """What every rule needs to know about all records: ids and names, built once."""

    councils: dict[str, dict[str, Any]]
    projects: dict[str, dict[str, Any]]

    @classmethod
    def of(cls, records: list[LoadedRecord]) -> Index:
        councils = {r.id: r.data for r in records if r.kind == "council"}
        projects = {r.id: r.data for r in records if r.kind == "project"}
        return cls(councils, projects)


def walk(
    data: Any, pattern: RecordPath, prefix: RecordPath = ()
) -> Iterator[tuple[RecordPath, Any]]:
    """Every (path, value) in `data` matching `pattern`, where '*' stands for any list item."""
    if not pattern:
        yield prefix, data
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        if isinstance(data, list):
            for index, item in enumerate(data):
                yield from walk(item, rest, (*prefix, index))
    elif isinstance(data, dict) and head in data:
        yield from walk(data[head], rest, (*prefix, head))


RecordRule = Callable[[LoadedRecord, Index, date], Iterator[Problem]]
# Rules about one record, in the order they report, each with the kinds of record it applies to.
RECORD_RULES: list[tuple[frozenset[str], RecordRule]] = []


def record_rule(*kinds: str) -> Callable[[RecordRule], RecordRule]:
    """Register the decorated function as a rule for records of these kinds."""

    def register(function: RecordRule) -> RecordRule:
        RECORD_RULES.append((frozenset(kinds), function))
        return function

    return register


def check_rules(record: LoadedRecord, index: Index, today: date) -> list[Problem]:
    """The rules' problems, lazily and at most MAX_PROBLEMS of them: a list of a thousand
    unknown councils costs a thousand 'did you mean' searches only if they are shown."""
    found = chain.from_iterable(
        rule(record, index, today) for kinds, rule in RECORD_RULES if record.kind in kinds
    )
    return capped(record, found)


def _suggest_council(reference: str, index: Index) -> str | None:
    """A council id for a mistyped reference, matching ids, names and register codes."""
    by_id = closest(reference, index.councils)
    if by_id:
        return by_id
    folded = reference.casefold()
    for council_id, data in index.councils.items():
        names = (data.get("name"), data.get("short_name"), data.get("register_code"))
        if any(isinstance(n, str) and n.casefold() == folded for n in names):
            return council_id
    return None


@record_rule("project", "council", "makerday")
def _references(record: LoadedRecord, index: Index, today: date) -> Iterator[Problem]:
    for pattern in COUNCIL_REFERENCES[record.kind]:
        for path, value in walk(record.data, pattern):
            if isinstance(value, str) and value not in index.councils:
                suggestion = _suggest_council(value, index)
                hint = (
                    f"Did you mean '{suggestion}'?"
                    if suggestion
                    else "Use the id of a council in councils/ (its file name without .yml), "
                    "or add the council first with `pipeline new council`."
                )
                yield error(
                    record.path,
                    *record.document.position(path),
                    f"{describe_path(path)}: there is no council with the id '{value}'.",
                    hint,
                    "unknown-council",
                )
    for pattern in PROJECT_REFERENCES[record.kind]:
        for path, value in walk(record.data, pattern):
            if isinstance(value, str) and value not in index.projects:
                suggestion = closest(value, index.projects)
                hint = (
                    f"Did you mean '{suggestion}'?"
                    if suggestion
                    else "Use the id of a project in projects/ (its file name without .yml)."
                )
                yield error(
                    record.path,
                    *record.document.position(path),
                    f"{describe_path(path)}: there is no project with the id '{value}'.",
                    hint,
                    "unknown-project",
                )


def parse_day(value: Any) -> date | None:
    """The calendar day of a record's date or date-time text, or None if it is not one."""
    if not isinstance(value, str):
        return None
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
        return datetime.fromisoformat(value).date()
    except ValueError:
        return None


@record_rule("project", "council", "makerday")
def _past_facts(record: LoadedRecord, index: Index, today: date) -> Iterator[Problem]:
    for pattern in PAST_FACTS[record.kind]:
        for path, value in walk(record.data, pattern):
            day = parse_day(value)
            if day and day > today:
                yield error(
                    record.path,
                    *record.document.position(path),
                    f"{describe_path(path)}: {value} is in the future, but this records "
                    "something that has already happened.",
                    f"Use today's date ({today.isoformat()}) or an earlier one.",
                    "future-date",
                )


@record_rule("makerday")
def _makerday_dates(record: LoadedRecord, index: Index, today: date) -> Iterator[Problem]:
    """The end may not come before the start, compared as instants (generator.catalogue.moments)."""
    start, end = record.data.get("start"), record.data.get("end")
    if not isinstance(start, str) or not isinstance(end, str):
        return
    try:
        start_at = instant(parse_moment(start))
        end_at = instant(parse_moment(end), end=True)
    except (ValueError, OverflowError):
        return  # not a date: the schema check says so
    if end_at < start_at:
        yield error(
            record.path,
            *record.document.position(("end",)),
            f"end: {end} is before start ({start}), comparing the times in UK time where no "
            "time zone is given.",
            "The end must be the same as the start or later; check the time zones (+01:00 "
            "in summer).",
            "end-before-start",
        )


@record_rule("makerday")
def _makerday_uk_time(record: LoadedRecord, index: Index, today: date) -> Iterator[Problem]:
    """A time written with an offset UK clocks do not use that day, as +00:00 in summer, is
    most often meant as UK time: say what the site and calendars will show."""
    for key in ("start", "end"):
        value = record.data.get(key)
        if not isinstance(value, str) or not FORMATS.conforms(value, "date-time"):
            continue  # a date alone has no offset; anything else the schema check reports
        moment = datetime.fromisoformat(value)  # in years whose conversions cannot overflow
        if moment.tzinfo is None:
            continue
        uk = in_uk_time(moment)
        if moment.utcoffset() == uk.utcoffset():
            continue
        offset = "+01:00 (British Summer Time)" if uk.utcoffset() else "+00:00 (GMT)"
        yield warning(
            record.path,
            *record.document.position((key,)),
            f"{key}: {value} is {uk:%H:%M} in the UK, where clocks read {offset} that day.",
            f"If you meant {moment:%H:%M} UK time, write {moment:%Y-%m-%dT%H:%M:%S}"
            f"{offset[:6]}. The site and its calendars show UK time.",
            "uk-time",
        )


@record_rule("project")
def _project_consistency(record: LoadedRecord, index: Index, today: date) -> Iterator[Problem]:
    data = record.data
    lead = data.get("lead_council")
    seen: set[str] = set()
    for path, council in walk(data, ("partners", "*", "council")):
        if not isinstance(council, str):
            continue  # the schema check reports it
        if council == lead:
            yield warning(
                record.path,
                *record.document.position(path),
                f"{describe_path(path)}: '{council}' is already the lead council.",
                "Remove it from partners: the lead council is counted already.",
                "lead-as-partner",
            )
        elif council in seen:
            yield warning(
                record.path,
                *record.document.position(path),
                f"{describe_path(path)}: '{council}' is listed as a partner more than once.",
                "Keep one entry per council.",
                "duplicate-partner",
            )
        seen.add(council)
    yield from _adopters(record)


def _adopters(record: LoadedRecord) -> Iterator[Problem]:
    """Warn about adopters that savings will not count: the lead council, or a council twice."""
    lead = record.data.get("lead_council")
    seen: set[str] = set()
    for path, item in walk(record.data, ("reuse", "adopted_by", "*")):
        council = item.get("council") if isinstance(item, dict) else item
        if not isinstance(council, str):
            continue
        if council == lead:
            yield warning(
                record.path,
                *record.document.position(path),
                f"{describe_path(path)}: '{council}' is the lead council, which built the "
                "service rather than adopted it.",
                "Remove it from adopted_by: it is not counted as an adopter or a saving.",
                "lead-as-adopter",
            )
        elif council in seen:
            yield warning(
                record.path,
                *record.document.position(path),
                f"{describe_path(path)}: '{council}' is listed as an adopter more than once.",
                "Keep one entry per council; it is counted once.",
                "duplicate-adopter",
            )
        seen.add(council)


def check_unique_codes(records: list[LoadedRecord]) -> list[Problem]:
    """Two councils cannot share a GSS or register code: one of them is a copy-paste slip.

    Both files get the error, since either may be the one that is wrong.
    """
    problems: list[Problem] = []
    for key in ("gss_code", "register_code"):
        holders: dict[str, list[LoadedRecord]] = defaultdict(list)
        for record in records:
            code = record.data.get(key) if record.kind == "council" else None
            if isinstance(code, str):
                holders[code].append(record)
        for code, group in holders.items():
            for record in group if len(group) > 1 else ():
                others = ", ".join(r.path for r in group if r is not record)
                problems.append(
                    error(
                        record.path,
                        *record.document.position((key,)),
                        f"{key}: {code} is also used by {others}.",
                        "Each council has its own code: check the register and correct one.",
                        "duplicate-code",
                    )
                )
    return problems
