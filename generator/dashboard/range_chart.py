"""Range charts: for estimates that are a low and a high figure, never one number.

Each row is a label over a bar that starts at the low figure and ends at the high one, on a
scale from zero (a thin line leads from zero to the bar), with the range written after it.
It follows charts.py's accessibility pattern (role="img", <title> and <desc>, the table after
it gives every value) and layout.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.dashboard.charts import BAR_FILL, BAR_HEIGHT, BAR_TOP, FONT_SIZE, ROW, WIDTH, fit
from generator.dashboard.charts import text_width as _text_width
from generator.dashboard.templates import render


@dataclass(frozen=True)
class Range:
    label: str
    low: float
    high: float
    value_label: str  # "£20,000 to £100,000"


@dataclass(frozen=True)
class RangeChart:
    id: str
    title: str
    ranges: tuple[Range, ...]


def range_description(chart: RangeChart) -> str:
    if not chart.ranges:
        return "An empty range chart."
    top = max(chart.ranges, key=lambda r: r.high)
    return (
        f"Range chart with {len(chart.ranges)} estimates, each a bar from its low to its high "
        f"figure; the largest is {top.label} ({top.value_label}). The table after the chart "
        "gives every value."
    )


def render_range_chart(chart: RangeChart) -> str:
    value_room = max((_text_width(r.value_label) for r in chart.ranges), default=0) + 8
    longest = max(WIDTH - value_room, WIDTH / 3)
    top = max((r.high for r in chart.ranges), default=0)
    rows = []
    for i, item in enumerate(chart.ranges):
        y = i * ROW
        start = longest * item.low / top if top > 0 else 0
        end = longest * item.high / top if top > 0 else 0
        rows.append(
            {
                "label": fit(item.label, WIDTH),
                "label_y": y + 15,
                "bar_x": round(1 + start, 1),
                "bar_y": y + BAR_TOP,
                "track_y": y + BAR_TOP + BAR_HEIGHT / 2 - 1,  # from zero to the low figure
                "bar_width": round(max(end - start, 2 if top > 0 else 0), 1),
                "value_label": item.value_label,
                "value_x": round(min(end + 6, WIDTH - _text_width(item.value_label)), 1),
                "value_y": y + BAR_TOP + 12.5,
            }
        )
    return render(
        "range.svg.j2",
        chart=chart,
        description=range_description(chart),
        rows=rows,
        width=WIDTH,
        height=max(len(rows) * ROW, ROW) + 2,
        bar_height=BAR_HEIGHT,
        fill=BAR_FILL,
        font_size=FONT_SIZE,
    )
