"""Benchmark Pipeline at scale: validate and build synthetic catalogues, beside the baselines.

    python benchmarks/run.py                      # validate 1,000 and 10,000; build 100 to 10,000
    python benchmarks/run.py --sizes 100,1000 --validate-sizes 1000 --json results.json

Every measured command runs as its own subprocess (wall time and peak memory). Prints a table
and writes JSON. Run by hand: it takes minutes at 10,000 projects.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.baseline import write_baseline
from benchmarks.machine import describe_machine
from benchmarks.measure import measure, page_transfer, site_size
from benchmarks.preview import measure_preview
from benchmarks.search import browser_available, measure_search
from benchmarks.synthetic import commit_all, write_catalogue
from benchmarks.table import print_table
from generator.loading.files import KIND_FOLDERS

TODAY = "2026-11-22"
BIN = Path(sys.executable).parent
# The catalogue page of the built site, whose transfer size the targets cap.
CATALOGUE_PAGE = "projects/index.html"


def tool(name: str) -> str | None:
    """A console script from this interpreter's environment, else from PATH."""
    local = BIN / name
    return str(local) if local.exists() else shutil.which(name)


def best_of(repeat: int, command: list[str], cwd: Path, log: Path) -> dict[str, Any]:
    return _best([measure(command, cwd, log) for _ in range(repeat)])


def bench_validate(repo: Path, work: Path, repeat: int) -> dict[str, Any]:
    pipeline = tool("pipeline")
    assert pipeline, "the pipeline command is not installed: run `make install`"
    result: dict[str, Any] = {
        "pipeline": best_of(
            repeat, [pipeline, "validate", "--today", TODAY], repo, work / "validate.log"
        )
    }
    # The savings report checks every record too, then adds up the estimates: linear as well.
    savings = [pipeline, "savings", "--format", "json", "--today", TODAY]
    result["savings"] = best_of(repeat, savings, repo, work / "savings.log")
    checker = tool("check-jsonschema")
    if checker is None:
        result["check_jsonschema"] = None
        return result
    # One run per kind (one schema each); the figures add up to the same files as ours.
    total: dict[str, Any] = {"seconds": 0.0, "cpu_seconds": 0.0, "peak_mib": 0.0, "exit_code": 0}
    for kind, folder in KIND_FOLDERS.items():
        files = sorted(str(p.relative_to(repo)) for p in (repo / folder).glob("*.yml"))
        command = [checker, "--schemafile", f"schema/{kind}.schema.json", *files]
        one = best_of(repeat, command, repo, work / f"check-jsonschema-{kind}.log")
        total["seconds"] += one["seconds"]
        total["cpu_seconds"] += one["cpu_seconds"]
        total["peak_mib"] = max(total["peak_mib"], one["peak_mib"])
        total["exit_code"] = total["exit_code"] or one["exit_code"]
    result["check_jsonschema"] = total
    return result


def has_build(pipeline: str) -> bool:
    done = subprocess.run([pipeline, "build", "--help"], capture_output=True, check=False)
    return done.returncode == 0


def bench_build(
    repo: Path, work: Path, projects: int, browser: bool, repeat: int = 2
) -> dict[str, Any]:
    """`pipeline build` and the bare baseline, taken in turns `repeat` times (so a change in the
    machine's load falls on both), each at its best wall and CPU time."""
    result: dict[str, Any] = {}
    pipeline = tool("pipeline")
    mkdocs = tool("mkdocs")
    assert mkdocs, "mkdocs is not installed"
    bare = work / "bare"
    pages = write_baseline(repo, bare)
    ours_runs, bare_runs = [], []
    built = pipeline is not None and has_build(pipeline)
    for _ in range(max(repeat, 1)):
        if built:
            command = [str(pipeline), "build", "--today", TODAY]
            ours_runs.append(measure(command, repo, work / "build.log"))
        bare_runs.append(measure([mkdocs, "build", "--quiet"], bare, work / "bare.log"))
    if built:
        result["pipeline"] = {**_best(ours_runs), **_site_figures(repo / "site", projects)}
        if browser and (repo / "site").is_dir():
            result["search"] = measure_search(repo / "site", f"projects/{_first_project(repo)}/")
    else:
        result["pipeline"] = None  # `pipeline build` is not in this version yet
    result["bare_mkdocs"] = {**_best(bare_runs), "source_pages": pages}
    result["bare_mkdocs"].update(_site_figures(bare / "site", projects))
    return result


