"""The community manager's dashboard: figures worked out from the catalogue at build time.

    metrics   plain numbers and lists from the Catalogue, `today` and the stale list
    charts    those numbers drawn as inline SVG (bar and line charts) from Jinja templates
    page      the `/dashboard/` page body: each chart followed by its data as a table

Pure: imports no mkdocs and no click, so it can be tested and reused without a site build.
"""
