"""Git, the one way: a single runner, a record's history, and the dates records last changed."""
