"""Plain-English words for the closed lists in the schemas, in the order pages show them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

# Record kind -> its name in a sentence; the order records are listed in.
RECORD_KINDS = {"project": "project", "council": "council", "makerday": "maker day"}

SERVICE_MANUAL = "https://www.gov.uk/service-manual/agile-delivery"

# Phase id -> (label, plain-English explanation, GOV.UK Service Manual page)
PHASES: dict[str, tuple[str, str, str]] = {
    "idea": (
        "Idea",
        "Not started yet: the lead council is looking for interest from other councils.",
        SERVICE_MANUAL,
    ),
    "discovery": (
        "Discovery",
        "Finding out about the users, their needs and the problem, before building anything.",
        f"{SERVICE_MANUAL}/how-the-discovery-phase-works",
    ),
    "alpha": (
        "Alpha",
        "Trying out different ways of meeting users' needs with prototypes.",
        f"{SERVICE_MANUAL}/how-the-alpha-phase-works",
    ),
    "beta": (
        "Beta",
        "A real service, used by some or all users, that is still being improved.",
        f"{SERVICE_MANUAL}/how-the-beta-phase-works",
    ),
    "live": (
        "Live",
        "Running, supported and improved for everyone who needs it.",
        f"{SERVICE_MANUAL}/how-the-live-phase-works",
    ),
    "retired": (
        "Retired",
        "Switched off or replaced. The record stays so that others can learn from it.",
        f"{SERVICE_MANUAL}/retiring-your-service",
    ),
    # Last: records written from sources that never say how far the work got. Nothing is
    # guessed; the lead council says, and the record moves to a real phase.
    "unknown": (
        "Phase not known",
        "No source we have read says how far this work got. The lead council can tell us.",
        SERVICE_MANUAL,
    ),
}
# Phase id -> a few words for the catalogue's one-line key, saying whether people can use it.
PHASE_KEY = {
    "idea": "not started, looking for interest",
    "discovery": "finding out what people need",
    "alpha": "trying out prototypes",
    "beta": "a real service in use, still being improved",
    "live": "running for everyone",
    "retired": "switched off",
    "unknown": "no source says how far it got",
}

COLLABORATION = {
    "share-ideas": ("Sharing ideas", "Happy to share what the team learns."),
    "open-to-conversation": (
        "Open to conversation",
        "Talk to the lead council about working together.",
    ),
    "share-funding": ("Sharing funding", "Looking for councils to share the cost."),
    "co-develop": ("Co-developing", "Looking for councils to build it together."),
}
# Collaboration levels that mean "other councils are welcome to join".
WANTS_PARTNERS = {"open-to-conversation", "share-funding", "co-develop"}

BUDGETS = {
    "unknown": "Not known",
    "under-50k": "Under £50,000",
    "50k-100k": "£50,000 to £100,000",
    "100k-250k": "£100,000 to £250,000",
    "250k-500k": "£250,000 to £500,000",
    "500k-1m": "£500,000 to £1 million",
    "over-1m": "Over £1 million",
}

PARTNER_ROLES = {
    "lead": "Lead council",
    "partner": "Partner (building it)",
    "contributor": "Contributor (helping)",
    "observer": "Observer (following)",
}

COUNCIL_TYPES = {
    "county": "County council",
    "district": "District council",
    "unitary": "Unitary authority",
    "london-borough": "London borough",
    "metropolitan-district": "Metropolitan district",
    "scottish-council": "Scottish council",
    "welsh-principal-area": "Welsh principal area",
    "ni-district": "Northern Ireland district council",
    "combined-authority": "Combined authority",
    "strategic-authority": "Strategic authority",
    "central-government": "UK government department",
    "outside-uk": "Council outside the UK",
    "other": "Other",
}

NATIONS = {
    "england": "England",
    "scotland": "Scotland",
    "wales": "Wales",
    "northern-ireland": "Northern Ireland",
}

SPONSOR_TIERS = {
    "headline": "Headline sponsors",
    "supporter": "Supporters",
    "sme": "Small business sponsors",
}

PLEDGE_KINDS = {
    "time": "Time",
    "money": "Money",
    "data": "Data",
    "testing": "Testing",
    "other": "Other help",
}

OUTPUT_KINDS = {
    "prototype": "Prototype",
    "code": "Code",
    "design": "Design",
    "research": "Research",
    "post-its": "Post-its",
    "flipchart": "Flipchart",
    "report": "Report",
    "other": "Other",
}

_ROLE_WORDS = {"ux": "UX"}


def role_label(role: str) -> str:
    """`ux-designer` -> `UX designer`, `user-researcher` -> `User researcher`."""
    words = [_ROLE_WORDS.get(w, w) for w in role.split("-")]
    first = words[0] if words[0].isupper() else words[0].capitalize()
    return " ".join([first, *words[1:]])


def listed_phases(used: Iterable[str]) -> list[str]:
    """The phases a count lists, in order: every real phase, with 0 where none so gaps show,
    but "Phase not known" only when a record has it (a 0 there is no gap, just good news)."""
    used = set(used)
    return [phase for phase in PHASES if phase != "unknown" or phase in used]


def phase_label(phase: str) -> str:
    return PHASES.get(phase, (phase.capitalize(), "", SERVICE_MANUAL))[0]


@lru_cache(maxsize=10_000)  # a few hundred region and area names, asked for on every card
def slug(text: str) -> str:
    """A token for data attributes and query strings: `South East` -> `south-east`."""
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


@lru_cache(maxsize=8192)  # the same few thousand days, asked for by every page and report
def long_date(value: date | datetime | None) -> str:
    """Dates in words, GOV.UK style, for pages, feeds and digests alike: 20 August 2026."""
    if value is None:
        return ""
    return f"{value.day} {value:%B %Y}"


def day_and_month(value: date) -> str:
    """`20 August`, for dates within a week whose year is said once."""
    return f"{value.day} {value:%B}"


# Maker days happen in the UK: times are shown, and written into calendars, as UK clocks read.
UK_TIME = ZoneInfo("Europe/London")


def in_uk_time(moment: datetime) -> datetime:
    """A moment as the clocks in the UK show it (GMT or BST); one without an offset is UK time
    already."""
    return moment.replace(tzinfo=UK_TIME) if moment.tzinfo is None else moment.astimezone(UK_TIME)


def days_in_words(days: int) -> str:
    """A number of days as people say it: `12 days`, `3 months`, `2 years, 1 month`."""
    if days < 31:
        return f"{days} day" if days == 1 else f"{days} days"
    months = round(days / 30.4375)
    years, months = divmod(months, 12)
    parts = [
        f"{n} {unit}{'s' if n != 1 else ''}"
        for n, unit in ((years, "year"), (months, "month"))
        if n
    ]
    return ", ".join(parts)
