"""The site's sections and the names it keeps for itself inside them: shared by page
generation (generator.pages.paths builds every address from these) and by the check that keeps
record ids off the site's own addresses (generator.checking.site_addresses), which must not
depend on page generation.
"""

from __future__ import annotations

PROJECTS = "projects/"
SERVICES = "services/"
CHALLENGES = "challenges/"
REVIEW = "review/"
COUNCILS = "councils/"
MAKERDAYS = "makerdays/"
NEWS = "news/"

SECTION_INDEX = "index.md"  # a section's own (first) page: `projects/index.md`
PAGED = "page"  # later pages of a long list: `projects/page/2/`
CARDS_FILE = "projects/cards.json"  # what each project card shows, for the catalogue filters

# Every section whose later pages are numbered (generator.pages.paging), and every generated
# file that sits inside a record folder. Page generation uses these names; RESERVED is made
# from them, so a new paged section or file is kept off record ids without a second list.
PAGED_SECTIONS = (PROJECTS, SERVICES, CHALLENGES, REVIEW, NEWS)
FILES_IN_SECTIONS = (CARDS_FILE,)
RECORD_SECTIONS = {"project": PROJECTS, "council": COUNCILS, "makerday": MAKERDAYS}


def paged(section: str, number: int) -> str:
    """The site path of page `number` (from 1) of a list: `projects/`, `projects/page/2/`."""
    return section if number == 1 else f"{section}{PAGED}/{number}/"


def _first_name(path: str, section: str) -> str | None:
    """`projects/page/2/` in `projects/` -> `page`; `projects/cards.json` -> `cards`."""
    if not path.startswith(section) or path == section:
        return None
    name = path[len(section) :].split("/")[0]
    return name.rsplit(".", 1)[0] if "." in name else name


def _reserved(section: str) -> frozenset[str]:
    generated = [section + SECTION_INDEX, *FILES_IN_SECTIONS]
    generated += [paged(s, 2) for s in PAGED_SECTIONS]
    return frozenset(n for p in generated if (n := _first_name(p, section)))


# kind -> ids a record of that kind cannot have: its page would replace one of the site's own.
RESERVED = {kind: _reserved(section) for kind, section in RECORD_SECTIONS.items()}
