"""The repository's issue forms, and issue bodies as GitHub renders them from a form.

GitHub writes each field as `### <label>`, a blank line and the value; `_No response_` for an
empty field; the chosen options of a multi-select dropdown joined with `, `; checkboxes as
`- [X] <label>` / `- [ ] <label>`. Fields are found by the labels in the repository's own forms,
so renaming a label in a form changes what intake looks for at the same time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

FORMS_FOLDER = ".github/ISSUE_TEMPLATE"
NO_RESPONSE = "_No response_"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the same safe loader, in C
# Only the start of a line is matched; the rest is stripped as text (a pattern with a lazy
# middle and optional spaces at the end took seconds on one long line).
_CHECKBOX = re.compile(r"[ \t]*[-*][ \t]*\[([ xX])\]")
# The most GitHub's own rendering of a field could hold; anything longer is refused by
# Answers before any pattern reads it (a 65 KB answer would otherwise cost seconds).
FIELD_LIMITS = {"input": 2_000, "dropdown": 4_000, "checkboxes": 10_000, "textarea": 20_000}


@dataclass(frozen=True)
class TooLong:
    """An answer longer than its field could hold, kept only as its length."""

    length: int
    limit: int


class FormError(Exception):
    """A form definition cannot be read; the message says which and why."""


@dataclass(frozen=True)
class Option:
    value: str  # the schema value, before ': ' in the option's text
    text: str  # the whole option text as GitHub shows and renders it


@dataclass(frozen=True)
class FormField:
    id: str
    type: str  # input, textarea, dropdown, checkboxes
    label: str
    options: tuple[Option, ...] = ()
    multiple: bool = False
    required: bool = False


@dataclass(frozen=True)
class Form:
    name: str  # the file's stem, e.g. join-project
    title: str  # the form's own name, e.g. "Join a project"
    labels: tuple[str, ...]
    fields: tuple[FormField, ...] = field(default_factory=tuple)

    def field(self, field_id: str) -> FormField:
        for item in self.fields:
            if item.id == field_id:
                return item
        raise KeyError(field_id)

    def label(self, field_id: str) -> str:
        return self.field(field_id).label


def load_forms(root: Path) -> dict[str, Form]:
    """Every issue form in the repository, by file stem (config.yml is not a form)."""
    folder = root / FORMS_FOLDER
    forms: dict[str, Form] = {}
    for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
        if path.name == "config.yml":
            continue
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
        except (OSError, yaml.YAMLError) as exc:
            raise FormError(f"{FORMS_FOLDER}/{path.name} cannot be read: {exc}") from None
        forms[path.stem] = form_from(path.stem, data)
    return forms


def form_from(name: str, data: Any) -> Form:
    if not isinstance(data, dict) or not isinstance(data.get("body"), list):
        raise FormError(f"{FORMS_FOLDER}/{name}.yml is not an issue form.")
    fields = []
    for element in data["body"]:
        if not isinstance(element, dict) or element.get("type") == "markdown":
            continue
        attributes = element.get("attributes") or {}
        fields.append(
            FormField(
                id=str(element.get("id", "")),
                type=str(element.get("type")),
                label=str(attributes.get("label", "")),
                options=tuple(_option(o) for o in attributes.get("options") or []),
                multiple=bool(attributes.get("multiple")),
                required=bool((element.get("validations") or {}).get("required")),
            )
        )
    labels = data.get("labels") or []
    return Form(name, str(data.get("name", name)), tuple(str(x) for x in labels), tuple(fields))


def _option(option: Any) -> Option:
    text = str(option["label"] if isinstance(option, dict) else option)
    value = text.split(": ", 1)[0] if ": " in text else text
    return Option(value, text)


def form_for_issue(forms: dict[str, Form], labels: list[str], body: str) -> Form | None:
    """The form an issue was made with: by its labels, else by its headings (a label may have
    been removed by hand), else None."""
    names = {label.casefold() for label in labels}
    for form in forms.values():
        if form.labels and all(label.casefold() in names for label in form.labels):
            return form
    headings = set(_headings(normalise_text(body)))
    for form in forms.values():
        required = {f.label for f in form.fields if f.required}
        if required and required <= headings:
            return form
    return None


def normalise_text(text: str) -> str:
    """Windows and old Mac line ends as '\\n', and no byte-order mark."""
    return text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")


def _headings(text: str) -> list[str]:
    return [line[4:].strip() for line in text.split("\n") if line.startswith("### ")]


def sections(form: Form, body: str) -> dict[str, str]:
    """Field id -> the raw text under its heading. Only headings that are the form's labels,
    in the form's order, split the body, so a '### ' line typed into a text box stays text."""
    lines = normalise_text(body).split("\n")
    labels = {f.label: f.id for f in form.fields}
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in lines:
        heading = line[4:].strip() if line.startswith("### ") else None
        if heading in labels and labels[heading] not in found:
            current = found.setdefault(labels[heading], [])
            continue
        if current is not None:
            current.append(line)
    return {key: "\n".join(value).strip("\n") for key, value in found.items()}


