"""Write deploy/security-headers.conf and deploy/nginx.conf's cache rules from hooks/hosting/http_rules.py, or check them.

    PYTHONPATH=hooks .venv/bin/python tools/hosting_files.py            # check: exit 1 and name each file that differs
    PYTHONPATH=hooks .venv/bin/python tools/hosting_files.py --write    # write them

(`PYTHONPATH=hooks` makes hooks/ the import root, as MkDocs and pytest have it: see ARCHITECTURE.md.)

Change a header or a cache rule in hooks/hosting/http_rules.py, then run this with
--write. The build writes the same rules into the site for Apache (.htaccess) and
static hosts (_headers); tests/hosting/test_hosting_files.py fails until deploy/ agrees.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hosting.nginx_files import security_headers_conf, with_rules

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEPLOY = PROJECT_DIR / "deploy"


def expected_files(deploy: Path = DEPLOY) -> dict[Path, str]:
    """Each file in deploy/ that is written from the rules, with what it should hold."""
    nginx_conf = deploy / "nginx.conf"
    return {deploy / "security-headers.conf": security_headers_conf(),
            nginx_conf: with_rules(nginx_conf.read_text(encoding="utf-8"), str(nginx_conf))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write", action="store_true", help="write the files in deploy/")
    arguments = parser.parse_args(argv)
    differ = []
    for path, text in expected_files().items():
        if path.read_text(encoding="utf-8") == text:
            continue
        if arguments.write:
            path.write_text(text, encoding="utf-8")
            print(f"Wrote {path.relative_to(PROJECT_DIR)}")
        else:
            differ.append(path)
    for path in differ:
        print(f"{path.relative_to(PROJECT_DIR)} differs from hooks/hosting/http_rules.py. Run: "
              "PYTHONPATH=hooks .venv/bin/python tools/hosting_files.py --write", file=sys.stderr)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
