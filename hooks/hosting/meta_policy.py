"""The Content-Security-Policy inside each page, for hosts that cannot send headers (`extra.hosting.csp_meta: true`).

A policy in `<meta http-equiv="Content-Security-Policy">` covers only what the page
loads after the element, so it goes straight after `<meta charset>`, before any
stylesheet or script. Browsers ignore `frame-ancestors` there (and `report-uri`,
`sandbox`), so http_rules.meta_policy leaves them out: on such a host another site
can show the course in a frame, which only a header (X-Frame-Options or the policy's
frame-ancestors) can forbid.
"""

from __future__ import annotations

import html as html_lib
import re

_CHARSET = re.compile(r"<meta charset=\"?utf-8\"?\s*/?>", re.IGNORECASE)
_EXISTING = re.compile(r'\s*<meta http-equiv="Content-Security-Policy"[^>]*>', re.IGNORECASE)


class NoCharsetElement(ValueError):
    """A page has no <meta charset="utf-8"> to put the policy after."""


def with_meta_policy(page_html: str, policy: str) -> str:
    """The page with the policy as its first element after <meta charset> (once, however often this runs)."""
    page_html = _EXISTING.sub("", page_html)
    charset = _CHARSET.search(page_html)
    if charset is None:
        raise NoCharsetElement('it has no <meta charset="utf-8"> to put the Content-Security-Policy after')
    element = f'<meta http-equiv="Content-Security-Policy" content="{html_lib.escape(policy)}">'
    return page_html[:charset.end()] + "\n    " + element + page_html[charset.end():]
