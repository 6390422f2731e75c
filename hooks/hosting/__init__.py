"""Hosting the course: the Content-Security-Policy, the offline copy and the page-weight budget.

`content_security_policy.py` and `page_weight.py` are pure. `offline_copy.py` runs
the second, offline build in a process of its own (`python -m hosting.offline_copy`),
so it is the one module here that calls MkDocs itself. The adapters are
`content_security_policy_hook.py` and `offline_copy_hook.py` beside this package.
"""
