"""Site search: what a reader can find and by which words (Pagefind and the catalogue's filter)."""
