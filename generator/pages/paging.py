"""Long lists split over numbered pages: `/projects/`, `/projects/page/2/`, ...

Every page of a site shares one limit (no HTML page over 500 KB), and a list of thousands of
projects would pass it; a plain link to the next page works everywhere, script or no script.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from generator.pages import paths
from generator.site_paths import PAGED_SECTIONS, RECORD_SECTIONS

T = TypeVar("T")


@dataclass(frozen=True)
class Chunk(Generic[T]):
    """One page of a list: its items, its number (from 1) and where it and its neighbours are."""

    section: str  # the list's first page, as a site path: "projects/"
    number: int
    count: int
    items: Sequence[T]
    first: int  # the position of the first item in the whole list, from 1
    total: int

    @property
    def site_path(self) -> str:
        return page_site_path(self.section, self.number)

    @property
    def source(self) -> str:
        """`projects/index.md` for the first page (the section's own), `projects/page/2.md`..."""
        return (
            f"{self.section}{paths.SECTION_INDEX}"
            if self.number == 1
            else paths.source(self.site_path)
        )

    @property
    def last(self) -> int:
        return self.first + len(self.items) - 1

    def link(self, number: int) -> str:
        return page_site_path(self.section, number)

    def numbers(self, around: int = 2) -> list[int | None]:
        """Page numbers to offer: the first, the last and those near this one; None for a gap."""
        wanted = {1, self.count, *range(self.number - around, self.number + around + 1)}
        shown: list[int | None] = []
        for number in sorted(n for n in wanted if 1 <= n <= self.count):
            if shown and shown[-1] is not None and number > shown[-1] + 1:
                shown.append(None)
            shown.append(number)
        return shown


def page_site_path(section: str, number: int) -> str:
    return paths.paged(section, number)


def chunks(section: str, items: Sequence[T], size: int) -> list[Chunk[T]]:
    """`items` in pages of `size`; an empty list still has its first page."""
    if section in RECORD_SECTIONS.values() and section not in PAGED_SECTIONS:
        # Numbered pages take the name `page` inside the section, which record ids must not
        # use there: generator.site_paths keeps it from them only for the sections it lists.
        raise ValueError(f"add {section!r} to generator.site_paths.PAGED_SECTIONS")
    count = max(1, -(-len(items) // size))
    return [
        Chunk(section, n, count, items[(n - 1) * size : n * size], (n - 1) * size + 1, len(items))
        for n in range(1, count + 1)
    ]
