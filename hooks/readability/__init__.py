"""Plain-English checks for the course: readability scores and findings from page text.

Pure functions over text and HTML; `readability_hook.py` beside this package is
the thin MkDocs glue, and `python -m readability FILE` checks Markdown files
without building the site.
"""
