"""The community manager's dashboard: figures worked out from the catalogue at build time.

    metrics, timeline  plain numbers and lists from the Catalogue, `today` and the stale list
    charts             those numbers drawn as inline SVG (bar and line charts) from templates
    tables             every chart's data as an accessible table
    sections, lists    the page's parts; page puts them together as `/dashboard/`'s Markdown

Pure: imports no mkdocs, no click and nothing from generator.pages (which imports this), so it
can be tested and reused without a site build.
"""
