"""Checking records: the JSON Schemas first, then the rules that span records."""

# The rules about funding, sources and bodies register themselves with rules.record_rule.
from generator.checking import fact_rules as fact_rules

# The rule about each council's own service address registers itself with rules.record_rule.
from generator.checking import service_links as service_links
