"""The site as production serves it: gunicorn, DEBUG off, another process."""

import datetime
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from tests.factories import EventFactory, ThemeFactory

ROOT = Path(settings.BASE_DIR)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback only
        return response.read().decode()


@pytest.fixture
def production_server(transactional_db, tmp_path):
    """gunicorn with DEBUG off on the test database, which must be one another process
    can open: PostgreSQL's, not SQLite's in-memory one."""
    if connection.vendor != "postgresql":
        pytest.skip("the SQLite test database lives in this process's memory")
    db = settings.DATABASES["default"]
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "a-test-key-for-a-server-started-by-a-test-only",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_STATIC_ROOT": str(tmp_path / "static"),
        "DATABASE_URL": (
            f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
        ),
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )

    def start():
        port = free_port()
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--bind",
                f"127.0.0.1:{port}",
                "--log-level",
                "warning",
                "ctdialogue.wsgi",
            ],
            cwd=ROOT,
            env=env,
        )
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                fetch(f"{base}/health/")
                break
            except OSError:
                time.sleep(0.2)
        servers.append(server)
        return base

    servers = []
    yield start
    for server in servers:
        server.terminate()
        server.wait(timeout=10)


def test_scheduled_theme_becomes_filterable_at_its_time_without_a_restart(production_server):
    publish_at = timezone.now() + datetime.timedelta(seconds=8)
    theme = ThemeFactory(slug="arrives-later", name="Arrives later", publish_at=publish_at)
    EventFactory(title="Workshop on a theme that arrives later", themes=[theme])
    EventFactory(title="Workshop on something else")
    base = production_server()  # its workers import everything before the theme is due

    before = fetch(f"{base}/events/?theme=arrives-later")
    time.sleep(max(0.0, (publish_at - timezone.now()).total_seconds()) + 0.5)
    after = fetch(f"{base}/events/?theme=arrives-later")

    # Before its time the filter is refused, so every event is listed...
    assert "“arrives-later” is not one we know" in before
    assert "Workshop on something else" in before
    # ...and from its time on the same worker filters by it.
    assert "not one we know" not in after
    assert "Workshop on a theme that arrives later" in after
    assert "Workshop on something else" not in after
