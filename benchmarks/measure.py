"""Run a command as a subprocess and measure its wall time and peak memory; size a built site.

Each command runs under a fresh Python wrapper, so the wrapper's RUSAGE_CHILDREN covers that
command alone: its peak resident memory (ru_maxrss is the largest single process among it and
the children it waited for, the same figure `/usr/bin/time -v` prints).
"""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

_WRAPPER = """
import json, resource, subprocess, sys, time
with open(sys.argv[1], "wb") as log:
    started = time.perf_counter()
    code = subprocess.call(sys.argv[3:], stdout=log, stderr=subprocess.STDOUT, cwd=sys.argv[2])
    seconds = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = usage.ru_utime + usage.ru_stime
print(json.dumps({"seconds": seconds, "cpu_seconds": cpu, "peak_mib": usage.ru_maxrss / 1024,
                  "exit_code": code}))
"""


@dataclass(frozen=True)
class Measurement:
    """Wall time; CPU time of the command and its helpers (steady when the machine is busy)."""

    seconds: float
    cpu_seconds: float
    peak_mib: float
    exit_code: int
    log: str

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def measure(command: list[str], cwd: Path, log: Path) -> Measurement:
    """Run `command` in `cwd`, its output to `log`; time it and take its peak memory."""
    log.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [sys.executable, "-c", _WRAPPER, str(log), str(cwd), *command],
        capture_output=True,
        text=True,
        check=True,
    )
    figures = json.loads(result.stdout)
    return Measurement(
        figures["seconds"],
        figures["cpu_seconds"],
        figures["peak_mib"],
        figures["exit_code"],
        str(log),
    )


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


@dataclass(frozen=True)
class SiteSize:
    """How big a built site is, and what its heaviest parts weigh."""

    total_bytes: int
    html_pages: int
    largest_page: str
    largest_page_bytes: int
    search_index_bytes: int
    search_index_gzip: int

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


# Search indexes we know: Material's JSON index, or Pagefind's folder of fragments.
SEARCH_INDEXES = ("search/search_index.json", "pagefind")


def site_size(site: Path) -> SiteSize:
    total = 0
    pages = 0
    largest = ("", 0)
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        size = path.stat().st_size
        total += size
        if path.suffix == ".html":
            pages += 1
            if size > largest[1]:
                largest = (path.relative_to(site).as_posix(), size)
    index_bytes, index_gzip = _search_index(site)
    return SiteSize(total, pages, largest[0], largest[1], index_bytes, index_gzip)


def _search_index(site: Path) -> tuple[int, int]:
    for name in SEARCH_INDEXES:
        path = site / name
        if path.is_file():
            data = path.read_bytes()
            return len(data), gzip_size(data)
        if path.is_dir():
            files = [p for p in path.rglob("*") if p.is_file()]
            # Pagefind's fragments are compressed already and fetched a few at a time.
            return sum(p.stat().st_size for p in files), sum(p.stat().st_size for p in files)
    return 0, 0


_LOCAL_DATA = re.compile(r"""(?:src|href|data-[a-z-]+)=["']([^"'#?]+\.json)["']""")


def page_transfer(site: Path, page: str) -> dict[str, int]:
    """Gzip bytes of one page's HTML and of the JSON data files it names (what it fetches).

    Shared theme assets (CSS, JavaScript, fonts) are cached across pages and left out; the
    point is what grows with the catalogue.
    """
    html_path = site / page
    html = html_path.read_bytes()
    data = 0
    for reference in sorted(set(_LOCAL_DATA.findall(html.decode("utf-8", "replace")))):
        target = (html_path.parent / reference).resolve()
        if target.is_file() and target.is_relative_to(site.resolve()):
            data += gzip_size(target.read_bytes())
    return {"html_gzip": gzip_size(html), "data_gzip": data, "total_gzip": gzip_size(html) + data}
