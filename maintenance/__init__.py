"""Tools that keep the repository itself in shape (dependencies, workflows); not part of the
catalogue, so not installed with it."""
