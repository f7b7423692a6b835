"""Similar projects: which projects describe the same service, even in different words."""
