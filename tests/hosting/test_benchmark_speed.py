"""tools/benchmark_speed.py's own parts, without running Lighthouse: reading a report, the ratio, the table, nginx's settings."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from conftest import PROJECT_DIR

sys.path.insert(0, str(PROJECT_DIR / "tools"))

from benchmark_speed import Measure, bar_misses, markdown_table, measure_from_report, median_measure, ratio, table_row  # noqa: E402
from local_nginx import DeployConfError, nginx_main_config  # noqa: E402 - the benchmark serves both sites with it

REPORT = PROJECT_DIR / "tests" / "fixtures" / "lighthouse-report" / "module.report.json"


@pytest.fixture
def report() -> dict:
    return json.loads(REPORT.read_text(encoding="utf-8"))


def test_a_report_gives_the_scores_timings_and_bytes(report: dict) -> None:
    assert measure_from_report(report) == Measure(performance=0.97, accessibility=1, best_practices=1,
                                                  fcp_ms=1250.5, lcp_ms=1900.0, cls=0.0, bytes=143210)


def test_a_report_without_a_timing_names_the_page_and_the_audit(report: dict) -> None:
    del report["audits"]["largest-contentful-paint"]
    with pytest.raises(ValueError, match=r"modules/01-what-co-production-means/ has no value for 'largest-contentful-paint'"):
        measure_from_report(report)


def test_a_failed_run_says_why(report: dict) -> None:
    report["runtimeError"] = {"code": "NO_FCP", "message": "The page did not paint any content."}
    with pytest.raises(ValueError, match="could not measure .*did not paint any content"):
        measure_from_report(report)


@pytest.mark.parametrize(("ours", "stock", "expected"), [(1000, 2000, 0.5), (1300, 1000, 1.3), (900, 0, None)])
def test_ratio_is_ours_over_stock(ours: float, stock: float, expected: float | None) -> None:
    assert ratio(ours, stock) == expected


def test_table_row_puts_ours_beside_stock_with_the_ratios(report: dict) -> None:
    ours = measure_from_report(report)
    stock = Measure(performance=1, accessibility=0.88, best_practices=1, fcp_ms=1000, lcp_ms=2000, cls=0.0, bytes=258000)
    row = table_row("module 1", ours, stock)
    assert row == ["module 1", "0.97 / 1.00 / 1.00", "1.25 s", "1.90 s", "0.000", "143",
                   "1.00", "1.00 s", "2.00 s", "0.000", "258", "1.25", "0.95", "0.56"]
    lines = markdown_table([row]).splitlines()
    assert len(lines) == 3 and lines[2].count("|") == lines[0].count("|") == len(row) + 1


def test_the_bar_names_each_figure_a_page_misses() -> None:
    stock = Measure(performance=0.97, accessibility=0.9, best_practices=1, fcp_ms=1000, lcp_ms=2000, cls=0.0, bytes=170000)
    assert bar_misses("home", Measure(0.96, 1, 1, 1050, 2100, 0, 170000), stock) == []
    misses = bar_misses("home", Measure(0.95, 0.98, 1, 1060, 2000, 0.01, 170001), stock)
    assert misses == ["home: performance 0.95 against stock's 0.97", "home: accessibility 0.98, not 1.0", "home: CLS 0.010, not 0",
                      "home: FCP 1.06 s against stock's 1.00 s", "home: 170 KB against stock's 170 KB"]


def test_each_timing_is_its_own_median_and_the_worst_score_and_shift_show() -> None:
    runs = [Measure(0.9, 1, 1, 1500, 1900, 0, 100), Measure(0.99, 0.95, 1, 1100, 2500, 0.02, 300),
            Measure(0.95, 1, 0.96, 1300, 1700, 0, 200)]
    assert median_measure(runs) == Measure(performance=0.95, accessibility=0.95, best_practices=0.96,
                                           fcp_ms=1300, lcp_ms=1900, cls=0.02, bytes=200)


def test_nginx_runs_deploy_conf_on_loopback_with_only_the_self_hosters_lines_changed(tmp_path: Path) -> None:
    deploy = (PROJECT_DIR / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    config = nginx_main_config(deploy, prefix=tmp_path, webroot=tmp_path / "site", https_port=18443, http_port=18080,
                               certificate=tmp_path / "certificate.pem", key=tmp_path / "key.pem")
    assert re.findall(r"^\s*listen\s+([^;]+);", config, flags=re.MULTILINE) == ["127.0.0.1:18080", "127.0.0.1:18443 ssl http2"]
    assert re.findall(r"^\s*root\s+([^;]+);", config, flags=re.MULTILINE) == [str(tmp_path / "site")] * 2
    assert f"ssl_certificate {tmp_path / 'certificate.pem'};" in config
    assert f"pid {tmp_path}/nginx.pid;" in config
    # What is measured is what we ship: the caching, compression and headers lines are all there unchanged.
    for line in deploy.splitlines():
        if re.match(r"\s*(gzip|map|include snippets|\"~|default\s)", line):
            assert line in config, line


def test_a_deploy_conf_without_a_line_it_changes_is_refused_by_name(tmp_path: Path) -> None:
    deploy = (PROJECT_DIR / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    with pytest.raises(DeployConfError, match=r"should have 1 'listen 80;' line\(s\), found 0"):
        nginx_main_config(deploy.replace("listen 80;", "listen 8080;"), prefix=tmp_path, webroot=tmp_path / "site",
                          https_port=18443, http_port=18080, certificate=tmp_path / "c.pem", key=tmp_path / "k.pem")


def test_a_run_lighthouse_could_not_record_is_tried_again(monkeypatch: pytest.MonkeyPatch, report: dict, tmp_path: Path) -> None:
    import benchmark_speed

    outcomes = [RuntimeError("Lighthouse failed: NO_NAVSTART"), measure_from_report(report)]

    def once(command: list[str], url: str, output: Path) -> Measure:
        outcome = outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    monkeypatch.setattr(benchmark_speed, "_run_lighthouse_once", once)
    assert benchmark_speed.run_lighthouse(["lighthouse"], "https://127.0.0.1/", tmp_path / "r.json").fcp_ms == 1250.5
    assert outcomes == []
