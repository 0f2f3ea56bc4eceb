"""The site as production serves it: gunicorn, DEBUG off, another process."""

import datetime
import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from events.models import Event
from tests.factories import EventFactory, ThemeFactory
from tests.processes import free_port

ROOT = Path(settings.BASE_DIR)


def fetch(url: str, status: int = 200) -> str:
    """The body at ``url``, which must answer ``status`` (a list asked for a value it
    cannot use answers 400 with the list and the message)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback only
            answered, body = response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        answered, body = error.code, error.read().decode()
    assert answered == status, body[:200]
    return body


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

    def start(workers=1, **extra_env):
        port = free_port()
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(workers),
                "--log-level",
                "warning",
                "ctdialogue.wsgi",
            ],
            cwd=ROOT,
            env={**env, **extra_env},
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

    before = fetch(f"{base}/events/?theme=arrives-later", status=400)
    time.sleep(max(0.0, (publish_at - timezone.now()).total_seconds()) + 0.5)
    after = fetch(f"{base}/events/?theme=arrives-later")

    # Before its time the filter is refused, so every event is listed...
    assert "“arrives-later” is not one we know" in before
    assert "Workshop on something else" in before
    # ...and from its time on the same worker filters by it.
    assert "not one we know" not in after
    assert "Workshop on a theme that arrives later" in after
    assert "Workshop on something else" not in after


def redis_url() -> str | None:
    """A Redis database for this test, if Redis answers on its usual port."""
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return "redis://127.0.0.1:6379/14"
    except OSError:
        return None


@pytest.mark.parametrize("cache", ["local memory", "redis"])
def test_two_workers_never_serve_a_page_older_than_the_content(production_server, cache):
    extra = {"DJANGO_CACHE_KEY_PREFIX": f"test-{uuid.uuid4().hex}", "REDIS_URL": ""}
    if cache == "redis":
        if redis_url() is None:
            pytest.skip("Redis is not running on 127.0.0.1:6379")
        extra["REDIS_URL"] = redis_url()
    event = EventFactory(title="Workshop as first announced", slug="announced")
    base = production_server(workers=2, **extra)
    # Enough requests that both workers have the page in their cache.
    first = [fetch(f"{base}/events/announced/") for _ in range(8)]

    Event.objects.filter(pk=event.pk).update(title="Workshop as finally held")
    after = [fetch(f"{base}/events/announced/") for _ in range(8)]

    assert all("Workshop as first announced" in page for page in first)
    assert all("Workshop as finally held" in page for page in after)
    assert not any("Workshop as first announced" in page for page in after)
