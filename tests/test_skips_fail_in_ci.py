"""With CI=true a skipped test fails, with a message saying why; without it, a skip stays a skip."""

from __future__ import annotations

import pytest

# Every way a check can be skipped: a marker, a call inside the test, a fixture, and a whole file.
SKIPPING_TESTS = '''
import os
import pytest

@pytest.mark.skipif(True, reason="no `unshare` on this machine")
def test_marked():
    pass

def test_called():
    pytest.skip("this build made no PDF packs")

@pytest.fixture
def needs_something():
    pytest.skip("nginx is missing")

def test_fixture(needs_something):
    pass

def test_runs():
    pass

@pytest.mark.xfail(reason="an expected failure is not a skip")
def test_expected_failure():
    assert False
'''

SKIPPED_FILE = '''
import pytest
pytest.skip("the whole file needs Chromium", allow_module_level=True)

def test_never_collected():
    pass
'''


@pytest.fixture
def tiny_tests(pytester: pytest.Pytester):
    pytester.makepyfile(test_skipping=SKIPPING_TESTS, test_skipped_file=SKIPPED_FILE)
    return pytester


def test_with_ci_true_every_skip_is_a_failure_that_says_why(tiny_tests: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    # The skipped file is a collection error; let the other tests run too.
    result = tiny_tests.runpytest("-p", "skips_fail_in_ci", "-rA", "--continue-on-collection-errors")
    # A skip in setup (a marker, a fixture) or collection fails as an error, one in the test as a failure.
    result.assert_outcomes(passed=1, failed=1, errors=3, xfailed=1, skipped=0)
    output = result.stdout.str()
    for reason in ("no `unshare` on this machine", "this build made no PDF packs", "nginx is missing",
                   "the whole file needs Chromium"):
        assert f"Why it was skipped: {reason}" in output
    assert "with CI=true a skip is a failure" in output
    assert result.ret != 0


@pytest.mark.parametrize("ci", [None, "false", "1"])
def test_without_ci_true_a_skip_stays_a_skip(tiny_tests: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, ci: str | None) -> None:
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    result = tiny_tests.runpytest("-p", "skips_fail_in_ci")
    result.assert_outcomes(passed=1, skipped=4, xfailed=1)
    assert result.ret == 0
