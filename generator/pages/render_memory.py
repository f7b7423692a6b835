"""Page bodies remembered between the rebuilds of `mkdocs serve`, keyed by what they show.

A template's output is a pure function of its name, the page's path and the values it is given,
so when a rebuild gives a template the same values again, the body rendered last time is used.
The key is those values written out in full (`repr`; the model's records as a digest of theirs,
catalogue/written_form.py), so any change to anything a page shows renders it again. Values that
cannot be written out faithfully (an object shown only by its address, such as the whole
Catalogue, or a closure) make a page render every time: slower, never stale. A full build does
not use this.
"""

from __future__ import annotations

import hashlib
import types
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from generator.catalogue.written_form import ADDRESS_ONLY, briefly

T = TypeVar("T")


class RenderMemory:
    """Rendered bodies by key, kept from one rebuild to the next (only those used last time)."""

    def __init__(self) -> None:
        self._previous: dict[bytes, Any] = {}
        self._current: dict[bytes, Any] = {}
        self.reused = 0
        self.rendered = 0

    def next_build(self) -> None:
        """Start a rebuild: what the last one used is kept, the rest forgotten."""
        if self._current:  # (after a failed rebuild, the one before it is still the last)
            self._previous = self._current
        self._current = {}
        self.reused = self.rendered = 0

    def recall(self, key: bytes) -> Any | None:
        body = self._current.get(key)
        if body is None:
            body = self._previous.get(key)
            if body is not None:
                self._current[key] = body
        if body is not None:
            self.reused += 1
        return body

    def keep(self, key: bytes, body: Any) -> None:
        self.rendered += 1
        self._current[key] = body


_memory: ContextVar[RenderMemory | None] = ContextVar("render_memory", default=None)


@contextmanager
def remembering(memory: RenderMemory | None) -> Iterator[None]:
    """Within this block, templating.render reuses bodies `memory` has for the same values."""
    token = _memory.set(memory)
    try:
        yield
    finally:
        _memory.reset(token)


def remembered(what: str, where: str, values: Mapping[str, Any], make: Callable[[], T]) -> T:
    """make(), or what it gave last time for the same `what` (a template, a kind of file),
    `where` (its site path) and `values` (everything make() reads), within `remembering`."""
    memory = _memory.get()
    key = key_of(what, where, values) if memory is not None else None
    if memory is None or key is None:
        return make()
    made = memory.recall(key)
    if made is None:
        made = make()
        memory.keep(key, made)
    return made


def key_of(template: str, page_path: str, context: Mapping[str, Any]) -> bytes | None:
    """The key of one render, or None when a value cannot be written out faithfully."""
    digest = hashlib.blake2b(digest_size=20)
    for part in (template, page_path):
        digest.update(part.encode("utf-8") + b"\0")
    with (
        briefly()
    ):  # a project is written as a digest of its text (generator/catalogue/written_form.py)
        for name in sorted(context):
            text = _text(context[name])
            if text is None or ADDRESS_ONLY in text:
                return None
            digest.update(f"{name}={text}\0".encode("utf-8", "surrogatepass"))
    return digest.digest()


def _text(value: Any) -> str | None:
    if isinstance(value, types.FunctionType):
        # A module's own function is the same code on every rebuild; a closure may not be.
        name = value.__qualname__
        return None if "<" in name else f"{value.__module__}.{name}"
    return repr(value)
