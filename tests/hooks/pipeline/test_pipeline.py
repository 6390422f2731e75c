"""The pipeline table (hooks/pipeline/__init__.py) against mkdocs.yml's `hooks:` and each adapter's priorities."""

from __future__ import annotations

import importlib.util
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from conftest import PROJECT_DIR, build_site
from pipeline import EVENTS, STEPS, adapters, in_run_order, pipeline_problems

MKDOCS_YML = PROJECT_DIR / "mkdocs.yml"


def hook_paths() -> list[str]:
    """The `hooks:` list of the course's mkdocs.yml, as written."""
    return yaml.load(MKDOCS_YML.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["hooks"]


def loaded_hooks() -> list[tuple[str, dict[str, int]]]:
    """Each hook's path and its events' priorities, read the way MkDocs reads them (`mkdocs_priority`)."""
    loaded = []
    for path in hook_paths():
        spec = importlib.util.spec_from_file_location(f"pipeline_test_{Path(path).stem}", PROJECT_DIR / path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        loaded.append((path, {event: getattr(getattr(module, event), "mkdocs_priority", 0)
                              for event in EVENTS if callable(getattr(module, event, None))}))
    return loaded


def test_the_table_matches_mkdocs_yml_and_every_adapters_priorities() -> None:
    assert pipeline_problems(loaded_hooks()) == []


def test_the_pipeline_check_is_listed_first() -> None:
    assert hook_paths()[0] == "hooks/pipeline_hook.py"
    assert adapters()[0] == "pipeline_hook.py"


def test_a_reordered_hook_is_named_with_mkdocs_yml() -> None:
    loaded = loaded_hooks()
    readability = next(index for index, (path, _) in enumerate(loaded) if path.endswith("readability_hook.py"))
    loaded[readability], loaded[readability + 1] = loaded[readability + 1], loaded[readability]
    problems = pipeline_problems(loaded)
    assert len(problems) == 1
    assert problems[0].startswith("mkdocs.yml: 'hooks:' lists ")
    assert "learner_hook.py, readability_hook.py" in problems[0]
    assert "the pipeline table (hooks/pipeline/__init__.py) has " in problems[0]


def test_a_changed_priority_is_named_with_its_step() -> None:
    loaded = [(path, {**events, "on_post_build": -80} if path.endswith("offline_copy_hook.py") else events)
              for path, events in loaded_hooks()]
    assert pipeline_problems(loaded) == [
        "mkdocs.yml: the hook hooks/offline_copy_hook.py runs on_post_build at priority -80, but the pipeline "
        "table (hooks/pipeline/__init__.py) says -75. Change one so they agree."]


def test_a_step_missing_from_the_table_or_the_hook_is_named() -> None:
    steps = tuple(step for step in STEPS if (step.adapter, step.event) != ("page_chrome_hook.py", "on_nav"))
    steps += (replace(STEPS[-1], event="on_env"),)
    problems = pipeline_problems(loaded_hooks(), steps=steps)
    assert problems == [
        "mkdocs.yml: the hook hooks/page_chrome_hook.py has on_nav (priority 0), which the pipeline table "
        "(hooks/pipeline/__init__.py) does not list. Add the step to the table.",
        "mkdocs.yml: the pipeline table (hooks/pipeline/__init__.py) lists on_env for offline_copy_hook.py, which the "
        "hook hooks/offline_copy_hook.py does not have. Take the step out of the table.",
    ]


def test_run_order_puts_the_pdf_collection_after_every_other_page_step() -> None:
    page_content = [step.adapter for step in in_run_order() if step.event == "on_page_content"]
    assert page_content[0] == "readability_hook.py", "the readability check measures the authors' words first"
    assert page_content[-1] == "print_packs_hook.py"


def test_the_build_stops_when_hooks_are_out_of_the_tables_order(tmp_path: Path) -> None:
    # The real course with two hooks swapped; the links stand in for the folders mkdocs.yml names.
    for folder in ("docs", "overrides", "hooks"):
        (tmp_path / folder).symlink_to(PROJECT_DIR / folder)
    paths = hook_paths()
    paths[1], paths[2] = paths[2], paths[1]
    config = tmp_path / "mkdocs.yml"
    config.write_text(yaml.safe_dump({"INHERIT": str(MKDOCS_YML), "hooks": paths}), encoding="utf-8")
    result = build_site(config, tmp_path / "site")
    assert result.returncode != 0
    assert "mkdocs.yml: 'hooks:' lists pipeline_hook.py, front_matter_hook.py, markers_hook.py," in result.stderr
    assert "Building documentation" not in result.stderr, "stopped when the build started, before any page"


@pytest.mark.parametrize("step", STEPS, ids=lambda step: f"{step.adapter}:{step.event}")
def test_every_step_says_what_it_writes(step) -> None:
    assert step.event in EVENTS and step.writes
