"""The whole site: records in, pages and data files composed, written for MkDocs or any engine."""
