"""Intake: an issue form or a one-line comment on GitHub becomes a checked change to the records.

`pipeline intake` reads the webhook event, decides everything and prints a plan (plan.py); the
intake workflow only carries the plan out with git and gh (.github/scripts/intake-apply.sh).
Modules, each with one job:

- event.py: the webhook payload, checked and cut to size;
- forms.py: the repository's issue forms, and issue bodies as GitHub renders them;
- answers.py, fields.py: reading each answer forgivingly (council names, money, dates, handles),
  keeping every problem with the form's label;
- edits.py: minimal text edits to existing YAML records;
- existing.py, new_records.py: one handler per form (join, update, challenge; new project, new
  council);
- commands.py: `/reviewed`, `/update <text>` and `/retire` in comments, and who may use them;
- workspace.py: what intake knows about the repository;
- proposal.py: the validator on the changed records, CODEOWNERS, similar projects;
- replies.py: the reply on the issue and the pull request's text;
- plan.py: the registry of forms and commands, and the JSON contract.
"""
