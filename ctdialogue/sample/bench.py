# ruff: noqa: S603, S607 - it runs gunicorn, wrk and ps with arguments of its own.
"""The benchmark behind ``make bench``: the site as production serves it, at scale.

It fills the database it is pointed at (PostgreSQL, ``DATABASE_URL``) with generated
content up to the number of events asked for, serves it with gunicorn and DEBUG off,
and measures each page of ``pages()``:

- the server time and query count of one request, in this process, with the page
  cache off (what a new filter combination costs);
- requests/s and p50/p99 latency with wrk (Debian's package), uncached (a server
  with the page cache off) and cached (the same with it on);
- a static file through the same stack, the ceiling for comparison;
- every page and the static file again through nginx (Debian's) with the configuration
  in deploy/nginx/, in front of a server with the page cache on: the one-second
  micro-cache and nginx's own static-file rate;
- the full CSV export: rows/s and the growth of the worker's peak memory.

Figures depend on the machine and whatever else runs on it: compare versions in one
run, never against a number from another day.
"""

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

WRK_LATENCY = re.compile(r"^\s*(50|75|90|99)%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
WRK_RATE = re.compile(r"^Requests/sec:\s+([\d.]+)", re.MULTILINE)
WRK_ERRORS = re.compile(r"Non-2xx or 3xx responses:\s+(\d+)|timeout (\d+)")
TO_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


@dataclass
class Load:
    """What wrk measured for one address."""

    rate: float
    latency_ms: dict[str, float] = field(default_factory=dict)
    errors: int = 0


def parse_wrk(output: str) -> Load:
    """Requests/s, latency percentiles in milliseconds and failures from wrk's output
    (run with ``--latency``)."""
    rate = WRK_RATE.search(output)
    if rate is None:
        raise ValueError(f"wrk printed no rate:\n{output}")
    latency = {
        f"p{percent}": float(value) * TO_MS[unit]
        for percent, value, unit in WRK_LATENCY.findall(output)
    }
    errors = sum(int(a or b) for a, b in WRK_ERRORS.findall(output))
    return Load(float(rate.group(1)), latency, errors)


@dataclass
class Row:
    name: str
    path: str
    server_ms: float | None = None
    queries: int | None = None
    size_kb: float | None = None
    uncached: Load | None = None
    cached: Load | None = None


def _fmt(value, pattern="{:,.1f}") -> str:
    return "" if value is None else pattern.format(value)


def table(rows: list[Row]) -> str:
    """The results as a Markdown table."""
    lines = [
        "| page | one request, ms | queries | KB | uncached req/s | p50 ms | p99 ms "
        "| cached req/s | p50 ms | p99 ms |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        loads = []
        for load in (row.uncached, row.cached):
            latency = load.latency_ms if load else {}
            loads += [_fmt(load and load.rate), _fmt(latency.get("p50")), _fmt(latency.get("p99"))]
        lines.append(
            "| "
            + " | ".join(
                [
                    f"{row.name} `{row.path}`",
                    _fmt(row.server_ms),
                    _fmt(row.queries, "{}"),
                    _fmt(row.size_kb),
                    *loads,
                ]
            )
            + " |"
        )
    return "\n".join(lines)


# --- The pages --------------------------------------------------------------------


def pages() -> list[tuple[str, str]]:
    """(name, path) of every page measured, with values read from the data."""
    from events.models import Event, Theme

    theme = Theme.objects.public().order_by("pk").first()
    event = Event.objects.public().order_by("-start_date").first()
    return [
        ("events, unfiltered", "/events/"),
        ("events, theme and year", f"/events/?theme={theme.slug}&year=2018"),
        ("events, text", "/events/?q=evidence"),
        ("search", "/search/?q=evidence"),
        ("search, phrase", "/search/?q=%22digital+evidence%22"),
        ("search, negation", "/search/?q=evidence+-platforms"),
        ("home", "/"),
        ("API events, page 2", "/api/events/?page=2"),
        ("theme page", theme.get_absolute_url()),
        ("event page", event.get_absolute_url()),
    ]


def one_request(path: str) -> tuple[float, int, float]:
    """Server time (ms), queries and size (KB) of one GET in this process, the page
    cache off, after one warm-up request."""
    client = Client(HTTP_HOST="127.0.0.1")
    with override_settings(PAGE_CACHE_SECONDS=0):
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(path)
            elapsed = (time.perf_counter() - started) * 1000
    return elapsed, len(queries), len(response.content) / 1024


# --- The server -------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn serving this project as production does, on a free local port."""

    def __init__(self, *, workers: int, static_root: Path, **env):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        environment = {
            **os.environ,
            "DJANGO_DEBUG": "0",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_STATIC_ROOT": str(static_root),
            "DJANGO_LOG_LEVEL": "WARNING",
            **env,
        }
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(workers),
                "--timeout",
                "120",
                "--log-level",
                "warning",
                "ctdialogue.wsgi",
            ],
            cwd=settings.BASE_DIR,
            env=environment,
        )
        self.wait()

    def wait(self):
        for _ in range(150):
            try:
                with urllib.request.urlopen(f"{self.base}/health/", timeout=5):  # noqa: S310
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not start")

    def workers(self) -> list[int]:
        listed = subprocess.run(
            ["ps", "-o", "pid=", "--ppid", str(self.process.pid)],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        return [int(pid) for pid in listed.split()]

    def peak_memory_mb(self) -> float:
        """The largest peak resident memory of any worker (VmHWM)."""
        peaks = [0.0]
        for pid in self.workers():
            status = Path(f"/proc/{pid}/status").read_text()
            match = re.search(r"VmHWM:\s+(\d+) kB", status)
            if match:
                peaks.append(int(match.group(1)) / 1024)
        return max(peaks)

    def stop(self):
        """Stop at once, not after the requests still queued (SIGQUIT)."""
        self.process.send_signal(signal.SIGQUIT)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@contextlib.contextmanager
def serving(workers: int, static_root: Path, **env):
    server = Server(workers=workers, static_root=static_root, **env)
    try:
        yield server
    finally:
        server.stop()


# --- nginx in front ---------------------------------------------------------------

NGINX = "/usr/sbin/nginx"
NGINX_TEMPLATE = Path(settings.BASE_DIR) / "deploy" / "nginx" / "templates"
NGINX_VARIABLE = re.compile(r"\$\{(NGINX_[A-Z_]+)\}")
#: The per-address request limit in the template, which wrk (one address) would hit.
NGINX_RATE_LIMIT = "limit_req zone=ctdialogue_requests burst=40 nodelay;"


def render_nginx_template(values: dict[str, str]) -> str:
    """What envsubst (and the official nginx image) makes of deploy/nginx/'s template."""
    text = (NGINX_TEMPLATE / "ctdialogue.conf.template").read_text(encoding="utf-8")
    return NGINX_VARIABLE.sub(lambda match: values[match.group(1)], text)


def nginx_main_conf(folder: Path, site_conf: Path) -> str:
    """A main configuration for Debian's nginx run without installing it: in the
    foreground, every file it writes in ``folder``, the site's in its http block."""
    user = "user root;" if os.geteuid() == 0 else ""  # as root, still read root's folders
    temp = " ".join(
        f"{kind}_temp_path {folder / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""
        daemon off;
        {user}
        worker_processes 1;
        pid {folder / "nginx.pid"};
        error_log {folder / "error.log"} warn;
        events {{ worker_connections 1024; }}
        http {{
            include /etc/nginx/mime.types;
            default_type application/octet-stream;
            access_log off;
            {temp}
            include {site_conf};
        }}
    """


def wait_for_port(port: int, process: subprocess.Popen, seconds: float = 10):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the process stopped with status {process.returncode}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.05)
    raise RuntimeError(f"nothing listens on port {port}")


@contextlib.contextmanager
def proxied(server: Server, static_root: Path, media_root: Path, folder: Path, unlimited=False):
    """Debian's nginx with deploy/nginx/'s configuration in front of ``server``, on a
    free port; its address. ``unlimited`` lifts the per-address request rate."""
    if not Path(NGINX).is_file():
        raise RuntimeError("nginx is not installed (apt-get install nginx)")
    port = free_port()
    site_conf = folder / "ctdialogue.conf"
    site_conf.write_text(
        render_nginx_template(
            {
                "NGINX_PORT": f"127.0.0.1:{port}",
                "NGINX_UPSTREAM": server.base.removeprefix("http://"),
                "NGINX_STATIC_ROOT": str(static_root),
                "NGINX_MEDIA_ROOT": str(media_root),
                "NGINX_CACHE_PATH": str(folder / "cache"),
                "NGINX_ADMIN_PATH": f"/{settings.ADMIN_URL}",
            }
        )
    )
    if unlimited:
        site_conf.write_text(site_conf.read_text().replace(NGINX_RATE_LIMIT, ""))
    main = folder / "nginx.conf"
    main.write_text(nginx_main_conf(folder, site_conf))
    process = subprocess.Popen(
        [NGINX, "-p", str(folder), "-e", str(folder / "error.log"), "-c", str(main)]
    )
    try:
        wait_for_port(port, process)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def nginx_table(loads: list[tuple[Row, Load]]) -> str:
    """What wrk measured through nginx, as a Markdown table."""
    lines = [
        "| through nginx | req/s | p50 ms | p99 ms | errors |",
        "|---|---|---|---|---|",
    ]
    for row, load in loads:
        latency = load.latency_ms
        cells = [_fmt(load.rate), _fmt(latency.get("p50")), _fmt(latency.get("p99"))]
        lines.append(f"| {row.name} `{row.path}` | {' | '.join(cells)} | {load.errors} |")
    return "\n".join(lines)


def through_nginx(rows: list[Row], static_root: Path, *, seconds, connections, workers) -> str:
    """Every page and the static file through nginx in front of a server with the page
    cache on. wrk is one client address: nginx's per-address limits are lifted for it."""
    if not Path(NGINX).is_file():
        return "Through nginx: not measured, nginx is not installed (apt-get install nginx).\n"
    folder = Path(tempfile.mkdtemp(prefix="bench-nginx-"))
    loads = []
    try:
        with (
            serving(workers, static_root, DJANGO_TRUSTED_PROXIES="1") as server,
            proxied(server, static_root, settings.MEDIA_ROOT, folder, unlimited=True) as front,
        ):
            for row in rows:
                loads.append((row, wrk(front + row.path, seconds=seconds, connections=connections)))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return nginx_table(loads) + "\n"


def wrk(url: str, *, seconds: int, connections: int) -> Load:
    output = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return parse_wrk(output)


def prime(url: str, times: int = 4):
    """Request ``url`` until the cache has it (each worker has its own without Redis)."""
    for _ in range(times):
        with urllib.request.urlopen(url, timeout=600) as response:  # noqa: S310
            response.read()


def export_figures(server: Server, path: str = "/events/export.csv") -> dict:
    """Rows/s of the full CSV export and how much the worker's peak memory grew."""
    before = server.peak_memory_mb()
    started = time.perf_counter()
    rows = 0
    with urllib.request.urlopen(server.base + path, timeout=600) as response:  # noqa: S310
        for _line in response:
            rows += 1
    elapsed = time.perf_counter() - started
    return {
        "rows": rows - 1,
        "seconds": elapsed,
        "rows_per_second": (rows - 1) / elapsed,
        "memory_growth_mb": server.peak_memory_mb() - before,
    }


def collect_static(static_root: Path):
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DJANGO_STATIC_ROOT": str(static_root)},
        check=True,
    )


def static_path(static_root: Path) -> str:
    css = sorted(static_root.rglob("*.css"))
    return settings.STATIC_URL + str(css[0].relative_to(static_root))


def run(*, seconds: int, connections: int, workers: int, write) -> str:
    """Measure every page; write progress with ``write``; the Markdown report."""
    if shutil.which("wrk") is None:
        raise RuntimeError("wrk is not installed (apt-get install wrk)")
    rows = [Row(name, path) for name, path in pages()]
    static_root = Path(tempfile.mkdtemp(prefix="bench-static-"))
    collect_static(static_root)
    with override_settings(STATIC_ROOT=static_root):  # pages name hashed static files
        for row in rows:
            row.server_ms, row.queries, row.size_kb = one_request(row.path)
            write(f"one request: {row.name}: {row.server_ms:.1f} ms, {row.queries} queries")
    static = Row("static file", static_path(static_root))
    try:
        for row in [*rows, static]:
            # A fresh server for each measurement: requests to a slow page that wrk left
            # queued must not slow the next page down.
            with serving(workers, static_root, DJANGO_PAGE_CACHE_SECONDS="0") as server:
                row.uncached = wrk(server.base + row.path, seconds=seconds, connections=connections)
            with serving(workers, static_root) as server:
                prime(server.base + row.path)  # in each worker's cache, however slow the page
                row.cached = wrk(server.base + row.path, seconds=seconds, connections=connections)
            write(f"load: {row.name}: {row.uncached.rate:.1f} / {row.cached.rate:.1f} req/s")
        with serving(workers, static_root, DJANGO_PAGE_CACHE_SECONDS="0") as server:
            export = export_figures(server)
        proxy = through_nginx(
            [*rows, static], static_root, seconds=seconds, connections=connections, workers=workers
        )
        write("load: every page through nginx")
    finally:
        shutil.rmtree(static_root, ignore_errors=True)
    return (
        table([*rows, static]) + f"\n\nCSV export of every event: {export['rows']:,} rows in "
        f"{export['seconds']:.1f} s, {export['rows_per_second']:,.0f} rows/s; worker peak "
        f"memory grew by {export['memory_growth_mb']:.1f} MB.\n\n{proxy}"
    )
