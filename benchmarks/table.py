"""The benchmark's results as plain-text tables, one for validate and one for build."""

from __future__ import annotations

from typing import Any

VALIDATE_HEADER = ("projects", "command", "seconds", "CPU s", "peak MiB", "vs check-jsonschema")
BUILD_HEADER = (
    "projects",
    "command",
    "seconds",
    "CPU s",
    "peak MiB",
    "vs bare",
    "CPU vs bare",
    "HTML pages",
    "site MB",
    "KB/project",
    "record page KB",
    "largest page KB",
    "search index MB (gz)",
    "catalogue KB gz (page + data)",
)


def _row_text(row: tuple[object, ...], widths: list[int]) -> str:
    return "  ".join(str(cell).rjust(width) for cell, width in zip(row, widths, strict=True))


def format_table(header: tuple[str, ...], rows: list[tuple[object, ...]]) -> str:
    cells = [header, *rows]
    widths = [max(len(str(row[i])) for row in cells) for i in range(len(header))]
    lines = [_row_text(header, widths), "  ".join("-" * w for w in widths)]
    lines += [_row_text(row, widths) for row in rows]
    return "\n".join(lines)


def validate_rows(results: dict[Any, Any]) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for size, figures in results.items():
        ours, theirs = figures["pipeline"], figures.get("check_jsonschema")
        ratio = f"{ours['seconds'] / theirs['seconds']:.2f}x" if theirs else "-"
        rows.append(
            (f"{int(size):,}", "pipeline validate", _s(ours), _cpu(ours), _mib(ours), ratio)
        )
        if theirs:
            rows.append(
                (f"{int(size):,}", "check-jsonschema", _s(theirs), _cpu(theirs), _mib(theirs), "")
            )
        run = figures.get("savings")
        if run:
            rows.append((f"{int(size):,}", "pipeline savings", _s(run), _cpu(run), _mib(run), ""))
    return rows


def build_rows(results: dict[Any, Any]) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for size, figures in results.items():
        bare = figures["bare_mkdocs"]
        for name, run in (("pipeline build", figures.get("pipeline")), ("bare mkdocs", bare)):
            if not run:
                rows.append((f"{int(size):,}", name, "not available", *[""] * 11))
                continue
            ratio = f"{run['seconds'] / bare['seconds']:.2f}x" if run is not bare else ""
            cpu_ratio = (
                f"{run['cpu_seconds'] / bare['cpu_seconds']:.2f}x" if run is not bare else ""
            )
            transfer = run.get("catalogue_page", {})
            rows.append(
                (
                    f"{int(size):,}",
                    name,
                    _s(run),
                    _cpu(run),
                    _mib(run),
                    ratio,
                    cpu_ratio,
                    f"{run.get('html_pages', 0):,}",
                    f"{run.get('total_bytes', 0) / 1e6:.1f}",
                    f"{run.get('bytes_per_project', 0) / 1e3:.1f}",
                    f"{run.get('mean_record_page_bytes', 0) / 1e3:.1f}",
                    f"{run.get('largest_page_bytes', 0) / 1e3:.0f}",
                    f"{run.get('search_index_bytes', 0) / 1e6:.1f} "
                    f"({run.get('search_index_gzip', 0) / 1e6:.1f})",
                    f"{transfer['html_gzip'] / 1e3:.0f} + {transfer['data_gzip'] / 1e3:.0f}"
                    if transfer
                    else "-",
                )
            )
    return rows


def _s(run: dict[str, Any]) -> str:
    failed = "" if run["exit_code"] == 0 else f" (exit {run['exit_code']})"
    return f"{run['seconds']:.2f}{failed}"


def _cpu(run: dict[str, Any]) -> str:
    return f"{run['cpu_seconds']:.2f}"


def _mib(run: dict[str, Any]) -> str:
    return f"{run['peak_mib']:.0f}"


SEARCH_HEADER = (
    "projects",
    "search",
    "index on disk MB",
    "per page view KB (gz)",
    "per first search KB (gz)",
)


def search_rows(results: dict[Any, Any]) -> list[tuple[object, ...]]:
    """Material's index (the bare baseline) loads whole on the first page view; Pagefind's
    figures are measured in Chromium (benchmarks/search.py)."""
    rows: list[tuple[object, ...]] = []
    for size, figures in results.items():
        bare = figures.get("bare_mkdocs") or {}
        if bare.get("search_index_bytes"):
            whole = f"{bare['search_index_gzip'] / 1e3:,.0f}"
            rows.append(
                (
                    f"{int(size):,}",
                    "Material (bare)",
                    f"{bare['search_index_bytes'] / 1e6:.1f}",
                    whole,
                    whole,
                )
            )
        ours, found = figures.get("pipeline") or {}, figures.get("search") or {}
        if found:
            rows.append(
                (
                    f"{int(size):,}",
                    "Pagefind (Pipeline)",
                    f"{ours.get('search_index_bytes', 0) / 1e6:.1f}",
                    f"{found['page_view_bytes'] / 1e3:,.1f}",
                    f"{found['first_search_bytes'] / 1e3:,.0f}",
                )
            )
    return rows


PREVIEW_HEADER = ("projects", "first serve s", "one-record edit shown s (median)", "each edit s")


def preview_rows(results: dict[Any, Any]) -> list[tuple[object, ...]]:
    def seconds(value: float | None) -> str:
        return "timed out" if value is None else f"{value:.1f}"

    return [
        (
            f"{int(size):,}",
            seconds(r["first_serve_seconds"]),
            seconds(r["edit_seconds"]),
            ", ".join(seconds(s) for s in r.get("edits", [r["edit_seconds"]])),
        )
        for size, r in results.items()
    ]


def print_table(results: dict[str, Any]) -> None:
    machine = results["machine"]
    print(
        f"\n{machine['cpus']} CPUs ({machine['cpu_model']}), {machine['memory_gib']} GiB, "
        f"Python {machine['python']}, libyaml {'yes' if machine['libyaml'] else 'no'}, "
        f"load average at start {machine['load_average']}"
    )
    if results["validate"]:
        print("\nValidate\n" + format_table(VALIDATE_HEADER, validate_rows(results["validate"])))
    if results["build"]:
        print("\nBuild\n" + format_table(BUILD_HEADER, build_rows(results["build"])))
        print("\nSearch\n" + format_table(SEARCH_HEADER, search_rows(results["build"])))
    if results.get("preview"):
        print("\nPreview\n" + format_table(PREVIEW_HEADER, preview_rows(results["preview"])))
