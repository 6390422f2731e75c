"""The authors' report: a table of every page's scores and an inline SVG bar chart."""

from __future__ import annotations

from html import escape
from typing import Any

from .check import PageReport, course_average

_BAR_HEIGHT = 28
_LABEL_WIDTH = 330
_CHART_WIDTH = 400


def report_data(reports: list[PageReport], minimum_average: float) -> dict[str, Any]:
    """The contents of readability.json."""
    average = course_average(reports)
    return {
        "course": {
            "pages": len(reports),
            "words": sum(report.words for report in reports),
            "average_flesch_reading_ease": round(average, 1),
            "min_average_reading_ease": minimum_average,
            "lowest_flesch_reading_ease": round(min((r.flesch_reading_ease for r in reports if r.words), default=0.0), 1),
        },
        "pages": [report.as_dict() for report in sorted(reports, key=lambda r: r.path)],
    }


def bar_chart_svg(reports: list[PageReport], lines: tuple[float, ...] = (60, 70)) -> str:
    """A horizontal bar chart of reading ease by page, worst first, drawn as SVG with no script."""
    rows = sorted((r for r in reports if r.words), key=lambda r: r.flesch_reading_ease)
    height = _BAR_HEIGHT * len(rows) + 40
    width = _LABEL_WIDTH + _CHART_WIDTH + 60
    parts = [
        f'<svg class="app-readability-chart" role="img" aria-labelledby="app-chart-title app-chart-desc" fill="currentColor" '
        f'viewBox="0 0 {width} {height}" width="100%" xmlns="http://www.w3.org/2000/svg">',
        '<title id="app-chart-title">Flesch Reading Ease by page, lowest first</title>',
        f'<desc id="app-chart-desc">One bar for each of {len(rows)} pages. Longer bars are easier to read. '
        f'Lines mark the scores {" and ".join(f"{line:g}" for line in lines)}. The table below gives the same numbers.</desc>',
    ]
    for index, report in enumerate(rows):
        y = 10 + index * _BAR_HEIGHT
        score = max(0.0, min(100.0, report.flesch_reading_ease))
        bar = _CHART_WIDTH * score / 100
        parts.append(f'<text class="app-readability-chart__label" x="{_LABEL_WIDTH - 8}" y="{y + 18}" text-anchor="end">{escape(report.path)}</text>')
        parts.append(f'<rect class="app-readability-chart__bar" x="{_LABEL_WIDTH}" y="{y + 4}" width="{bar:.1f}" height="{_BAR_HEIGHT - 8}"/>')
        parts.append(f'<text class="app-readability-chart__value" x="{_LABEL_WIDTH + bar + 6:.1f}" y="{y + 18}">{report.flesch_reading_ease:.0f}</text>')
    for line in lines:
        x = _LABEL_WIDTH + _CHART_WIDTH * line / 100
        parts.append(f'<line class="app-readability-chart__line" x1="{x:.1f}" y1="4" x2="{x:.1f}" y2="{height - 24}"/>')
        parts.append(f'<text class="app-readability-chart__value" x="{x:.1f}" y="{height - 6}" text-anchor="middle">{line:g}</text>')
    parts.append("</svg>")
    return "".join(parts)


def report_html(reports: list[PageReport], minimum_average: float) -> str:
    """The HTML of the authors' report: summary, chart and table, worst page first."""
    data = report_data(reports, minimum_average)["course"]
    rows = sorted(reports, key=lambda r: (r.flesch_reading_ease if r.words else 1000))
    table = [
        # A focusable region, so the wide table scrolls sideways by keyboard on a small screen.
        '<div class="app-table" role="region" tabindex="0" aria-label="Table: every page and its scores">'
        '<table class="app-readability-table">',
        "<caption>Every page, hardest to read first</caption>",
        '<thead><tr><th scope="col">Page</th><th scope="col">Reading ease</th><th scope="col">Grade</th>'
        '<th scope="col">Reading age</th><th scope="col">Words</th><th scope="col">Average sentence</th>'
        '<th scope="col">Longest sentence</th><th scope="col">To fix</th><th scope="col">Exception</th></tr></thead><tbody>',
    ]
    for report in rows:
        table.append(
            f"<tr><th scope=\"row\">{escape(report.path)}</th><td>{report.flesch_reading_ease:.1f}</td>"
            f"<td>{report.flesch_kincaid_grade:.1f}</td><td>{report.uk_reading_age}</td><td>{report.words}</td>"
            f"<td>{report.average_sentence_words:.1f}</td><td>{report.longest_sentence_words}</td>"
            f"<td>{len(report.warnings)}</td><td>{escape(report.exception_reason or 'None')}</td></tr>"
        )
    table.append("</tbody></table></div>")
    summary = (
        f'<p class="app-readability-summary">{data["pages"]} pages, {data["words"]} words. '
        f'Average reading ease {data["average_flesch_reading_ease"]:.1f} (the course aims for at least {minimum_average:g}). '
        f'Lowest {data["lowest_flesch_reading_ease"]:.1f}.</p>'
    )
    return summary + bar_chart_svg(reports) + "".join(table)
