"""How fast "Similar projects" is on big synthetic catalogues.

    python benchmarks/similarity.py 1000 10000

Synthetic projects are stitched together, with a fixed random seed, from the sentences, titles
and tags of the labelled pairs in tests/unit/similarity/pairs.yml, so they use real council
vocabulary. That makes term lists long and overlapping: harder than real projects, which differ
more. Prints the time to build the index, the time to find the top 5 for every project (what the
site build does) and the memory the index holds.
"""

from __future__ import annotations

import random
import re
import sys
import time
import tracemalloc
from pathlib import Path

import yaml

from generator.similarity.engine import ProjectText, SimilarityIndex

PAIRS = Path(__file__).resolve().parent.parent / "tests" / "similarity" / "pairs.yml"


def pool() -> tuple[list[str], list[str], list[str], list[str]]:
    data = yaml.safe_load(PAIRS.read_text(encoding="utf-8"))
    items = [
        x
        for key, pairs in data.items()
        if key != "distractors"
        for p in pairs
        for x in (p["a"], p["b"])
    ] + data["distractors"]
    titles = [i["title"] for i in items]
    sentences = [
        s
        for i in items
        for t in (i["summary"], i.get("description", ""))
        for s in re.split(r"(?<=\.)\s+", t)
        if s
    ]
    tags = sorted({t for i in items for t in i.get("tags", ())})
    areas = sorted({a for i in items for a in i.get("service_areas", ())})
    return titles, sentences, tags, areas


def synthetic(count: int, seed: int = 2026) -> dict[str, ProjectText]:
    titles, sentences, tags, areas = pool()
    rng = random.Random(seed)
    projects = {}
    for n in range(count):
        projects[f"project-{n:05d}"] = ProjectText(
            title=f"{rng.choice(titles)} {rng.choice(['', 'pilot', 'service', 'for residents'])}",
            summary=" ".join(rng.sample(sentences, 2)),
            description=" ".join(rng.sample(sentences, rng.randint(3, 8))),
            tags=tuple(rng.sample(tags, rng.randint(1, 4))),
            service_areas=tuple(rng.sample(areas, rng.randint(1, 2))),
        )
    return projects


def measure(count: int) -> None:
    projects = synthetic(count)
    started = time.perf_counter()
    index = SimilarityIndex.build(projects)
    built = time.perf_counter()
    for project_id in index.ids:
        index.similar_to(project_id, top=5, threshold=0.25)
    done = time.perf_counter()
    # Memory is measured in a second build: tracemalloc slows Python down several times over.
    del index
    tracemalloc.start()
    index = SimilarityIndex.build(projects)
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(index) == count
    print(
        f"{count:>6} projects: index built in {built - started:5.2f} s; top 5 for every "
        f"project in {done - built:5.2f} s ({(done - built) / count * 1000:.2f} ms each); "
        f"index holds {held / 2**20:.0f} MiB (peak while building {peak / 2**20:.0f} MiB)"
    )


if __name__ == "__main__":
    for size in [int(a) for a in sys.argv[1:]] or [1000, 10000]:
        measure(size)
