"""The production shape with real processes: gunicorn instances of the site sharing a
throwaway PostgreSQL primary, its streaming replica (pg_basebackup) and Redis.

- visitors read from the replica, people with a session from the primary;
- a database outage answers 503 with Retry-After (JSON on the API), never 500, and the
  site recovers by itself when the database is back;
- a Redis outage makes pages slower, never errors;
- two instances show a change made through either within a second, cached pages too,
  and share sessions.

They run with the PostgreSQL suite (CI's second phase); each process gets a free port.
"""

import os
import re
import shutil
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from django.db import connection

from tests.processes import (
    Cluster,
    collect_static,
    cookies,
    free_port,
    get,
    gunicorn,
    manage,
    missing_tools,
    post,
    redis_server,
)

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="runs with the PostgreSQL suite"
)

PAGE = "/resolutions/2395/"
NEW_TITLE = "Renewal of the mandate, as changed a moment ago"


@pytest.fixture(scope="module")
def shape():
    reason = missing_tools()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    # Not pytest's temporary folder: PostgreSQL runs as its own user, who must reach it.
    root = Path(tempfile.mkdtemp(prefix="ctd-production-"))
    root.chmod(0o755)
    primary = Cluster(root / "primary", free_port())
    replica = Cluster(root / "replica", free_port())
    primary.create()
    try:
        manage("migrate", "--noinput", DATABASE_URL=primary.url)
        manage("load_demo", DATABASE_URL=primary.url)
        replica.replicate(primary)
        yield {"primary": primary, "replica": replica, "static": collect_static(root / "static")}
    finally:
        replica.stop()
        primary.stop()
        shutil.rmtree(root, ignore_errors=True)


def site(shape, **environment):
    return gunicorn(
        free_port(),
        DATABASE_URL=shape["primary"].url,
        DJANGO_STATIC_ROOT=shape["static"],
        **environment,
    )


def set_title(shape, title):
    shape["primary"].sql(
        "UPDATE resolutions_resolution SET title = :'title' WHERE number = 2395", title=title
    )


def test_visitors_read_the_replica_and_people_with_a_session_the_primary(shape):
    # With the page cache in Redis, shared by both workers: a page made from the lagging
    # replica must not be kept under the primary's newer content version.
    primary, replica = shape["primary"], shape["replica"]
    with (
        redis_server(free_port()) as redis_url,
        site(shape, DATABASE_REPLICA_URL=replica.url, REDIS_URL=redis_url) as address,
    ):
        replica.sql("SELECT pg_wal_replay_pause()")
        try:
            set_title(shape, NEW_TITLE)
            visitor = get(address + PAGE)
            signed_in = get(address + PAGE, headers={"Cookie": "sessionid=any"})
        finally:
            replica.sql("SELECT pg_wal_replay_resume()")
        caught_up = wait_until(lambda: NEW_TITLE in get(address + PAGE)[2])

    assert visitor[0] == 200
    assert NEW_TITLE not in visitor[2]  # the replica has not replayed the change yet
    assert NEW_TITLE in signed_in[2]  # staff read their own writes
    assert caught_up
    assert primary.sql("SELECT pg_is_in_recovery()") == "f"
    assert replica.sql("SELECT pg_is_in_recovery()") == "t"


def test_a_database_outage_answers_503_and_the_site_recovers_by_itself(shape):
    paths = ["/", "/events/", "/api/events/"]
    with site(shape) as address, Load(address, paths) as load:
        time.sleep(1)
        load.mark("stop")
        shape["primary"].stop()
        time.sleep(3)
        during = get(address + "/api/resolutions/")
        health = get(address + "/health/")
        load.mark("start")
        shape["primary"].start()
        time.sleep(3)
    stopped, started = load.marks["stop"], load.marks["start"]
    outage = [at for at, _, status in load.results if status == 503]

    assert set(Counter(status for *_, status in load.results)) == {200, 503}  # never a 500
    assert stopped <= min(outage)
    assert max(outage) <= started + 1  # back within a second of the restart
    assert {status for at, _, status in load.results if at > started + 1} == {200}
    assert (during[0], during[1]["Retry-After"]) == (503, "30")
    assert during[1]["Content-Type"] == "application/json"
    assert health[0] == 503
    assert '"database": "unavailable"' in health[2]
    load.report("database outage")


