"""Data tables: the accessible equivalent of every chart, and the dashboard's lists.

A table is a <caption>, a header row of <th scope="col"> and rows whose first cell is a
<th scope="row">. Cells hold plain text (escaped by the template) and an optional link.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.dashboard.templates import render


@dataclass(frozen=True)
class Cell:
    text: str
    href: str = ""
    numeric: bool = False  # right-aligned, so digits line up


@dataclass(frozen=True)
class Column:
    heading: str
    numeric: bool = False


@dataclass(frozen=True)
class Table:
    caption: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]


def render_table(table: Table) -> str:
    return render("table.html.j2", table=table)
