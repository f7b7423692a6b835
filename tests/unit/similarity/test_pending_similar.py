"""Similar projects worked out beside the rest of the site (a fork in a build, a helper
interpreter in `mkdocs serve`) are the same as worked out here."""

from __future__ import annotations

import pytest

from generator.forking import stop_fresh_process
from generator.similarity import engine
from generator.similarity.engine import PendingSimilar, all_similar
from generator.site.content import load
from tests.conftest import TODAY, catalogue_root


@pytest.mark.parametrize(
    ("fork", "update_last"),
    [(True, False), (False, False), (True, True)],
    ids=["forked", "fresh interpreter", "serve's helper, from its first build"],
)
def test_worked_out_beside_is_the_same(
    fork: bool, update_last: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalogue = load(catalogue_root(), TODAY).catalogue
    expected = all_similar(catalogue)
    monkeypatch.setattr(engine, "BESIDE_FROM", 1)
    if not fork:
        monkeypatch.setattr(engine, "can_fork", lambda: False)
    try:
        pending = PendingSimilar(catalogue, update_last=update_last)
        assert dict(pending) == expected
        assert pending.get("no-such-project") is None
    finally:
        stop_fresh_process()  # its thread would keep later tests from forking
