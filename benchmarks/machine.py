"""The machine a benchmark ran on: results mean little without it."""

from __future__ import annotations

import os
import platform
from importlib import metadata
from pathlib import Path

import yaml

PACKAGES = (
    "mkdocs",
    "mkdocs-material",
    "jsonschema",
    "jsonschema-rs",
    "check-jsonschema",
    "pyyaml",
)


def _cpu_model() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                return line.partition(":")[2].strip()
    return platform.processor() or "unknown"


def _memory_gib() -> float:
    meminfo = Path("/proc/meminfo")
    if meminfo.is_file():
        for line in meminfo.read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024 / 1024
    return 0.0


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def describe_machine() -> dict[str, object]:
    return {
        "cpus": os.cpu_count(),
        "cpu_model": _cpu_model(),
        "memory_gib": round(_memory_gib(), 1),
        "system": platform.platform(),
        "python": platform.python_version(),
        "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None,
        "libyaml": bool(getattr(yaml, "__with_libyaml__", False)),
        "packages": {name: _version(name) for name in PACKAGES},
    }
