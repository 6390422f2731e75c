"""Print the Content-Security-Policy a built site needs, or write it into the course's rules and deploy/.

    .venv/bin/mkdocs build --strict -d /tmp/course-site
    PYTHONPATH=hooks .venv/bin/python tools/content_security_policy.py /tmp/course-site            # print it
    PYTHONPATH=hooks .venv/bin/python tools/content_security_policy.py /tmp/course-site --write    # update it

(`PYTHONPATH=hooks` makes hooks/ the import root, as MkDocs and pytest have it: see ARCHITECTURE.md.)

Run it after upgrading Material for MkDocs: its inline scripts, and so their
hashes, may change. --write updates hooks/hosting/content-security-policy.txt (the
one place the policy is kept, read by hooks/hosting/http_rules.py) and rewrites
deploy/security-headers.conf from it; the next build writes it into .htaccess and
_headers. tests/hosting/test_nginx.py fails until they match the site.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hosting import http_rules
from hosting.content_security_policy import site_policy
from hosting.nginx_files import security_headers_conf

PROJECT_DIR = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path, help="a built site (the folder mkdocs build wrote)")
    parser.add_argument("--write", action="store_true",
                        help="write the policy into hooks/hosting/content-security-policy.txt and deploy/security-headers.conf")
    parser.add_argument("--conf", type=Path, default=PROJECT_DIR / "deploy" / "security-headers.conf")
    arguments = parser.parse_args()
    needed = site_policy(arguments.site)
    for problem in needed.problems:
        print(f"Cannot allow by hash: {problem}", file=sys.stderr)
    if arguments.write:
        http_rules.POLICY_FILE.write_text(needed.policy + "\n", encoding="utf-8")
        http_rules.content_security_policy.cache_clear()
        arguments.conf.write_text(security_headers_conf(), encoding="utf-8")
        print(f"Wrote the policy into {http_rules.POLICY_FILE} and {arguments.conf}")
    else:
        print(needed.policy)
        if http_rules.content_security_policy() != needed.policy:
            print(f"{http_rules.POLICY_FILE} holds a different policy. Run again with --write to update it.", file=sys.stderr)
            return 1
    return 1 if needed.problems else 0


if __name__ == "__main__":
    sys.exit(main())
