"""The options of every question on a built page, in the order shown, for comparing builds and copies."""

from __future__ import annotations

from bs4 import BeautifulSoup


def option_orders(page_html: str) -> list[list[str]]:
    """For each question on the page, its options' words in the order a learner sees them."""
    soup = BeautifulSoup(page_html, "html.parser")
    return [[" ".join(label.get_text(" ").split()) for label in box.select(".app-quiz__label")]
            for box in soup.select("div.app-quiz")]
