"""Reading issue bodies exactly as GitHub renders them from the repository's own forms."""

from __future__ import annotations

from typing import Any

import pytest

from generator.intake.forms import (
    NO_RESPONSE,
    Form,
    form_for_issue,
    load_forms,
    read_body,
    render_body,
)
from tests.conftest import PROJECT_ROOT

FORMS = load_forms(PROJECT_ROOT)


def sample(form: Form) -> dict[str, Any]:
    """A value for every field of a form, from the form itself: placeholders for text, every
    option of a multi-select (their texts include ', '), the last option of a dropdown and
    every checkbox ticked."""
    values: dict[str, Any] = {}
    for item in form.fields:
        if item.type == "checkboxes":
            values[item.id] = [o.text for o in item.options]
        elif item.type == "dropdown":
            options = [o.value for o in item.options]
            values[item.id] = options if item.multiple else options[-1]
        elif item.type == "textarea":
            values[item.id] = f"First line about {item.label}\n\n- a list\n- of things"
        else:
            values[item.id] = f"An answer to {item.label}"
    return values


def test_every_form_is_read() -> None:
    assert set(FORMS) == {
        "propose-project",
        "join-project",
        "update-project",
        "propose-challenge",
        "sign-up-council",
    }
    assert FORMS["propose-project"].label("lead_council") == "Lead council"


@pytest.mark.parametrize("name", sorted(FORMS))
def test_a_generated_body_reads_back_as_its_answers(name: str) -> None:
    form = FORMS[name]
    values = sample(form)
    assert read_body(form, render_body(form, values)) == values


@pytest.mark.parametrize("name", sorted(FORMS))
def test_empty_answers_read_as_nothing(name: str) -> None:
    form = FORMS[name]
    body = render_body(form, {})
    assert NO_RESPONSE in body
    empty = read_body(form, body)
    for item in form.fields:
        expected = [] if item.type == "checkboxes" or item.multiple else None
        assert empty[item.id] == expected, item.id


def test_github_multi_select_text_with_commas_inside_options() -> None:
    form = FORMS["propose-project"]
    body = render_body(form, {"service_areas": ["births-deaths-and-marriages", "housing"]})
    assert "births-deaths-and-marriages: Births, deaths and marriages, housing: Housing" in body
    assert read_body(form, body)["service_areas"] == ["births-deaths-and-marriages", "housing"]


def test_windows_line_ends_extra_blank_lines_and_trailing_spaces() -> None:
    form = FORMS["join-project"]
    body = (
        "### Project  \r\n\r\n\r\nreport-a-pothole   \r\n\r\n\r\n"
        "### Your council\r\n\r\nHackney\r\n\r\n"
        "### How would your council like to take part?\r\n\r\n"
        "partner: building it with the lead council  \r\n"
    )
    values = read_body(form, body)
    assert values["project"].strip() == "report-a-pothole"
    assert values["council"] == "Hackney"
    assert values["role"] == "partner"
    assert values["pledge_kind"] is None  # missing from the body altogether


def test_a_heading_typed_inside_a_text_box_stays_text() -> None:
    form = FORMS["update-project"]
    body = render_body(form, {"update": "Passed.\n\n### Not a field\n\nMore text."})
    assert read_body(form, body)["update"] == "Passed.\n\n### Not a field\n\nMore text."


def test_checkboxes_ticked_with_either_case() -> None:
    form = FORMS["update-project"]
    (option,) = form.field("last_reviewed").options
    ticked = read_body(form, f"### Review\n\n- [x] {option.text}\n")
    unticked = read_body(form, f"### Review\n\n- [ ] {option.text}\n")
    assert ticked["last_reviewed"] == [option.text]
    assert unticked["last_reviewed"] == []


def test_a_dropdown_value_typed_by_hand_is_still_understood() -> None:
    form = FORMS["join-project"]
    assert (
        read_body(form, "### How would your council like to take part?\n\nObserver\n")["role"]
        == "observer"
    )


def test_the_form_is_found_by_its_labels_or_else_its_headings() -> None:
    form = FORMS["update-project"]
    body = render_body(form, {"project": "x", "update": "y"})
    assert form_for_issue(FORMS, ["update project"], "") == form
    assert form_for_issue(FORMS, ["Update Project", "stale"], "") == form
    assert form_for_issue(FORMS, [], body) == form
    assert form_for_issue(FORMS, ["bug"], "Just some text") is None


def test_renaming_a_label_in_a_form_renames_what_is_read() -> None:
    form = FORMS["join-project"]
    renamed = Form(
        form.name,
        form.title,
        form.labels,
        tuple(
            type(f)(f.id, f.type, "Which council?" if f.id == "council" else f.label, f.options)
            for f in form.fields
        ),
    )
    body = render_body(renamed, {"council": "Leeds"})
    assert "### Which council?" in body
    assert read_body(renamed, body)["council"] == "Leeds"
    assert read_body(form, body)["council"] is None
