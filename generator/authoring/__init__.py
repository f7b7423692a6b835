"""Writing records: commented starter records and drafts read from anywhere."""
