"""Learning on your own: questions, the end-of-course check, notes, progress, "Listen" and the certificate.

`quiz.py`, `course_check.py` and `pages.py` take HTML and return HTML; the browser
side is in overrides/assets/javascripts/app-*.js; `learner_hook.py` beside this
package is the thin MkDocs adapter.
"""
