"""A council's portfolio on Pipeline, reported once and used everywhere: the report for its
board (`model.py`, `formats.py`), the list for its own website (`embed.py`) and the other
councils working on the same things (`likeness.py`)."""
