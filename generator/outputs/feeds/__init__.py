"""Atom feeds: one for every project, council and service area, maker days and the weeks."""

from generator.outputs.feeds.records import record_feeds

__all__ = ["record_feeds"]
