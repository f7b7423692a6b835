"""Page generation: the catalogue in, Markdown pages out. Pure functions; imports no MkDocs."""