def test_a_redis_outage_makes_pages_slower_never_errors(shape):
    port = free_port()
    with redis_server(port) as redis_url, site(shape, REDIS_URL=redis_url) as address:
        assert '"cache": "ok"' in get(address + "/health/")[2]
        with Load(address, ["/", PAGE, "/api/events/"]) as load:
            time.sleep(1)
            with_redis_stopped = stop_redis_for(port, seconds=3, address=address)
        restarted = wait_until(lambda: '"cache": "ok"' in get(address + "/health/")[2])

    statuses = Counter(status for *_, status in load.results)
    assert set(statuses) == {200}
    assert with_redis_stopped[0] == 200
    assert '"status": "degraded"' in with_redis_stopped[2]
    assert '"cache": "unavailable"' in with_redis_stopped[2]
    assert restarted is False  # this Redis is gone for good: the check keeps saying so
    load.report("Redis outage")


def test_two_instances_share_changes_cached_pages_and_sessions(shape):
    port = free_port()
    manage(
        "shell",
        "-c",
        "from django.contrib.auth import get_user_model; "
        "get_user_model().objects.create_superuser('editor', 'e@example.org', 'a-long-pass')",
        DATABASE_URL=shape["primary"].url,
    )
    with (
        redis_server(port) as redis_url,
        site(shape, REDIS_URL=redis_url) as first,
        site(shape, REDIS_URL=redis_url) as second,
    ):
        for address in (first, second, first, second):  # both cache the page
            assert get(address + PAGE)[0] == 200
        set_title(shape, "Seen by both instances")
        changed_at = time.monotonic()
        seen = wait_until(lambda: "Seen by both instances" in get(second + PAGE)[2], 1.0)
        delay = time.monotonic() - changed_at
        on_first = "Seen by both instances" in get(first + PAGE)[2]
        session = sign_in(first, "editor", "a-long-pass")
        admin_on_second = get(second + "/admin/", headers={"Cookie": f"sessionid={session}"})

    assert seen, "the second instance still showed the old page after a second"
    assert on_first
    assert admin_on_second[0] == 200
    assert "<title>Events, people, initiatives and resolutions" in admin_on_second[2]
    assert 'name="password"' not in admin_on_second[2]  # signed in, not asked to
    print(f"\nchange seen on the other instance after {delay * 1000:.0f} ms")


# --- Helpers ----------------------------------------------------------------------


class Load:
    """Requests ``paths`` in turn from a thread, every 20 ms, keeping (time, path,
    status) of each; ``mark()`` notes when something was done to the system."""

    def __init__(self, address, paths):
        self.address, self.paths = address, paths
        self.results, self.marks = [], {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join(timeout=15)

    def mark(self, name):
        self.marks[name] = time.monotonic()

    def _run(self):
        index = 0
        while not self._stop.is_set():
            path = self.paths[index % len(self.paths)]
            try:
                status = get(self.address + path, timeout=5)[0]
            except OSError:
                status = 0  # no answer at all
            self.results.append((time.monotonic(), path, status))
            index += 1
            time.sleep(0.02)

    def report(self, name):
        counts = Counter(status for *_, status in self.results)
        print(f"\n{name}: {len(self.results)} requests, statuses {dict(counts)}")


def stop_redis_for(port, *, seconds, address):
    """Stop the Redis on ``port`` (it does not come back) and ask /health/ meanwhile."""
    import socket

    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(b"SHUTDOWN NOSAVE\r\n")
    time.sleep(seconds / 2)
    health = get(address + "/health/")
    time.sleep(seconds / 2)
    return health


def wait_until(condition, seconds=10.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def sign_in(address, username, password) -> str:
    status, headers, page = get(address + "/admin/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    csrf = cookies(headers)["csrftoken"]
    status, headers, _ = post(
        address + "/admin/login/?next=/admin/",
        {"csrfmiddlewaretoken": token, "username": username, "password": password},
        headers={"Cookie": f"csrftoken={csrf}", "Referer": address + "/admin/login/"},
    )
    assert status == 302, status
    return cookies(headers)["sessionid"]