def _best(runs: list[Any]) -> dict[str, Any]:
    best = min(runs, key=lambda m: m.seconds)
    return {
        **best.as_dict(),
        "cpu_seconds": min(m.cpu_seconds for m in runs),
        "peak_mib": max(m.peak_mib for m in runs),
        "runs": len(runs),
        "all_seconds": [round(m.seconds, 2) for m in runs],
        "all_cpu_seconds": [round(m.cpu_seconds, 2) for m in runs],
    }


def _first_project(repo: Path) -> str:
    return sorted(p.stem for p in (repo / "projects").glob("*.yml"))[0]


def bench_preview(repo: Path) -> dict[str, Any]:
    mkdocs = tool("mkdocs")
    assert mkdocs, "mkdocs is not installed"
    return measure_preview(repo, mkdocs, _first_project(repo))


def _site_figures(site: Path, projects: int) -> dict[str, Any]:
    if not site.is_dir():
        return {}
    size = site_size(site)
    record_pages = [p for p in (site / "projects").glob("*/index.html")]
    figures: dict[str, Any] = size.as_dict()
    figures["bytes_per_project"] = size.total_bytes / projects
    figures["mean_record_page_bytes"] = (
        sum(p.stat().st_size for p in record_pages) / len(record_pages) if record_pages else 0
    )
    if (site / CATALOGUE_PAGE).is_file():
        figures["catalogue_page"] = page_transfer(site, CATALOGUE_PAGE)
    return figures


def parse_sizes(text: str) -> list[int]:
    return [int(part.replace("_", "")) for part in text.split(",") if part.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="projects per build run")
    parser.add_argument("--validate-sizes", default="1000,10000", help="projects per validate run")
    parser.add_argument("--councils", type=int, default=380, help="councils in every catalogue")
    parser.add_argument("--repeat", type=int, default=3, help="validate runs per size (best of)")
    parser.add_argument(
        "--build-repeat", type=int, default=2, help="build runs per size, in turns (best of)"
    )
    parser.add_argument("--json", type=Path, help="write the results here as JSON")
    parser.add_argument("--keep", type=Path, help="keep the synthetic repositories in this folder")
    parser.add_argument(
        "--preview-sizes", default="1000,10000", help="sizes at which `mkdocs serve` is timed"
    )
    parser.add_argument(
        "--no-browser", action="store_true", help="skip measuring search in Chromium"
    )
    parser.add_argument("--table", type=Path, help="only print the tables of an earlier --json")
    args = parser.parse_args(argv)
    if args.table:
        print_table(json.loads(args.table.read_text(encoding="utf-8")))
        return 0

    build_sizes = parse_sizes(args.sizes)
    validate_sizes = parse_sizes(args.validate_sizes)
    preview_sizes = parse_sizes(args.preview_sizes)
    results: dict[str, Any] = {
        "machine": describe_machine(),
        "validate": {},
        "build": {},
        "preview": {},
    }
    with tempfile.TemporaryDirectory(prefix="pipeline-bench-") as temporary:
        base = args.keep or Path(temporary)
        for size in sorted(set(build_sizes) | set(validate_sizes) | set(preview_sizes)):
            work = base / f"n{size}"
            shutil.rmtree(work, ignore_errors=True)
            catalogue = write_catalogue(work / "repo", size, councils=args.councils)
            commit_all(catalogue.root)
            print(f"n={size}: {catalogue.record_bytes / 1e6:.1f} MB of records", file=sys.stderr)
            if size in validate_sizes:
                results["validate"][size] = bench_validate(catalogue.root, work, args.repeat)
            if size in build_sizes:
                browser = not args.no_browser and browser_available()
                results["build"][size] = bench_build(
                    catalogue.root, work, size, browser, args.build_repeat
                )
            if size in preview_sizes:
                results["preview"][size] = bench_preview(catalogue.root)
    print_table(results)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
