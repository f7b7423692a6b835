"""What `mkdocs serve` keeps from one rebuild to the next, so that an edit costs what it changes.

Every rebuild still reads all the records and works the whole site out from them, the same pure
function as a full build; what the memory spares is the work whose inputs did not change:
parsing and schema-checking unchanged files (checking/memory.py), making their models again
(catalogue/memory.py) and rendering the templates of
pages that would show the same values as last time (pages/render_memory.py). Stems of unchanged
text and Markdown already rendered are remembered by their own caches.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.catalogue.memory import ModelMemory
from generator.checking.memory import RecordMemory
from generator.pages.render_memory import RenderMemory


@dataclass
class SiteMemory:
    records: RecordMemory = field(default_factory=RecordMemory)
    models: ModelMemory = field(default_factory=ModelMemory)
    renders: RenderMemory = field(default_factory=RenderMemory)
