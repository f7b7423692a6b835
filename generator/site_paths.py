"""Where each kind of page and data file lives on the site. One place, so links, pages and the
rule that keeps record ids off the site's own addresses always agree.

Shared by page generation and by the checks (which must not import the templating), so it
imports nothing from the generator.
"""

from __future__ import annotations

HOME = ""
PROJECTS = "projects/"
SERVICES = "services/"
CHALLENGES = "challenges/"
MAKERDAYS = "makerdays/"
COUNCILS = "councils/"
CONTRIBUTE = "contribute/"
FIELDS = "contribute/fields/"
API = "api/"
REVIEW = "review/"
DASHBOARD = "dashboard/"
ACCESSIBILITY = "accessibility/"

SECTION_INDEX = "index.md"  # a section's own (first) page: `projects/index.md`
PAGED = "page"  # later pages of a long list: `projects/page/2/`
CARDS_FILE = "projects/cards.json"  # what each project card shows, for the catalogue filters

# Every section whose later pages are numbered (generator.pages.paging), and every generated
# file that sits inside a record folder. Page generation uses these names; RESERVED is made
# from them, so a new section or file is kept off record ids without a second list to update.
PAGED_SECTIONS = (PROJECTS, SERVICES, CHALLENGES, REVIEW)
FILES_IN_SECTIONS = (CARDS_FILE,)


def project(project_id: str) -> str:
    return f"{PROJECTS}{project_id}/"


def council(council_id: str) -> str:
    return f"{COUNCILS}{council_id}/"


def makerday(makerday_id: str) -> str:
    return f"{MAKERDAYS}{makerday_id}/"


RECORD_SECTIONS = {"project": PROJECTS, "council": COUNCILS, "makerday": MAKERDAYS}


def source(site_path: str) -> str:
    """The Markdown source path of a site path: `projects/x/` -> `projects/x.md`."""
    stem = site_path.rstrip("/")
    return "index.md" if not stem else f"{stem}.md"


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
