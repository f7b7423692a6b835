"""A form's answers, read field by field; every problem is kept with the field's label, so
the reply can list them all at once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.intake.fields import EMPTY_WORDS, FieldProblem
from generator.intake.forms import Form, TooLong, read_body


class Refusal(Exception):
    """The submission cannot become a change: (label, message) pairs say what to fix."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__("; ".join(f"{label}: {message}" for label, message in problems))
        self.problems = problems


class Answers:
    def __init__(self, form: Form, body: str) -> None:
        self.form = form
        self.values = read_body(form, body)
        self.problems: list[tuple[str, str]] = []

    def label(self, field_id: str) -> str:
        return self.form.label(field_id)

    def get(
        self, field_id: str, reader: Callable[[Any], Any] | None = None, *, required: bool = False
    ) -> Any:
        """The answer to `field_id` through `reader`, or None (with the problem noted)."""
        value = self.values.get(field_id)
        if isinstance(value, TooLong):
            self.refuse(
                field_id, f"this is {value.length:,} characters long; the most is {value.limit:,}."
            )
            return None
        if isinstance(value, str) and value.strip().casefold() in EMPTY_WORDS:
            value = None  # 'N/A' typed into a question that did not apply
        if value is not None and reader is not None:
            try:
                value = reader(value)
            except FieldProblem as exc:
                self.refuse(field_id, str(exc))
                return None
        if value in (None, "", []):
            if required:
                self.refuse(field_id, "this needs an answer.")
            return None
        return value

    def ticked(self, field_id: str) -> bool:
        value = self.values.get(field_id)
        return isinstance(value, list) and bool(value)

    def refuse(self, field_id: str, message: str) -> None:
        self.problems.append((self.label(field_id), message))

    def check(self) -> None:
        """Raise Refusal when any answer had a problem."""
        if self.problems:
            raise Refusal(self.problems)
