"""The site as production runs it, for tests that need real processes: a site database
of its own (SQLite in a temporary folder, migrated, with the demo content) and
collected static files, gunicorn (``ctdialogue.sample.bench.serving``), Debian's nginx
with the configuration in deploy/nginx/ (``bench.proxied``), and Redis."""

import contextlib
import os
import subprocess
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
import redis
from django.conf import settings

from ctdialogue.sample import bench

ROOT = Path(settings.BASE_DIR)
#: The Redis database of these tests when the run names none (REDIS_URL).
REDIS_URL = "redis://127.0.0.1:6379/12"


def missing(reason: str):
    """Skip on a developer's machine; on CI (CI=true) a missing service is a failure."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must have it: see .ci/run)")
    pytest.skip(reason)


@dataclass
class Site:
    """A site database and the files nginx serves, and the environment that points a
    gunicorn at them."""

    root: Path
    static_root: Path
    media_root: Path

    def env(self, **extra) -> dict[str, str]:
        return {
            "DATABASE_URL": f"sqlite:///{self.root / 'site.sqlite3'}",
            "DJANGO_MEDIA_ROOT": str(self.media_root),
            "DJANGO_SECRET_KEY": "a-test-key-for-a-server-started-by-a-test-only",
            "REDIS_URL": "",
            "DJANGO_TRUSTED_PROXIES": "",
            **extra,
        }


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    """Migrated with the demo content and the static files collected, once per run (the
    two at once: about 15 s)."""
    root = tmp_path_factory.mktemp("site")
    found = Site(root, root / "static", root / "media")
    found.media_root.mkdir()
    env = {**os.environ, **found.env(), "DJANGO_STATIC_ROOT": str(found.static_root)}
    manage = [sys.executable, "manage.py"]
    collecting = subprocess.Popen([*manage, "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env)
    for command in (["migrate", "--noinput", "-v0"], ["load_demo", "-v0"]):
        subprocess.run([*manage, *command], cwd=ROOT, env=env, check=True)
    assert collecting.wait() == 0
    return found


@contextlib.contextmanager
def nginx(site: Site, server: bench.Server, folder: Path):
    """Debian's nginx with deploy/nginx/'s configuration in front of ``server``; its
    address."""
    if not Path(bench.NGINX).is_file():
        missing("nginx is not installed (apt-get install nginx)")
    with bench.proxied(server, site.static_root, site.media_root, folder) as address:
        yield address


def get(url: str, timeout: float = 10, **headers):
    """(status, headers, body) of a GET, whatever the status."""
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - loopback only
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def redis_url() -> str:
    """The Redis of this run (REDIS_URL), else database 12 of the local one; skips (or on
    CI fails) if it does not answer."""
    url = settings.REDIS_URL or REDIS_URL
    try:
        redis.Redis.from_url(url, socket_timeout=1).ping()
    except redis.RedisError:
        missing(f"Redis does not answer at {url}")
    return url


def remove_keys(url: str, prefix: str):
    """Delete this test's keys, and only those."""
    client = redis.Redis.from_url(url)
    for key in client.scan_iter(match=f"*{prefix}*"):
        client.delete(key)
