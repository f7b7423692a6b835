"""The converter's shortcut for plain text gives exactly what Python-Markdown gives without it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.markdown_safe import INLINE_PATTERNS, _PlainTextPassed, markdown_converter

# Every character an inline or block pattern looks for, and ordinary words around them.
PIECES = [
    "word", "Bins", "é", " ", "  ", "\n", "\n\n", "  \n", "\t", "`", "``", "\\", "[", "]", "(",
    ")", "!", "<", ">", "&", "&amp;", ";", "#", "*", "**", "_", "__", "-", "+", "1.", "|", ":",
    "> ", "- ", "* ", "# ", "## ", "    ", "=", "~", "@", "http://x.example", "<b>", "</b>",
    "[a](http://a.example)", "![i](x.png)", "<http://a.example>", "<a@b.example>",
    "| a | b |\n|---|---|\n| 1 | 2 |\n", "\x02", "\x03", "1", "'", '"',
]  # fmt: skip
TEXTS = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
SHORTCUT = markdown_converter()
PLAIN = markdown_converter(plain_text_passed=False)


def test_the_shortcut_is_in_place_over_the_patterns_it_knows() -> None:
    assert isinstance(SHORTCUT.treeprocessors["inline"], _PlainTextPassed)
    assert not isinstance(PLAIN.treeprocessors["inline"], _PlainTextPassed)
    assert sorted(INLINE_PATTERNS) == sorted(p.name for p in SHORTCUT.inlinePatterns._priority)


@settings(max_examples=600, deadline=None)
@given(TEXTS)
def test_same_html_as_without_the_shortcut(text: str) -> None:
    assert SHORTCUT.reset().convert(text) == PLAIN.reset().convert(text)


def test_same_html_for_text_with_and_without_inline_markup() -> None:
    text = (
        "# Title\n\nPlain line one\nplain line two\n\n- item one\n- item *two*\n\n"
        "1. first\n2. [second](https://a.example)\n\n> quoted & `code`\n\n"
        "| a | b |\n|---|---|\n| plain | **bold** |\n\nline  \nbreak <i>x</i> \\*"
    )
    html = SHORTCUT.reset().convert(text)
    assert html == PLAIN.reset().convert(text)
    assert "<li>item one</li>" in html and "<em>two</em>" in html and "<br />" in html
