"""`extra.hosting` in mkdocs.yml: how the build prepares the site for the host that serves it."""

from __future__ import annotations

from typing import Any

from extra_settings import Setting, Settings, check_settings, config_name

HOSTING_SETTINGS = {
    # For hosts that cannot send headers at all (GitHub Pages, a plain file share): the
    # Content-Security-Policy in each page, as <meta http-equiv> (README.md, "Running your own copy").
    "csp_meta": Setting((bool,), default=False),
}


class HostingSettingsError(ValueError):
    """`extra.hosting` is wrong; the message names the config file and the setting."""


def load_hosting_settings(raw: Any, config_file: str | None = "mkdocs.yml") -> Settings:
    """Validate `extra.hosting`; raise HostingSettingsError naming the config file and each wrong setting."""
    name = config_name(config_file)
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise HostingSettingsError(f"{name}: 'extra.hosting' must be a set of settings, like 'csp_meta: true'.")
    settings, problems = check_settings(HOSTING_SETTINGS, raw, "extra.hosting")
    if problems:
        raise HostingSettingsError(f"{name}: " + "; ".join(problems) + ". Fix these settings (see README.md, "
                                   "\"Running your own copy\").")
    return settings
