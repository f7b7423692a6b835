"""The thin MkDocs plugin that feeds generated pages into a build (the only MkDocs import)."""
