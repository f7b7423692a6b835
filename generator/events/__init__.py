"""What happened, when: the records' dates turned into dated events, once, for feeds and digests."""

from generator.events.records import Event, catalogue_events, project_events

__all__ = ["Event", "catalogue_events", "project_events"]
