"""Every host's settings come from hooks/hosting/http_rules.py and say the same: deploy/, .htaccess, _headers, the page's policy.

Apache and nginx are run for real in test_web_servers.py; the policy inside pages is
loaded in Chromium in test_meta_policy.py. Here: the files agree with the rules, and
the `_headers` file gives each file the same headers whichever static host reads it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import PROJECT_DIR, build_site
from hosting.htaccess import htaccess
from hosting.http_rules import (CACHE_RULES, DEFAULT_CACHE_CONTROL, NOT_IN_META, cache_control, content_security_policy,
                                meta_policy, security_headers)
from hosting.meta_policy import NoCharsetElement, with_meta_policy
from hosting.nginx_files import cache_map
from hosting.settings import HostingSettingsError, load_hosting_settings
from hosting.static_headers import MOST_RULES, TooManyRules, headers_file

sys.path.insert(0, str(PROJECT_DIR / "tools"))
from hosting_files import expected_files  # noqa: E402

SITE_NAME = "Co-production with older people"


# --- deploy/ is written from the rules ----------------------------------------------------

@pytest.mark.parametrize("name", ["security-headers.conf", "nginx.conf"])
def test_deploy_files_are_what_the_rules_write(name: str) -> None:
    path = PROJECT_DIR / "deploy" / name
    assert path.read_text(encoding="utf-8") == expected_files()[path], (
        f"deploy/{name} differs from hooks/hosting/http_rules.py. Run: "
        "PYTHONPATH=hooks .venv/bin/python tools/hosting_files.py --write")


def test_nginx_reads_the_cache_map_as_the_rules_mean_it() -> None:
    """First match wins, case-insensitively (~*), as cache_control() decides for tools/serve.py and the others."""
    entries = re.findall(r'^\s+"~\*([^"]+)"\s+"([^"]+)";$', cache_map(), flags=re.MULTILINE)
    assert [(pattern, value) for pattern, value in entries] == [(rule.pattern, rule.cache_control) for rule in CACHE_RULES]
    assert f'default' in cache_map() and f'"{DEFAULT_CACHE_CONTROL}"' in cache_map()
    assert cache_control("/assets/javascripts/bundle.A5F9D56C.min.js") == "public, max-age=31536000, immutable"
    assert cache_control("/assets/javascripts/lunr/min/lunr.de.min.js") == "public, max-age=604800"
    assert cache_control("/index.html") == DEFAULT_CACHE_CONTROL


# --- The built site carries .htaccess and _headers from the same rules --------------------

def test_the_build_writes_htaccess_from_the_rules(site_dir: Path) -> None:
    text = (site_dir / ".htaccess").read_text(encoding="utf-8")
    assert text == htaccess("/", SITE_NAME)
    for name, value in security_headers():
        assert f'Header always set {name} "{value}"' in text, name
    for rule in CACHE_RULES:
        assert f"m#{rule.pattern}#i" in text and f'Cache-Control "{rule.cache_control}"' in text
    assert "ErrorDocument 404 /404.html" in text


def test_htaccess_finds_the_404_page_below_the_top_of_the_address() -> None:
    assert "ErrorDocument 404 /course/404.html" in htaccess("/course/")


def _headers_rules(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """The rules of a _headers file: each path and its headers, in order (comments and blank lines skipped)."""
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line.startswith((" ", "\t")):
            rules.append((line.strip(), []))
        else:
            name, _, value = line.strip().partition(":")
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


def _matches(rule_path: str, request_path: str) -> bool:
    """Netlify's and Cloudflare Pages' path matching as far as our file uses it: '*' is anything, else exact."""
    return re.fullmatch(".*".join(re.escape(part) for part in rule_path.split("*")), request_path) is not None


def headers_for(rules, request_path: str, host: str) -> dict[str, str]:
    """The headers a host adds: Netlify keeps the last matching rule's value of a header, Cloudflare joins them with commas."""
    found: dict[str, str] = {}
    for rule_path, headers in rules:
        if _matches(rule_path, request_path):
            for name, value in headers:
                found[name] = f"{found[name]}, {value}" if host == "cloudflare" and name in found else value
    return found


