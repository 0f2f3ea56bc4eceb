"""The site behind deploy/nginx/'s configuration, as production runs it: Debian's nginx
in front of gunicorn (2 sync workers, DEBUG off) on a site database of its own.

Slow clients never reach a worker, static files and uploads come from disk with the
right headers, anonymous pages are kept one second at most and never for a session,
large bodies are refused, and a forged X-Forwarded-For does not dodge the API's limit.
"""

import json
import socket
import threading
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings

from ctdialogue.sample import bench
from tests.serving import get, nginx, redis_url, remove_keys

API_RATE = 5


@pytest.fixture(scope="module")
def stack(site, tmp_path_factory):
    """(nginx's address, gunicorn's address) of the whole stack."""
    prefix, redis = f"nginx-test-{uuid.uuid4().hex}", redis_url()
    env = site.env(
        DJANGO_TRUSTED_PROXIES="1",
        DJANGO_API_ANON_RATE=f"{API_RATE}/minute",
        REDIS_URL=redis,
        DJANGO_CACHE_KEY_PREFIX=prefix,
    )
    try:
        with (
            bench.serving(2, site.static_root, **env) as server,
            nginx(site, server, tmp_path_factory.mktemp("nginx")) as front,
        ):
            yield front, server.base
    finally:
        remove_keys(redis, prefix)


# --- Files from disk --------------------------------------------------------------


def test_hashed_static_files_are_cached_for_a_year_and_others_for_an_hour(stack, site):
    front, _app = stack
    manifest = json.loads((site.static_root / "staticfiles.json").read_text())["paths"]
    original, hashed = "css/site.css", manifest["css/site.css"]

    status, headers, body = get(f"{front}/static/{hashed}")
    _, plain_headers, _ = get(f"{front}/static/{original}")

    assert status == 200
    assert body == (site.static_root / hashed).read_bytes()
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert headers["Content-Type"].startswith("text/css")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert plain_headers["Cache-Control"] == "public, max-age=3600"


def test_uploads_are_served_from_disk_and_never_as_pages(stack, site, png_bytes):
    front, _app = stack
    folder = site.media_root / "photos"
    folder.mkdir(exist_ok=True)
    (folder / "bangkok.png").write_bytes(png_bytes)
    (folder / "trap.html").write_text("<script>alert(1)</script>")

    status, headers, body = get(f"{front}/media/photos/bangkok.png")
    _, trap_headers, _ = get(f"{front}/media/photos/trap.html")

    assert status == 200
    assert body == png_bytes
    assert headers["Content-Type"] == "image/png"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Cache-Control"] == "public, max-age=3600"
    assert trap_headers["Content-Type"] == "application/octet-stream"
    assert "sandbox" in trap_headers["Content-Security-Policy"]


# --- The micro-cache ----------------------------------------------------------------


def test_anonymous_pages_are_kept_one_second_at_most(stack):
    front, _app = stack
    url = f"{front}/resolutions/"

    _, first, page = get(url)
    _, again, same_page = get(url)
    time.sleep(2)
    _, later, _ = get(url)

    assert first["X-Cache-Status"] == "MISS"
    assert again["X-Cache-Status"] == "HIT"
    assert again["Date"] == first["Date"]  # the very response nginx kept
    assert same_page == page
    assert b"S/RES/2395 (2017)" in page
    assert later["X-Cache-Status"] in {"EXPIRED", "MISS"}
    assert later["Date"] != first["Date"]  # made afresh by gunicorn


@pytest.mark.parametrize("cookie", [settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME])
def test_a_request_with_a_session_or_csrf_cookie_bypasses_the_cache(stack, cookie):
    front, _app = stack
    url = f"{front}/initiatives/"
    get(url)
    _, cached, _ = get(url)

    _, headers, _ = get(url, Cookie=f"{cookie}=abc123")

    assert cached["X-Cache-Status"] == "HIT"
    assert headers["X-Cache-Status"] == "BYPASS"


def test_the_cookie_names_nginx_looks_for_are_the_sites():
    names = ["PORT", "UPSTREAM", "STATIC_ROOT", "MEDIA_ROOT", "CACHE_PATH", "ADMIN_PATH"]
    conf = bench.render_nginx_template({f"NGINX_{name}": "/x" for name in names})

    assert f"$cookie_{settings.SESSION_COOKIE_NAME}" in conf
    assert f"$cookie_{settings.CSRF_COOKIE_NAME}" in conf
    assert [line for line in conf.splitlines() if "${" in line] == []


def test_the_admin_is_never_cached(stack):
    front, _app = stack
    url = f"{front}/{settings.ADMIN_URL}login/"

    answers = [get(url) for _ in range(2)]

    assert [status for status, _, _ in answers] == [200, 200]
    assert [headers["X-Cache-Status"] for _, headers, _ in answers] == [None, None]
    assert all(b"Code from your authenticator app" in body for _, _, body in answers)


# --- Limits ---------------------------------------------------------------------------


def raw_request(address: str, request: bytes) -> bytes:
    host, port = address.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=5) as sock:
        sock.sendall(request)
        return sock.recv(4096)


