"""deploy/nginx.conf run on this machine, on loopback ports, in a temporary prefix.

Used by tests/hosting/test_nginx.py (which checks what nginx serves) and by
tools/benchmark_speed.py (which measures it), so both run the file we ship with
only the lines a self-hoster changes pointed at this machine: `listen`,
`server_name`, `root` and the certificate, which is made here.
"""

from __future__ import annotations

import datetime
import ipaddress
import os
import re
import shutil
import socket
from pathlib import Path

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
MIME_TYPES = Path("/etc/nginx/mime.types")


class DeployConfError(ValueError):
    """deploy/nginx.conf no longer has the lines this module changes."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def local_config(conf_text: str, *, webroot: Path, http_port: int, https_port: int, certificate: Path, key: Path) -> str:
    """deploy/nginx.conf with the lines a self-hoster changes pointed at this machine."""
    def replace(pattern: str, replacement: str, text: str, expected: int, what: str) -> str:
        text, count = re.subn(pattern, replacement, text, flags=re.MULTILINE)
        if count != expected:
            raise DeployConfError(f"deploy/nginx.conf should have {expected} {what} line(s), found {count}: "
                                  "put the line back as the file's comments show it")
        return text

    # This machine may have no IPv6; the IPv4 lines show the file works.
    text = replace(r"^\s*listen\s+\[::\]:[^;]+;\s*\n", "", conf_text, 2, "IPv6 listen")
    text = replace(r"^(\s*)listen\s+80;", rf"\1listen 127.0.0.1:{http_port};", text, 1, "'listen 80;'")
    text = replace(r"^(\s*)listen\s+443\s+ssl\b", rf"\1listen 127.0.0.1:{https_port} ssl", text, 1, "'listen 443 ssl'")
    text = replace(r"^(\s*)server_name\s+[^;]+;", r"\1server_name localhost;", text, 2, "server_name")
    text = replace(r"^(\s*)root\s+[^;]+;", rf"\1root {webroot};", text, 2, "root")
    text = replace(r"^(\s*)ssl_certificate\s+[^;]+;", rf"\1ssl_certificate {certificate};", text, 1, "ssl_certificate")
    return replace(r"^(\s*)ssl_certificate_key\s+[^;]+;", rf"\1ssl_certificate_key {key};", text, 1, "ssl_certificate_key")


def nginx_main_config(deploy_conf: str, *, prefix: Path, webroot: Path, http_port: int, https_port: int,
                      certificate: Path, key: Path, access_log: str = "off") -> str:
    """A whole nginx.conf for a temporary prefix that runs deploy/nginx.conf's servers on loopback ports.

    Only `listen`, `server_name`, `root` and the certificate lines change (`local_config`), so what
    is tested, and measured by tools/benchmark_speed.py, is what we ship.
    """
    temp = prefix / "temp"
    # As root, nginx's workers would otherwise run as "nobody", who cannot read pytest's private temporary folders.
    user = "user root;" if os.geteuid() == 0 else ""
    servers = local_config(deploy_conf, webroot=webroot, http_port=http_port, https_port=https_port,
                           certificate=certificate, key=key)
    return f"""{user}
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 256; }}
http {{
    include {MIME_TYPES};
    default_type application/octet-stream;
    access_log {access_log};
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
{servers}
}}
"""


def make_certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for localhost and 127.0.0.1, and its key."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.timezone.utc)
    certificate = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5)).not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"),
                                                    x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    certificate_path, key_path = folder / "certificate.pem", folder / "key.pem"
    certificate_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return certificate_path, key_path
