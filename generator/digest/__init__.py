"""The weekly digest: what happened on Pipeline in a week, for people and for scripts."""
