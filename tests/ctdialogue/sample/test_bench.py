"""The benchmark's own logic: reading wrk, the pages it measures, the report. The
measuring itself runs in ``make bench``, never in the test suite (tests never time)."""

import shutil

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from ctdialogue.sample import bench
from ctdialogue.sample.bench import Load, Row, pages, parse_wrk, table
from tests.factories import EventFactory

WRK_OUTPUT = """Running 10s test @ http://127.0.0.1:8000/events/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    41.20ms   12.02ms 180.10ms   80.00%
    Req/Sec   190.12     20.40   240.00     70.00%
  Latency Distribution
     50%   38.50ms
     75%   45.00ms
     90%   55.10ms
     99%    1.20s
  3802 requests in 10.01s, 60.10MB read
  Socket errors: connect 0, read 0, write 0, timeout 3
  Non-2xx or 3xx responses: 2
Requests/sec:    379.84
Transfer/sec:      6.00MB
"""


def test_wrk_output_is_read_in_milliseconds_with_its_failures():
    load = parse_wrk(WRK_OUTPUT)

    assert load.rate == 379.84
    assert load.latency_ms == {"p50": 38.5, "p75": 45.0, "p90": 55.1, "p99": 1200.0}
    assert load.errors == 5


def test_wrk_output_without_a_rate_is_an_error():
    with pytest.raises(ValueError, match="wrk printed no rate"):
        parse_wrk("unable to connect to 127.0.0.1:8000 Connection refused")


def test_the_report_is_a_markdown_table_with_a_row_per_page():
    rows = [
        Row("home", "/", 12.345, 7, 40.0, Load(100.0, {"p50": 20.0, "p99": 90.0}), None),
        Row("static file", "/static/x.css", uncached=Load(3000.0, {"p50": 1.0, "p99": 4.0})),
    ]

    lines = table(rows).splitlines()

    assert len(lines) == 4
    assert lines[2] == "| home `/` | 12.3 | 7 | 40.0 | 100.0 | 20.0 | 90.0 |  |  |  |"
    assert lines[3].startswith("| static file `/static/x.css` |  |  |  | 3,000.0 | 1.0 | 4.0 |")


def test_the_figures_through_nginx_are_a_table_with_their_errors():
    rows = [(Row("home", "/"), Load(9000.0, {"p50": 1.5, "p99": 4.0}, errors=2))]

    lines = bench.nginx_table(rows).splitlines()

    assert lines[0] == "| through nginx | req/s | p50 ms | p99 ms | errors |"
    assert lines[2] == "| home `/` | 9,000.0 | 1.5 | 4.0 | 2 |"


def test_the_rate_the_benchmark_lifts_is_the_templates():
    names = ["PORT", "UPSTREAM", "STATIC_ROOT", "MEDIA_ROOT", "CACHE_PATH", "ADMIN_PATH"]
    conf = bench.render_nginx_template({f"NGINX_{name}": f"<{name}>" for name in names})

    assert conf.count(bench.NGINX_RATE_LIMIT) == 1
    assert "listen <PORT>;" in conf
    assert "server <UPSTREAM>;" in conf


@pytest.mark.django_db
def test_every_page_measured_answers_200(client):
    call_command("load_demo", verbosity=0)

    # The demo content fills one page of the API; the benchmark's data fills many.
    measured = [path.replace("?page=2", "") for _name, path in pages()]

    assert len(measured) == 10
    assert {path: client.get(path).status_code for path in measured} == dict.fromkeys(measured, 200)


@pytest.fixture
def bench_env(transactional_db):
    """Environment for a server started by the benchmark on the test database, which
    another process can open only on PostgreSQL."""
    if connection.vendor != "postgresql":
        pytest.skip("the SQLite test database lives in this process's memory")
    if shutil.which("wrk") is None:
        pytest.skip("wrk is not installed")
    db = settings.DATABASES["default"]
    return {
        "DATABASE_URL": (
            f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
        ),
        "DJANGO_SECRET_KEY": "a-test-key-for-a-server-started-by-a-test-only",
        "REDIS_URL": "",
    }


def test_a_served_page_is_loaded_with_wrk_and_the_export_is_measured(bench_env, tmp_path):
    EventFactory.create_batch(3)
    bench.collect_static(tmp_path)

    with bench.serving(1, tmp_path, **bench_env) as server:
        bench.prime(server.base + "/events/", times=1)
        load = bench.wrk(server.base + "/events/", seconds=1, connections=2)
        export = bench.export_figures(server)
        workers = server.workers()
    stopped = server.process.poll()

    assert load.rate > 0
    assert load.errors == 0
    assert set(load.latency_ms) == {"p50", "p75", "p90", "p99"}
    assert export["rows"] == 3
    assert export["rows_per_second"] > 0
    assert len(workers) == 1
    assert stopped is not None  # the server is gone once measured
    assert bench.static_path(tmp_path).startswith("/static/")