def read_body(form: Form, body: str) -> dict[str, Any]:
    """Field id -> value: text or None for inputs and text areas; the option value (or the
    text typed, when it matches no option) or a list of them for dropdowns; the ticked labels
    for checkboxes. Fields missing from the body are None."""
    raw = sections(form, body)
    values: dict[str, Any] = {}
    for item in form.fields:
        text = raw.get(item.id)
        if text is None or text.strip() in {"", NO_RESPONSE}:
            values[item.id] = [] if item.type == "checkboxes" or item.multiple else None
        elif len(text) > FIELD_LIMITS.get(item.type, 20_000):
            values[item.id] = TooLong(len(text), FIELD_LIMITS.get(item.type, 20_000))
        elif item.type == "dropdown":
            chosen = _choices(item, text.strip())
            values[item.id] = chosen if item.multiple else (chosen[0] if chosen else None)
        elif item.type == "checkboxes":
            values[item.id] = _ticked(text)
        else:
            values[item.id] = text
    return values


def _choices(item: FormField, text: str) -> list[str]:
    """Options from GitHub's ', '-joined text. Option texts may contain ', ' themselves
    ('Births, deaths and marriages'), so the longest option that fits is taken each time."""
    by_length = sorted(
        ((o, o.text.casefold(), len(o.text)) for o in item.options), key=lambda o: -o[2]
    )
    chosen: list[str] = []
    rest = " ".join(text.split())
    at = 0  # each option is compared with the text at `at` only: linear in the answer
    while at < len(rest):
        for option, folded, size in by_length:
            end = at + size
            if rest[at:end].casefold() == folded and (end == len(rest) or rest[end] == ","):
                chosen.append(option.value)
                at = end
                break
        else:
            comma = rest.find(",", at)
            end = len(rest) if comma < 0 else comma
            chosen.append(_option_value(item, rest[at:end].strip()))
            at = end
        while at < len(rest) and rest[at] in ", ":
            at += 1
    return chosen


def _option_value(item: FormField, text: str) -> str:
    """An option's value from its value or text typed by hand, or the text itself."""
    folded = text.casefold()
    for option in item.options:
        if folded in {option.value.casefold(), option.text.casefold()}:
            return option.value
    return text


def _ticked(text: str) -> list[str]:
    ticked = []
    for line in text.split("\n"):
        found = _CHECKBOX.match(line)
        if found and found.group(1) in "xX":
            ticked.append(line[found.end() :].strip())
    return ticked


def render_body(form: Form, values: dict[str, Any]) -> str:
    """An issue body exactly as GitHub writes one from this form: for tests and examples.

    `values` holds field id -> text for inputs and text areas, option values (one or a list)
    for dropdowns, and the ticked option labels for checkboxes; anything missing is empty."""
    parts = []
    for item in form.fields:
        value = values.get(item.id)
        parts.append(f"### {item.label}\n\n{_rendered(item, value)}")
    return "\n\n".join(parts)


def _rendered(item: FormField, value: Any) -> str:
    if item.type == "checkboxes":
        ticked = set(value or [])
        return "\n".join(f"- [{'X' if o.text in ticked else ' '}] {o.text}" for o in item.options)
    if value in (None, "", []):
        return NO_RESPONSE
    if item.type == "dropdown":
        chosen = value if isinstance(value, list) else [value]
        texts = {o.value: o.text for o in item.options}
        return ", ".join(texts.get(v, v) for v in chosen)
    return str(value)
