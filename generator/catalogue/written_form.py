"""How the model's objects are written out as the keys of remembered renders.

pages/render_memory.py keys a render by everything the page is given, written out in full
(`repr`). One project is given to a dozen pages and feeds, and a list page is given hundreds of
projects, so the classes most often given (`@repr_once`) write themselves out once per object,
and, while a key is being written (`briefly`), as a digest of that text: a key then holds a
short token per project where it held the whole record. Kept between rebuilds with the objects
themselves (catalogue/memory.py), neither is worked out again for an unchanged record.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")

# What `repr` shows for an object without a faithful text form: such a value cannot be a key.
ADDRESS_ONLY = " at 0x"

_brief = False


@contextmanager
def briefly() -> Iterator[None]:
    """Within: objects of `repr_once` classes write themselves out as a digest of their text."""
    global _brief
    before, _brief = _brief, True
    try:
        yield
    finally:
        _brief = before


def repr_once(cls: type[T]) -> type[T]:
    """A frozen dataclass's repr, worked out once per object (the object is frozen: its fields
    never change), and its brief form for keys likewise."""
    written_out = cls.__repr__
    name = cls.__name__

    def __repr__(self: object) -> str:
        kept = self.__dict__
        if _brief:
            brief = kept.get("_brief")
            if brief is None:
                text = written_out(self)  # (what it holds written briefly too)
                digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16)
                # An object holding something without a faithful text form stays unkeyable.
                brief = text if ADDRESS_ONLY in text else f"{name}#{digest.hexdigest()}"
                kept["_brief"] = brief
            return brief
        text = kept.get("_repr")
        if text is None:
            text = kept["_repr"] = written_out(self)
        return text

    cls.__repr__ = __repr__  # type: ignore[method-assign,assignment]
    return cls
