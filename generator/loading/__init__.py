"""Reading record files: safe YAML with the position of every value, and the file rules."""
