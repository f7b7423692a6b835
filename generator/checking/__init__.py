"""Checking records: the JSON Schemas first, then the rules that span records."""
