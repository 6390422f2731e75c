"""The session plans' arithmetic: each plan's minutes fill its session, with a break and spare time.

`check.py` reads a plan's Markdown (front matter `start` and `finish`, and the
table with `Start` and `Minutes` columns) and returns each problem with its line,
so the build can name the file and the row. It has no MkDocs import;
`session_plans_hook.py` is the thin MkDocs glue.
"""
