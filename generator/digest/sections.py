"""Digest sections that look beyond the week's events: look-alike projects, maker days coming up
and open challenges."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, timedelta

from generator.catalogue.model import Catalogue
from generator.digest.model import Item, Ref, Section, council_ref, project_ref
from generator.similarity.engine import DEFAULT_THRESHOLD, SimilarityIndex

AHEAD = timedelta(weeks=8)  # how far ahead "coming up" looks
SIMILAR_TOP = 10


def similar_section(
    catalogue: Catalogue,
    new_ids: Iterable[str],
    similar: Mapping[str, Sequence[tuple[str, float]]] | None = None,
) -> Section:
    """Projects started in the same week by different councils that look alike: the duplicated
    effort Pipeline exists to stop, caught while it is cheap to work together."""
    new = sorted(set(new_ids))
    pairs: dict[tuple[str, str], float] = {}
    if len(new) >= 2:
        if similar is None:
            index = SimilarityIndex.from_catalogue(catalogue)
            similar = {
                i: [(m.id, m.score) for m in index.similar_to(i, top=SIMILAR_TOP,
                                                              threshold=DEFAULT_THRESHOLD)]
                for i in new
            }  # fmt: skip
        for first in new:
            for other, score in similar.get(first, []):
                pair = (min(first, other), max(first, other))
                if other not in new or other == first:
                    continue
                leads = {catalogue.projects[i].lead_council for i in pair}
                if len(leads) == 2:
                    pairs[pair] = max(score, pairs.get(pair, 0.0))
    items = []
    for (a, b), _ in sorted(pairs.items(), key=lambda x: (-x[1], x[0])):
        one, two = catalogue.projects[a], catalogue.projects[b]
        items.append(
            Item((project_ref(one), " from ", council_ref(catalogue, one.lead_council), " and ",
                  project_ref(two), " from ", council_ref(catalogue, two.lead_council),
                  " started the same week and look alike. Could the two councils work "
                  "together?"))
        )  # fmt: skip
    return Section("similar", "Similar projects started this week", tuple(items))


def makerdays_section(catalogue: Catalogue, since: date, until: date) -> Section:
    """Maker days still to come, or happening, in the week and the eight weeks after it."""
    days = sorted(
        (d for d in catalogue.makerdays.values()
         if d.end_day >= since and d.start_day <= until + AHEAD),
        key=lambda d: (d.start_day, d.title),
    )  # fmt: skip
    items = []
    for day in days:
        town = f", in {day.venue.town}" if day.venue and day.venue.town else ""
        count = len(day.challenges)
        challenges = f"{count} {'challenge' if count == 1 else 'challenges'} from councils"
        items.append(
            Item((Ref(day.title, f"makerdays/{day.id}/"), " on ", day.start_day,
                  f"{town}. {challenges}."))
        )  # fmt: skip
    return Section("makerdays", "Maker days coming up", tuple(items))


def challenges_section(
    catalogue: Catalogue, until: date, due: Mapping[str, date], projects: int | None = None
) -> Section:
    """How many challenges are open at the end of the week: offered by projects that are kept
    up to date, or written into maker days still to come. `projects`: how many of the first
    kind, if counted already (`open_challenges` counts them for many weeks at once)."""
    if projects is None:
        projects = open_challenges(catalogue, due)(until)
    standalone = sum(
        1
        for d in catalogue.makerdays.values()
        if d.is_upcoming(until)
        for c in d.challenges
        if not c.project
    )
    count = projects + standalone
    if not count:
        # None open: say so, and how to offer one, rather than leave the week silent on it.
        note = ("No challenge is open: no project is offering a problem for a maker day. ",
                Ref("Propose a challenge", "challenges/"), " for the next one.")  # fmt: skip
        return Section("challenges", "Open challenges", note=note)
    what = "challenge is" if count == 1 else "challenges are"
    note = (f"{count} {what} open: problems councils want help with. ",
            Ref("See the open challenges", "challenges/"), ".")  # fmt: skip
    return Section("challenges", "Open challenges", note=note)


def open_challenges(catalogue: Catalogue, due: Mapping[str, date]) -> Callable[[date], int]:
    """How many live projects offer a challenge and are not yet due for review on a day."""
    days = sorted(
        due.get(p.id, date.max)
        for p in catalogue.projects.values()
        if p.challenge and p.phase != "retired"
    )
    return lambda until: len(days) - bisect_right(days, until)