def test_the_build_writes_headers_that_give_every_file_the_rules_headers_on_either_host(site_dir: Path) -> None:
    text = (site_dir / "_headers").read_text(encoding="utf-8")
    rules = _headers_rules(text)
    assert len(rules) <= MOST_RULES and all(len(line) <= 2000 for line in text.splitlines()), "Cloudflare Pages' limits"
    files = sorted(path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*") if path.is_file())
    assert len(files) > 100
    for file in files:
        addresses = ["/" + file] + (["/" + file[: -len("index.html")]] if file.endswith("index.html") else [])
        for address in addresses:
            netlify, cloudflare = headers_for(rules, address, "netlify"), headers_for(rules, address, "cloudflare")
            assert netlify == cloudflare, f"{address}: a header given twice, which the two hosts read differently"
            wanted = dict(security_headers())
            if cache_control(address) != DEFAULT_CACHE_CONTROL:
                wanted["Cache-Control"] = cache_control(address)
            assert netlify == wanted, address


def test_headers_file_keeps_within_cloudflares_rules() -> None:
    many = [f"assets/{index:03}/app.1a2b3c4d.min.js" for index in range(MOST_RULES)] + [f"assets/{index:03}/page.html" for index in range(MOST_RULES)]
    with pytest.raises(TooManyRules, match="more than the 100"):
        headers_file(many)
    assert headers_file(["img/a.png", "img/b.png"], "/course/").count("/course/img/*") == 1


# --- The policy inside pages --------------------------------------------------------------

def test_the_meta_policy_is_the_header_policy_without_what_browsers_ignore_in_a_page() -> None:
    header = [part.strip() for part in content_security_policy().split(";")]
    meta = [part.strip() for part in meta_policy().split(";")]
    assert "frame-ancestors 'none'" in header and not any(part.split()[0] in NOT_IN_META for part in meta)
    assert meta == [part for part in header if part.split()[0] not in NOT_IN_META]


def test_the_policy_goes_straight_after_the_charset_once() -> None:
    page = '<html><head><meta charset="utf-8"><script src="a.js"></script></head></html>'
    once = with_meta_policy(page, "default-src 'self'")
    head = BeautifulSoup(once, "html.parser").head
    first, second = head.find_all(True)[:2]
    assert first.name == "meta" and first.has_attr("charset")
    assert second["http-equiv"] == "Content-Security-Policy" and second["content"] == "default-src 'self'"
    assert with_meta_policy(once, "default-src 'self'") == once
    with pytest.raises(NoCharsetElement):
        with_meta_policy("<html><head></head></html>", "default-src 'self'")


@pytest.mark.parametrize(("raw", "message"), [
    ({"csp_meta": "yes"}, "mkdocs.yml: 'extra.hosting.csp_meta' must be true or false, not \"yes\". Fix these settings"),
    ({"csp_mta": True}, "mkdocs.yml: 'extra.hosting.csp_mta' is not a setting we know. Check the spelling. The settings are: csp_meta"),
    ("on", "mkdocs.yml: 'extra.hosting' must be a set of settings, like 'csp_meta: true'."),
])
def test_a_wrong_hosting_setting_is_named(raw, message: str) -> None:
    with pytest.raises(HostingSettingsError) as error:
        load_hosting_settings(raw)
    assert str(error.value).startswith(message)


def test_hosting_settings_default_to_headers_from_the_host() -> None:
    assert load_hosting_settings(None).csp_meta is False


def test_the_setting_puts_the_policy_in_every_page_of_a_build(tmp_path: Path) -> None:
    result = build_site(PROJECT_DIR / "tests" / "fixtures" / "csp-meta" / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    for page in ("index.html", "404.html"):
        head = BeautifulSoup((tmp_path / "site" / page).read_text(encoding="utf-8"), "html.parser").head
        first, second = head.find_all(True)[:2]
        assert first.has_attr("charset") and second.get("http-equiv") == "Content-Security-Policy", page
        assert second["content"] == meta_policy(), page
    assert "ErrorDocument 404 /course/404.html" in (tmp_path / "site" / ".htaccess").read_text(encoding="utf-8")
    assert "\n/course/*\n" in (tmp_path / "site" / "_headers").read_text(encoding="utf-8")
    assert "Content-Security-Policy put into 2 pages" in result.stderr
