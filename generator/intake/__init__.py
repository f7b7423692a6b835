"""Intake: an issue form or a one-line comment on GitHub becomes a checked change to the records.

`pipeline intake` reads the webhook event, decides everything and prints a plan (plan.py); the
intake workflow only carries the plan out with git and gh. Modules, each with one job:

- forms.py: the repository's issue forms, and issue bodies as GitHub renders them;
- fields.py: forgiving readers for what people type (council names, money, dates, handles);
- edits.py: minimal text edits to existing YAML records;
- commands.py: `/reviewed`, `/update <text>` and `/retire` in comments, and who may use them;
- handlers.py: one function per kind of form or command, from a registry;
- proposal.py: checking the changed records with the validator, similar-project warnings;
- plan.py: the JSON contract and the event in, the plan out.
"""
