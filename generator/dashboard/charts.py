"""Bar and line charts as inline SVG, laid out here and drawn by Jinja templates.

Accessibility (one pattern for every chart): the <svg> has role="img" and aria-labelledby
pointing at its <title> and <desc>; the desc summarises the chart and says that the table after
it gives every value. The table is the full accessible equivalent.

Layout: a narrow viewBox (360 units, about a phone's width) scaled to the column with
width="100%", so text stays near its drawn size on a 390px phone; stylesheet caps the width on
large screens. Text uses currentColor so it follows the page's light or dark scheme; bars use a
CSS class (with a fill attribute as the fallback) so the scheme can pick a colour with enough
contrast. Every bar and point also has its value written beside it, so colour is never the only
way to read a value.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from generator.dashboard.templates import render

WIDTH = 360
FONT_SIZE = 13
TICK_FONT_SIZE = 12
# Rough advance of one character of the site's sans-serif font, in font sizes (for layout only).
CHAR_WIDTH = 0.6
# Fallback fill when the stylesheet is missing; the stylesheet sets the same in light mode.
BAR_FILL = "#2a5a9c"


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    value_label: str  # how the value is written, e.g. "12", "£7,500", "40%"


@dataclass(frozen=True)
class Point:
    label: str
    value: float
    value_label: str


@dataclass(frozen=True)
class BarChart:
    id: str  # unique on the page; prefixes the ids of <title> and <desc>
    title: str
    bars: tuple[Bar, ...]
    description: str = ""  # written from the data when empty


@dataclass(frozen=True)
class LineChart:
    id: str
    title: str
    points: tuple[Point, ...]
    y_max: float | None = None  # fixed top of the scale (100 for percentages), else from data
    y_suffix: str = ""  # after tick numbers, e.g. "%"
    description: str = ""


def text_width(text: str, size: float = FONT_SIZE) -> float:
    return len(text) * size * CHAR_WIDTH


def fit(text: str, width: float, size: float = FONT_SIZE) -> str:
    """`text` cut short with an ellipsis to fit `width` (the table has it in full)."""
    most = max(int(width / (size * CHAR_WIDTH)), 2)
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


def format_number(value: float) -> str:
    """12 -> '12', 1234.5 -> '1,234.5', for values and ticks."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def nice_ticks(top: float, most: int = 5) -> list[float]:
    """0 and evenly spaced round numbers (1, 2, 2.5 or 5 times a power of ten) to at least `top`."""
    if top <= 0:
        return [0, 1]
    raw = top / (most - 1)
    power = 10 ** math.floor(math.log10(raw))
    # 2.5 only from 25 up, so that counts keep whole-number ticks.
    steps = (1, 2, 2.5, 5, 10) if power >= 10 else (1, 2, 5, 10)
    step = max(next(m * power for m in steps if m * power >= raw), 1)
    count = math.ceil(top / step - 1e-9)
    return [i * step for i in range(count + 1)]


# --- bar chart ---------------------------------------------------------------------------------

ROW = 42  # label line, then the bar under it
BAR_TOP = 21
BAR_HEIGHT = 16


def bar_description(chart: BarChart) -> str:
    if chart.description:
        return chart.description
    if not chart.bars:
        return "An empty bar chart."
    top = max(chart.bars, key=lambda b: b.value)
    return (
        f"Bar chart with {len(chart.bars)} bars; the longest is {top.label} "
        f"({top.value_label}). The table after the chart gives every value."
    )


def render_bar_chart(chart: BarChart) -> str:
    """Horizontal bars, each under its label with its value written at its end."""
    value_room = max((text_width(b.value_label) for b in chart.bars), default=0) + 8
    longest = WIDTH - value_room
    top = max((b.value for b in chart.bars), default=0)
    rows = []
    for i, bar in enumerate(chart.bars):
        y = i * ROW
        length = longest * bar.value / top if top > 0 else 0
        rows.append(
            {
                "label": fit(bar.label, WIDTH),
                "label_y": y + 15,
                "bar_y": y + BAR_TOP,
                "bar_width": round(max(length, 0), 1),
                "value_label": bar.value_label,
                "value_x": round(max(length, 0) + 6, 1),
                "value_y": y + BAR_TOP + 12.5,
            }
        )
    return render(
        "bar.svg.j2",
        chart=chart,
        description=bar_description(chart),
        rows=rows,
        width=WIDTH,
        height=max(len(rows) * ROW, ROW) + 2,
        bar_height=BAR_HEIGHT,
        fill=BAR_FILL,
        font_size=FONT_SIZE,
    )


# --- line chart --------------------------------------------------------------------------------

HEIGHT = 220
LEFT = 44
RIGHT = 30
TOP = 24
BOTTOM = 40


def line_description(chart: LineChart) -> str:
    if chart.description:
        return chart.description
    if not chart.points:
        return "An empty line chart."
    first, last = chart.points[0], chart.points[-1]
    high = max(chart.points, key=lambda p: p.value)
    return (
        f"Line chart of {len(chart.points)} points from {first.label} ({first.value_label}) "
        f"to {last.label} ({last.value_label}); the highest is {high.value_label} in "
        f"{high.label}. The table after the chart gives every value."
    )


def label_every(labels: Sequence[str], room: float) -> int:
    """Label every k-th point so that the x-axis labels do not overlap."""
    widest = max((text_width(s, TICK_FONT_SIZE) for s in labels), default=0) + 10
    fits = max(int(room / widest), 1)
    return max(math.ceil(len(labels) / fits), 1)


def render_line_chart(chart: LineChart) -> str:
    """Values joined by a line, with a marker on each and the last value written beside it."""
    points = chart.points
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    ticks = nice_ticks(chart.y_max or max((p.value for p in points), default=0))
    y_top = ticks[-1]
    gap = plot_w / (len(points) - 1) if len(points) > 1 else 0

    def x_at(i: int) -> float:
        return round(LEFT + (i * gap if len(points) > 1 else plot_w / 2), 1)

    def y_at(value: float) -> float:
        return round(TOP + plot_h - plot_h * value / y_top, 1)

    every = label_every([p.label for p in points], plot_w + gap)
    last = len(points) - 1
    marks = [
        {
            "x": x_at(i),
            "y": y_at(p.value),
            "label": p.label if (last - i) % every == 0 else "",
        }
        for i, p in enumerate(points)
    ]
    return render(
        "line.svg.j2",
        chart=chart,
        description=line_description(chart),
        marks=marks,
        path=" ".join(f"{'M' if i == 0 else 'L'}{m['x']},{m['y']}" for i, m in enumerate(marks)),
        ticks=[{"y": y_at(t), "label": format_number(t) + chart.y_suffix} for t in ticks],
        last_label=points[-1].value_label if points else "",
        left=LEFT,
        right=WIDTH - RIGHT,
        baseline=TOP + plot_h,
        width=WIDTH,
        height=HEIGHT,
        fill=BAR_FILL,
        font_size=FONT_SIZE,
        tick_font_size=TICK_FONT_SIZE,
    )
