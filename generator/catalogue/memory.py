"""Model objects kept between rebuilds of `mkdocs serve`, one per unchanged record.

A record whose file did not change is the very same LoadedRecord object on the next rebuild
(checking/memory.py), so it is given the same Project, Council or MakerDay as last time rather
than a new, equal one. Besides sparing the construction, an object kept keeps its text form,
written out once (`repr_once`), which pages/render_memory.py keys every render by.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from generator.loading.files import LoadedRecord

Model = TypeVar("Model")


class ModelMemory:
    def __init__(self) -> None:
        # id(record) -> (record, its model); the record is held, so its id is not reused.
        self._previous: dict[int, tuple[LoadedRecord, object]] = {}
        self._current: dict[int, tuple[LoadedRecord, object]] = {}

    def next_build(self) -> None:
        """Start a rebuild: the models the last one used are kept, the rest forgotten."""
        if self._current:
            self._previous = self._current
        self._current = {}

    def model(self, record: LoadedRecord, make: Callable[[LoadedRecord], Model]) -> Model:
        """make(record), or what it gave for this very record object last time."""
        kept = self._previous.get(id(record)) or self._current.get(id(record))
        made = kept[1] if kept is not None and kept[0] is record else make(record)
        self._current[id(record)] = (record, made)
        return made  # type: ignore[return-value]


def derived(model: object, name: str, inputs: object, make: Callable[[], Model]) -> Model:
    """make(), worked out from `model` (a frozen record object) and `inputs` (whatever else it
    reads, such as other records' names), or what it gave last time for the same `inputs`.

    Kept on the object itself, so it lasts as long as the record is unchanged (`ModelMemory`)
    and goes with it."""
    kept = model.__dict__.get(name)
    if kept is not None and kept[0] == inputs:
        return kept[1]  # type: ignore[no-any-return]
    made = make()
    model.__dict__[name] = (inputs, made)
    return made
