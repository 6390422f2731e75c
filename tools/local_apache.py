"""Debian's apache2 serving a built course with the .htaccess the build wrote, on a loopback port, in a temporary prefix.

Used by tests/hosting/test_apache.py. The main configuration is a small one of
its own, as a shared host's would be: the modules .htaccess needs (README.md,
"Running your own copy"), `AllowOverride All` for the site's folder, Debian's
/etc/mime.types, and `ServerTokens Prod` (which only the host can set, not
.htaccess). Everything the course asks of Apache is in the .htaccess.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

APACHE = shutil.which("apache2") or "/usr/sbin/apache2"
MODULES_DIR = Path("/usr/lib/apache2/modules")
# What the course's .htaccess needs (hooks/hosting/htaccess.py), and the event MPM to run it.
MODULES = ("mpm_event", "authz_core", "mime", "dir", "alias", "headers", "filter", "deflate")


def apache_main_config(*, prefix: Path, webroot: Path, port: int) -> str:
    """A whole apache2.conf for a temporary prefix that serves `webroot` on 127.0.0.1:`port`."""
    modules = "\n".join(f"LoadModule {name}_module {MODULES_DIR}/mod_{name}.so" for name in MODULES)
    # Apache will not serve pages as root: as root, its workers run as Debian's www-data, who must be able to read the webroot.
    user = "User www-data\nGroup www-data" if os.geteuid() == 0 else ""
    return f"""\
{modules}
{user}
ServerName localhost
Listen 127.0.0.1:{port}
PidFile {prefix}/apache2.pid
DefaultRuntimeDir {prefix}
ErrorLog {prefix}/error.log
LogLevel warn
ServerTokens Prod
ServerSignature Off
StartServers 1
ServerLimit 1
ThreadsPerChild 16
MinSpareThreads 4
MaxSpareThreads 16
MaxRequestWorkers 16
TypesConfig /etc/mime.types
DocumentRoot "{webroot}"
<Directory />
    AllowOverride None
    Require all denied
</Directory>
<Directory "{webroot}">
    AllowOverride All
    Require all granted
</Directory>
# As Debian's own apache2.conf: .htaccess and its kin are never sent.
<FilesMatch "^\\.ht">
    Require all denied
</FilesMatch>
"""


def readable_copy(site_dir: Path, target: Path) -> None:
    """The built site at `target`, as hard links where the file system allows (no bytes copied), readable by everyone."""
    def link_or_copy(source: str, destination: str) -> None:
        try:
            os.link(source, destination)
        except OSError:
            shutil.copy2(source, destination)

    shutil.copytree(site_dir, target, copy_function=link_or_copy)
    for folder, _, files in os.walk(target):
        os.chmod(folder, 0o755)
        for name in files:
            os.chmod(os.path.join(folder, name), 0o644)
