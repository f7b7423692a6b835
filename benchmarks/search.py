"""What a reader downloads to search, with Material's index and with Pagefind's.

Material's search loads its whole index (search/search_index.json) as soon as a page opens.
Pagefind (run here on the same built site, `pagefind` from PyPI) splits its index into chunks
and loads, for one search, its script and WebAssembly, the metadata, the index chunks for the
words searched and the fragments of the results shown.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Any

from benchmarks.measure import gzip_size, measure

RESULTS_SHOWN = 5
WORDS_SEARCHED = 2


def pagefind_available() -> bool:
    try:
        import pagefind  # noqa: F401
    except ImportError:
        return False
    return True


def measure_pagefind(site: Path, work: Path) -> dict[str, Any]:
    """Index `site` with Pagefind into `work/pagefind`; its cost and what one search loads."""
    out = work / "pagefind"
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(out)]
    run = measure([*command, "--root-selector", "article", "--quiet"], work, work / "pf.log")
    if run.exit_code != 0 or not out.is_dir():
        return {**run.as_dict(), "available": False}
    files = [p for p in out.rglob("*") if p.is_file()]
    chunks = sorted(p.stat().st_size for p in (out / "index").iterdir())
    fragments = sorted(p.stat().st_size for p in (out / "fragment").iterdir())
    # Script, WebAssembly and metadata; Pagefind's own files are compressed already.
    fixed = gzip_size((out / "pagefind.js").read_bytes()) + sum(
        p.stat().st_size for p in out.iterdir() if p.suffix in {".pagefind", ".pf_meta"}
    )
    median_chunk = chunks[len(chunks) // 2] if chunks else 0
    median_fragment = fragments[len(fragments) // 2] if fragments else 0
    one_search = fixed + WORDS_SEARCHED * median_chunk + RESULTS_SHOWN * median_fragment
    return {
        **run.as_dict(),
        "available": True,
        "bundle_bytes": sum(p.stat().st_size for p in files),
        "index_chunks": len(chunks),
        "one_search_bytes": one_search,
    }