def test_a_body_larger_than_the_largest_upload_is_refused_before_the_app(stack):
    front, _app = stack
    largest = max(settings.UPLOAD_DOCUMENT_MAX_BYTES, settings.UPLOAD_IMAGE_MAX_BYTES)

    answer = raw_request(
        front,
        b"POST /admin/login/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + f"Content-Length: {largest + 2 * 1024 * 1024}\r\n\r\n".encode(),
    )

    assert answer.startswith(b"HTTP/1.1 413")


def test_a_forged_forwarded_for_does_not_dodge_the_api_limit_behind_nginx(stack):
    front, _app = stack

    statuses = [
        get(f"{front}/api/themes/?utm_content={n}", **{"X-Forwarded-For": f"203.0.113.{n}"})[0]
        for n in range(API_RATE + 3)
    ]

    assert statuses == [200] * API_RATE + [429] * 3


# --- Slow clients -------------------------------------------------------------------


class Sloth(threading.Thread):
    """A slowloris client: sends a request's headers a byte at a time and never ends
    them; when the server closes the connection, opens another."""

    def __init__(self, address: str, stop: threading.Event, every: float = 0.5):
        super().__init__(daemon=True)
        self.host, port = address.removeprefix("http://").split(":")
        self.port, self.stop, self.every = int(port), stop, every
        self.connections = 0

    def run(self):
        headers = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 100_000
        while not self.stop.is_set():
            try:
                with socket.create_connection((self.host, self.port), timeout=5) as sock:
                    self.connections += 1
                    for byte in headers:
                        if self.stop.wait(self.every):
                            return
                        sock.sendall(bytes([byte]))
            except OSError:
                self.stop.wait(0.1)


def sloths(address: str, count: int) -> tuple[list[Sloth], threading.Event]:
    stop = threading.Event()
    started = [Sloth(address, stop) for _ in range(count)]
    for sloth in started:
        sloth.start()
    time.sleep(1)  # every one connected and sending
    return started, stop


def fetch_timed(url: str) -> tuple[float, int | str, str | None]:
    """Milliseconds, status (or the error) and X-Cache-Status of a GET."""
    started = time.perf_counter()
    try:
        status, headers, body = get(url, timeout=5)
    except OSError as error:
        return (time.perf_counter() - started) * 1000, type(error).__name__, None
    if status == 200 and not body:
        status = "empty"
    return (time.perf_counter() - started) * 1000, status, headers["X-Cache-Status"]


def held_up_directly(app: str):
    """How a request to gunicorn ends while two slow clients hold its two workers."""
    held, stop = sloths(app, 2)
    try:
        _, outcome, _ = fetch_timed(f"{app}/health/")
    finally:
        stop.set()
    for sloth in held:
        sloth.join()
    time.sleep(1)
    return outcome


def requests_beside_sloths(front: str, seconds: int = 60) -> tuple[list, list[Sloth]]:
    """Twenty slow clients held for ``seconds`` while a client asks for a page every
    100 ms (pages made by Django each time, and pages from the micro-cache)."""
    held, stop = sloths(front, 20)
    paths = ["/health/", "/", "/events/", "/stakeholders/"]
    timings = []
    try:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            timings.append(fetch_timed(f"{front}{paths[len(timings) % len(paths)]}"))
            time.sleep(0.1)
    finally:
        stop.set()
    for sloth in held:
        sloth.join()
    return timings, held


def percentile(values: list[float], percent: int) -> float:
    return values[max(round(len(values) * percent / 100) - 1, 0)]


def test_slow_clients_hold_gunicorn_directly_but_not_behind_nginx(stack):
    front, app = stack
    direct = held_up_directly(app)

    timings, held = requests_beside_sloths(front)

    latencies = sorted(ms for ms, _, _ in timings)
    made = sorted(ms for ms, _, cached in timings if cached != "HIT")  # by Django
    failures = [status for _, status, _ in timings if status != 200]
    print(
        f"\nslowloris: {len(timings)} requests ({len(made)} made by Django), "
        f"p50 {percentile(latencies, 50):.1f} ms, p99 {percentile(latencies, 99):.1f} ms "
        f"(made by Django: p50 {percentile(made, 50):.1f}, p99 {percentile(made, 99):.1f}), "
        f"max {latencies[-1]:.1f} ms, failures {len(failures)}; "
        f"{sum(s.connections for s in held)} slow connections opened"
    )
    assert direct == "TimeoutError"  # without nginx, nothing else is answered
    assert len(timings) > 300  # one every 100 ms, and the time each took
    assert failures == []
    assert percentile(latencies, 99) < 200
    assert len(made) > 150  # a quarter never cached (/health/), and misses
    assert percentile(made, 99) < 200
    # nginx cut every slow client off after client_header_timeout, and it came back.
    assert all(sloth.connections >= 3 for sloth in held)


def test_the_nginx_configuration_file_is_where_the_readme_says():
    readme = (Path(settings.BASE_DIR) / "README.md").read_text(encoding="utf-8")

    assert "deploy/nginx/templates/ctdialogue.conf.template" in readme
