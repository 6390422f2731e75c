"""MkDocs adapter for the pipeline check; the table is in the `pipeline` package.

List this hook first in `hooks:`: when the build starts, it compares the hooks
MkDocs loaded (their order and each event's `@event_priority`) with the table in
hooks/pipeline/__init__.py, and stops the build, naming mkdocs.yml and the step,
when they differ.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from pipeline import EVENTS, pipeline_problems
from extra_settings import config_name


# Before every other hook's on_config, so a step out of place stops the build before it runs.
@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    """Stop the build when `hooks:` or a hook's priorities differ from the pipeline table."""
    loaded = [(path, {event: getattr(getattr(module, event), "mkdocs_priority", 0)
                      for event in EVENTS if callable(getattr(module, event, None))})
              for path, module in config.hooks.items()]
    problems = pipeline_problems(loaded, config_name=config_name(config.config_file_path))
    if problems:
        raise PluginError("\n".join(problems))
    return None
