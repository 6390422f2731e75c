"""A pytest plugin: with CI=true, a skipped test fails, so a green run in CI means every check ran.

Locally a skip is a fair answer ("this machine has no `unshare`"); in CI it hides a check
that never ran, for example when a stray PRINT_PACKS=off builds no PDF packs. Loaded by
tests/conftest.py; tests/test_skips_fail_in_ci.py runs it on tiny test files.
"""

from __future__ import annotations

import os

import pytest

FIX = ("Install what the reason says is missing, or remove the setting that switched the check off "
       "(for example PRINT_PACKS=off).")


def in_ci() -> bool:
    """True when the run is in continuous integration (the CI=true that CI services set)."""
    return os.environ.get("CI") == "true"


def _skip_reason(report: pytest.BaseReport) -> str:
    """The reason pytest recorded for a skip ('Skipped: ' taken off)."""
    longrepr = report.longrepr
    reason = longrepr[2] if isinstance(longrepr, tuple) and len(longrepr) == 3 else str(longrepr)
    return reason.removeprefix("Skipped: ")


def _fail_instead(report: pytest.BaseReport, what: str) -> None:
    reason = _skip_reason(report)
    report.outcome = "failed"
    report.longrepr = (f"{what} was skipped, and with CI=true a skip is a failure: a green run must mean every "
                       f"check ran.\nWhy it was skipped: {reason}\n{FIX}")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):
    """Turn a skipped test (in setup or in the test itself) into a failure when CI=true."""
    outcome = yield
    report = outcome.get_result()
    # An expected failure (xfail) is reported as "skipped" too, but it ran: leave it alone.
    if in_ci() and report.skipped and not hasattr(report, "wasxfail"):
        _fail_instead(report, f"The test {item.nodeid}")


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector: pytest.Collector):
    """Turn a skipped test file (pytest.skip(..., allow_module_level=True), importorskip) into a failure when CI=true."""
    outcome = yield
    report = outcome.get_result()
    if in_ci() and report.skipped:
        _fail_instead(report, f"The test file {collector.nodeid}")
