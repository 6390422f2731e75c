"""The organisation that runs the course: its settings under `extra.organisation`, and where they show.

`settings.py` holds the one checked copy of those settings that every feature reads;
`organisation_hook.py` beside this package is the thin MkDocs adapter.
"""
