"""The typed model of a checked repository, built from records that passed the checks."""
