"""The SVG charts: well-formed, accessible, escaped, responsive, with enough contrast."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from itertools import pairwise

import pytest

from generator.dashboard import charts
from generator.dashboard.charts import Bar, BarChart, LineChart, Point
from tests.conftest import PROJECT_ROOT
from tests.dashboard_fixtures import SCRIPT

SVG = "{http://www.w3.org/2000/svg}"
CSS = PROJECT_ROOT / "site_overrides" / "assets" / "stylesheets" / "dashboard.css"
# Backgrounds of Material's light ("default") and dark ("slate") schemes.
BACKGROUNDS = {"default": "#ffffff", "slate": "#1e2129"}


def bar_chart() -> BarChart:
    return BarChart(
        "areas",
        "Projects by service area",
        (Bar(SCRIPT, 4, "4"), Bar("Housing & homes", 1, "1"), Bar("Parks", 0, "0")),
    )


def line_chart() -> LineChart:
    return LineChart(
        "rate",
        "Collaboration",
        tuple(Point(f"202{i} Q1", v, f"{v}%") for i, v in enumerate((0, 50, 67, 75))),
        y_max=100,
        y_suffix="%",
    )


@pytest.fixture(params=["bar", "line"])
def svg(request: pytest.FixtureRequest) -> ET.Element:
    markup = (
        charts.render_bar_chart(bar_chart())
        if request.param == "bar"
        else charts.render_line_chart(line_chart())
    )
    return ET.fromstring(markup)  # raises if the markup is not well-formed XML


def test_chart_is_an_image_labelled_by_its_title_and_description(svg: ET.Element) -> None:
    assert svg.tag == f"{SVG}svg"
    assert svg.get("role") == "img"
    ids = {e.get("id"): e.tag for e in svg.iter() if e.get("id")}
    labelled_by = svg.get("aria-labelledby", "").split()
    assert [ids[i] for i in labelled_by] == [f"{SVG}title", f"{SVG}desc"]
    assert svg.find(f"{SVG}desc").text.endswith("The table after the chart gives every value.")


def test_chart_scales_with_the_page(svg: ET.Element) -> None:
    assert re.fullmatch(r"0 0 \d+ \d+", svg.get("viewBox", ""))
    assert svg.get("width") == "100%"
    assert svg.get("height") is None


def test_text_follows_the_page_colour(svg: ET.Element) -> None:
    texts = list(svg.iter(f"{SVG}text"))
    assert texts
    assert {t.get("fill") for t in texts} == {"currentColor"}


def test_labels_are_escaped() -> None:
    markup = charts.render_bar_chart(bar_chart())
    assert "<script>" not in markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup
    assert "Housing &amp; homes" in markup
    svg = ET.fromstring(markup)
    labels = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "pl-chart__label"]
    assert labels == [SCRIPT, "Housing & homes", "Parks"]
    assert svg.find(f".//{SVG}script") is None


def test_bars_are_proportional_with_their_values_written() -> None:
    svg = ET.fromstring(charts.render_bar_chart(bar_chart()))
    widths = [float(r.get("width")) for r in svg.iter(f"{SVG}rect")]
    assert len(widths) == 2  # a zero value draws no bar, only its "0"
    assert widths[0] == pytest.approx(4 * widths[1], rel=0.01)
    values = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "pl-chart__value"]
    assert values == ["4", "1", "0"]
    width = int(svg.get("viewBox").split()[2])
    assert all(w < width for w in widths)


def test_line_chart_points_sit_on_the_value_scale() -> None:
    svg = ET.fromstring(charts.render_line_chart(line_chart()))
    ticks = {
        float(t.text.rstrip("%")): float(t.get("y")) - 4
        for t in svg.iter(f"{SVG}text")
        if t.get("class") == "pl-chart__tick" and t.get("text-anchor") == "end"
    }
    assert sorted(ticks) == [0, 25, 50, 75, 100]
    zero, hundred = ticks[0], ticks[100]
    values = [
        (zero - float(c.get("cy"))) / (zero - hundred) * 100 for c in svg.iter(f"{SVG}circle")
    ]
    assert values == pytest.approx([0, 50, 67, 75], abs=0.5)


def test_long_time_series_labels_do_not_crowd() -> None:
    points = tuple(Point(f"{2000 + i} Q1", i, str(i)) for i in range(24))
    svg = ET.fromstring(charts.render_line_chart(LineChart("long", "Long", points)))
    x_labels = [t for t in svg.iter(f"{SVG}text") if t.get("text-anchor") == "middle" and t.text]
    xs = [float(t.get("x")) for t in x_labels]
    assert x_labels[-1].text == "2023 Q1"  # the latest period is always labelled
    gap = min(b - a for a, b in pairwise(xs))
    assert gap >= charts.text_width("2023 Q1", charts.TICK_FONT_SIZE)


def test_long_labels_are_shortened_to_fit() -> None:
    long = "A very long maker day title that goes on and on well past the edge of a phone"
    svg = ET.fromstring(charts.render_bar_chart(BarChart("x", "X", (Bar(long, 1, "1"),))))
    label = next(t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "pl-chart__label")
    assert label.endswith("…")
    assert charts.text_width(label) <= charts.WIDTH


@pytest.mark.parametrize(
    ("top", "expected"),
    [(0, [0, 1]), (3, [0, 1, 2, 3]), (15, [0, 5, 10, 15]), (100, [0, 25, 50, 75, 100])],
)
def test_nice_ticks(top: float, expected: list[float]) -> None:
    assert charts.nice_ticks(top) == expected


def luminance(hex_colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_bar_colours_have_3_to_1_contrast_in_both_schemes() -> None:
    css = CSS.read_text(encoding="utf-8")
    found = {}
    for block in re.finditer(r"([^{}]+)\{([^}]*)\}", css):
        colour = re.search(r"--pl-chart-bar:\s*(#[0-9a-fA-F]{6})", block.group(2))
        if colour:
            scheme = "slate" if "slate" in block.group(1) else "default"
            found[scheme] = colour.group(1)
    assert found.keys() == BACKGROUNDS.keys()
    assert found["default"].lower() == charts.BAR_FILL.lower()  # the fallback matches
    for scheme, colour in found.items():
        assert contrast(colour, BACKGROUNDS[scheme]) >= 3, scheme
