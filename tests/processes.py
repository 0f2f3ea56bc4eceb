"""Real processes for the tests of the production shape: throwaway PostgreSQL clusters
(a primary, and a streaming replica made with pg_basebackup), Redis servers and
gunicorn instances of this site, each on a free port and stopped afterwards."""

import contextlib
import http.client
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

# One way to find a free port, the benchmark's; re-exported for the tests.
from ctdialogue.sample.bench import free_port as free_port

ROOT = Path(__file__).resolve().parent.parent
PG_BIN = Path("/usr/lib/postgresql/15/bin")
BIN = Path(sys.executable).parent


def missing_tools() -> str:
    """Why these tests cannot run here ("" when they can)."""
    needed = [PG_BIN / "initdb", PG_BIN / "pg_ctl", PG_BIN / "pg_basebackup"]
    missing = [str(path) for path in needed if not path.exists()]
    missing += [tool for tool in ("redis-server",) if shutil.which(tool) is None]
    return ", ".join(missing) and f"not installed: {', '.join(missing)}"


def _as_postgres(command: list) -> list:
    """PostgreSQL refuses to run as root: as root, run its tools as the postgres user."""
    return ["runuser", "-u", "postgres", "--", *map(str, command)] if os.geteuid() == 0 else command


class Cluster:
    """A PostgreSQL cluster in ``directory``, listening on 127.0.0.1:``port``."""

    def __init__(self, directory: Path, port: int):
        self.directory = directory
        self.port = port
        self.url = f"postgres://postgres@127.0.0.1:{port}/ctdialogue"

    def _run(self, *command, check=True):
        return subprocess.run(
            _as_postgres([*command]), check=check, capture_output=True, text=True, timeout=120
        )

    def prepare_directory(self):
        self.directory.mkdir(parents=True)
        if os.geteuid() == 0:
            shutil.chown(self.directory.parent, "postgres")
            shutil.chown(self.directory, "postgres")
        self.directory.chmod(0o700)

    def create(self):
        self.prepare_directory()
        self._run(PG_BIN / "initdb", "-D", self.directory, "-U", "postgres", "--auth=trust")
        self.start()
        self._run(
            PG_BIN / "createdb", "-h", "127.0.0.1", "-p", self.port, "-U", "postgres", "ctdialogue"
        )

    def replicate(self, primary: "Cluster"):
        """A streaming replica of ``primary`` (pg_basebackup -R writes its settings)."""
        self.prepare_directory()
        self._run(
            PG_BIN / "pg_basebackup",
            "-h",
            "127.0.0.1",
            "-p",
            primary.port,
            "-U",
            "postgres",
            "-D",
            self.directory,
            "-R",
            "-X",
            "stream",
            "--checkpoint=fast",
        )
        self.start()

    def start(self):
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.directory}"
        log = self.directory / "server.log"
        self._run(PG_BIN / "pg_ctl", "-D", self.directory, "-o", options, "-l", log, "-w", "start")

    def stop(self):
        self._run(PG_BIN / "pg_ctl", "-D", self.directory, "-m", "fast", "-w", "stop", check=False)

    def sql(self, statement: str, **variables) -> str:
        """Run ``statement``; ``:'name'`` in it is the quoted value of ``name``."""
        settings = [f"--set={name}={value}" for name, value in variables.items()]
        result = subprocess.run(
            _as_postgres(
                [
                    PG_BIN / "psql",
                    "-h",
                    "127.0.0.1",
                    "-p",
                    self.port,
                    "-U",
                    "postgres",
                    "-d",
                    "ctdialogue",
                    "-At",
                    *settings,
                    "-f",
                    "-",
                ]
            ),
            input=statement,
            check=True,
            capture_output=True,
            text=True,
            timeout=120,
        )
        return result.stdout.strip()


@contextlib.contextmanager
def redis_server(port: int):
    process = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
    )
    try:
        _wait_for_port(port)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)


def site_environment(**overrides) -> dict:
    environment = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "tests-of-the-production-shape-only",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "PYTHONPATH": str(ROOT),
    }
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    environment.pop("DATABASE_REPLICA_URL", None)
    environment.update({key: str(value) for key, value in overrides.items()})
    return environment


def manage(*arguments, **environment):
    subprocess.run(
        [BIN / "python", ROOT / "manage.py", *arguments],
        env=site_environment(**environment),
        check=True,
        capture_output=True,
        timeout=600,
    )


def collect_static(directory: Path) -> Path:
    """The static files as production serves them (hashed names and a manifest)."""
    manage("collectstatic", "--noinput", DJANGO_STATIC_ROOT=directory)
    return directory


@contextlib.contextmanager
def gunicorn(port: int, workers: int = 2, **environment):
    """The site served by gunicorn on 127.0.0.1:``port``; yields its address."""
    process = subprocess.Popen(
        [
            BIN / "gunicorn",
            "ctdialogue.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--timeout",
            "30",
            "--graceful-timeout",
            "2",
        ],
        cwd=ROOT,
        env=site_environment(**environment),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    address = f"http://127.0.0.1:{port}"
    try:
        _wait_for(f"{address}/health/", process)
        yield address
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
        process.stderr.close()


def get(url: str, headers=None, timeout=10):
    """(status, headers, body) of a GET to this machine, whatever the status."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        connection.request(
            "GET", parts.path + (f"?{parts.query}" if parts.query else ""), headers=headers or {}
        )
        response = connection.getresponse()
        return response.status, response.headers, response.read().decode()
    finally:
        connection.close()


def post(url: str, fields: dict, headers=None, timeout=10):
    """(status, headers, body) of a form POST to this machine."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    body = urlencode(fields)
    headers = {"Content-Type": "application/x-www-form-urlencoded", **(headers or {})}
    try:
        connection.request("POST", parts.path, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, response.headers, response.read().decode()
    finally:
        connection.close()


def cookies(headers) -> dict:
    """The cookies a response sets, by name."""
    found = {}
    for header in headers.get_all("Set-Cookie") or ():
        name, _, rest = header.partition("=")
        found[name.strip()] = rest.split(";", 1)[0]
    return found


def _wait_for(url: str, process, seconds: float = 30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn stopped: {process.stderr.read()[-2000:]}")
        try:
            get(url, timeout=2)
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer in {seconds} s")


def _wait_for_port(port: int, seconds: float = 10):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
            return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on port {port}")
