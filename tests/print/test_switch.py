"""One rule for when a build makes no packs (PDF, Word, EPUB, SCORM): print_packs.packs_skipped."""

from __future__ import annotations

import pytest

from print_packs import packs_skipped, switched_off


@pytest.mark.parametrize(("command", "extra", "environ", "skipped"), [
    ("build", {}, {}, False),
    ("build", {}, {"PRINT_PACKS": "on"}, False),
    ("build", {}, {"PRINT_PACKS": "OFF"}, True),
    ("build", {}, {"PRINT_PACKS": "0"}, True),
    ("serve", {}, {}, True),
    ("build", {"offline_copy": True}, {}, True),
])
def test_packs_are_skipped_when_serving_switched_off_or_in_the_offline_build(command, extra, environ, skipped) -> None:
    assert packs_skipped(command=command, extra=extra, environ=environ) is skipped


@pytest.mark.parametrize("value", ["off", "0", "no", "false", "False"])
def test_every_way_of_saying_off_switches_the_packs_off(value: str) -> None:
    assert switched_off({"PRINT_PACKS": value})
    assert not switched_off({})
