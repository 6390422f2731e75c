"""Print the Content-Security-Policy a built site needs, or write it into deploy/security-headers.conf.

    .venv/bin/mkdocs build --strict -d /tmp/course-site
    PYTHONPATH=hooks .venv/bin/python tools/content_security_policy.py /tmp/course-site            # print it
    PYTHONPATH=hooks .venv/bin/python tools/content_security_policy.py /tmp/course-site --write    # update deploy/security-headers.conf

(`PYTHONPATH=hooks` makes hooks/ the import root, as MkDocs and pytest have it: see ARCHITECTURE.md.)

Run it after upgrading Material for MkDocs: its inline scripts, and so their
hashes, may change. tests/hosting/test_nginx.py fails until the file matches.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hosting.content_security_policy import nginx_policy, site_policy, with_policy

PROJECT_DIR = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path, help="a built site (the folder mkdocs build wrote)")
    parser.add_argument("--write", action="store_true", help="write the policy into deploy/security-headers.conf")
    parser.add_argument("--conf", type=Path, default=PROJECT_DIR / "deploy" / "security-headers.conf")
    arguments = parser.parse_args()
    needed = site_policy(arguments.site)
    for problem in needed.problems:
        print(f"Cannot allow by hash: {problem}", file=sys.stderr)
    conf_text = arguments.conf.read_text(encoding="utf-8")
    if arguments.write:
        arguments.conf.write_text(with_policy(conf_text, needed.policy), encoding="utf-8")
        print(f"Wrote the policy into {arguments.conf}")
    else:
        print(needed.policy)
        if nginx_policy(conf_text) != needed.policy:
            print(f"{arguments.conf} sends a different policy. Run again with --write to update it.", file=sys.stderr)
            return 1
    return 1 if needed.problems else 0


if __name__ == "__main__":
    sys.exit(main())
