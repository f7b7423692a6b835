"""Pipeline: records in YAML -> checked catalogue -> pages -> MkDocs site.

The data flow, one folder per step (README.md's "How it fits together" has the whole map):
    loading/    read YAML record files, keeping the line and column of every value
    checking/   JSON Schema and cross-record rules, producing Problems
    catalogue/  the typed model of a checked repository
    pages/, outputs/, dashboard/   pure functions from the catalogue to pages and data files
    site/       the whole site composed, and written for any engine
    mkdocs_plugin/  the thin adapter that feeds the site to MkDocs
    cli/        the `pipeline` command
Beside it, one folder per feature: staleness/, pull_request/, similarity/, ownership/, git/,
register/, authoring/, intake/ (issue forms and comment commands -> checked record changes).
"""
