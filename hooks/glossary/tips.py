"""Show a glossary word's plain meaning where the word is used.

Authors already link the first use of a glossary word on each page to its
entry (`[co-production](../glossary.md#co-production)`). This adds the
meaning, from docs/glossary.yml (the same file the glossary page is made
from), as a tooltip tied to that link with `aria-describedby`. It is hidden
until hover, keyboard focus or tap (overrides/assets/javascripts/app-glossary-tips.js),
and screen readers read it as the link's description. HTML in, HTML out.
"""

from __future__ import annotations

import html as html_lib
import re

from bs4 import BeautifulSoup

from glossary.model import Term

# A link to a glossary entry, however the site's URLs are built:
# glossary/#id, glossary/index.html#id or glossary.html#id.
GLOSSARY_HREF = re.compile(r"(?:^|/)glossary(?:/|/index\.html|\.html)#(?P<id>[a-z0-9-]+)$")


def glossary_tips(html: str, terms: list[Term], *, id_prefix: str = "") -> str:
    """Give the first link to each glossary entry on the page a tooltip with the word's meaning."""
    if "glossary" not in html:
        return html
    by_id = {term.id: term for term in terms}
    soup = BeautifulSoup(html, "html.parser")
    done: set[str] = set()
    for link in soup.find_all("a", href=True):
        match = GLOSSARY_HREF.search(link["href"])
        if not match or match.group("id") in done or match.group("id") not in by_id:
            continue
        if link.find_parent(["h1", "h2", "h3", "h4", "h5", "h6", "nav"]):
            continue
        term = by_id[match.group("id")]
        done.add(term.id)
        tip_id = f"{id_prefix}glossary-tip-{term.id}"
        wrapper = soup.new_tag("span", attrs={"class": "app-glossary-tip", "data-module": "app-glossary-tip"})
        link.wrap(wrapper)
        link["class"] = [*(link.get("class") or []), "app-glossary-tip__link", "js-glossary-link"]
        link["aria-describedby"] = tip_id
        bubble = BeautifulSoup(
            f'<span class="app-glossary-tip__bubble js-glossary-bubble" role="tooltip" id="{tip_id}" hidden>'
            f"<strong>{html_lib.escape(term.term)}:</strong> {html_lib.escape(term.meaning)}</span>",
            "html.parser",
        )
        wrapper.append(bubble)
    return str(soup) if done else html
