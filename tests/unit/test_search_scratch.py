"""The documents Pagefind reads go in a memory-backed folder only when it has room for them."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.search import pagefind_index
from generator.search.pagefind_index import DocumentFolder


def test_the_memory_folder_is_used_when_it_has_room(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pagefind_index, "MEMORY_FOLDER", tmp_path)
    folder = DocumentFolder(room=1024)
    try:
        assert folder.path.parent == tmp_path
    finally:
        folder.remove()
    assert not folder.path.exists()


def test_without_room_the_usual_temporary_folder_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pagefind_index, "MEMORY_FOLDER", tmp_path)
    folder = DocumentFolder(room=1 << 62)  # more than any disk has
    try:
        assert folder.path.parent != tmp_path
        assert folder.path.is_dir()
    finally:
        folder.remove()


def test_a_missing_memory_folder_is_passed_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pagefind_index, "MEMORY_FOLDER", tmp_path / "missing")
    folder = DocumentFolder(room=1)
    try:
        assert folder.path.is_dir() and folder.path.parent != tmp_path / "missing"
    finally:
        folder.remove()
