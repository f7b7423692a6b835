"""Pipeline: records in YAML -> checked catalogue -> pages -> MkDocs site.

Data flow, one package per step:
    loading/   read YAML record files, keeping the line and column of every value
    checking/  JSON Schema and cross-record rules, producing Problems
    catalogue  the typed model of a checked repository
    pages/     pure functions from the catalogue to pages and data files
    dashboard/ the community manager's figures and SVG charts (used by pages/)
    mkdocs_plugin/  the thin adapter that feeds those pages to MkDocs
    intake/    issue forms and comment commands -> minimal, checked record changes
    cli/       the `pipeline` command
"""
