"""Projects that need review: why each is stale, the report, and the weekly issue plan."""
