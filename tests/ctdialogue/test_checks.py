"""The files people deploy with: docker-compose.yml, settings, static files."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_docker_compose_follows_the_compose_specification():
    schema = json.loads((ROOT / "tests" / "vendor" / "compose-spec.json").read_text())
    validator = jsonschema.Draft7Validator(schema)
    broken = {**compose(), "services": {"web": {"image": "x", "restart_policy": "always"}}}

    assert [error.message for error in validator.iter_errors(compose())] == []
    assert list(validator.iter_errors(broken))  # the schema does catch a mistake


def test_docker_compose_runs_the_production_shape_with_health_checks():
    services = compose()["services"]

    assert set(services) == {
        "nginx",
        "setup",
        "web",
        "db",
        "db-replica",
        "redis",
        "minio",
        "minio-bucket",
    }
    assert services["web"]["deploy"]["replicas"] == 2
    assert services["nginx"]["depends_on"]["web"]["condition"] == "service_healthy"
    assert services["web"]["depends_on"]["setup"]["condition"] == "service_completed_successfully"
    setup = services["setup"]["command"]
    assert setup.index("migrate") < setup.index("collectstatic")
    for name in ("nginx", "web", "db", "db-replica", "redis", "minio"):
        assert services[name]["healthcheck"]["test"], name
    environment = services["web"]["environment"]
    assert environment["DATABASE_REPLICA_URL"].endswith("@db-replica:5432/ctdialogue")
    assert environment["REDIS_URL"].startswith("redis://redis:")
    assert environment["DJANGO_STORAGE_URL"].startswith("s3://")
    assert "./deploy/nginx/templates:/etc/nginx/templates:ro" in services["nginx"]["volumes"]
    assert (ROOT / "deploy" / "postgres" / "replica-entrypoint.sh").is_file()


def test_every_variable_docker_compose_reads_is_in_the_readme_table():
    text = (ROOT / "docker-compose.yml").read_text()
    used = set(re.findall(r"(?<!\$)\$\{([A-Z_][A-Z0-9_]*)", text))
    readme = (ROOT / "README.md").read_text()
    first_cells = re.findall(r"^\| (`[^|]*)\|", readme, flags=re.MULTILINE)
    documented = {name for cell in first_cells for name in re.findall(r"`([A-Z_0-9]+)`", cell)}

    assert used >= {"DJANGO_SECRET_KEY", "POSTGRES_PASSWORD", "MINIO_ROOT_PASSWORD"}
    assert used - documented == set()


def test_docker_compose_holds_no_secret_values():
    services = compose()["services"]

    web_env = services["web"]["environment"]
    db_env = services["db"]["environment"]
    assert web_env["DJANGO_SECRET_KEY"].startswith("${DJANGO_SECRET_KEY")
    assert db_env["POSTGRES_PASSWORD"].startswith("${POSTGRES_PASSWORD")
    assert db_env["REPLICATION_PASSWORD"].startswith("${REPLICATION_PASSWORD")
    assert "${POSTGRES_PASSWORD" in web_env["DATABASE_URL"]
    assert web_env["AWS_SECRET_ACCESS_KEY"].startswith("${MINIO_ROOT_PASSWORD")


def _run_settings(env_overrides):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL"))
    }
    env.update(env_overrides)
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings;"
            " print(settings.DEBUG, settings.STORAGES['staticfiles']['BACKEND'])",
        ],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "ctdialogue.settings"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _run(command, env_overrides):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    return subprocess.run(
        command,
        cwd=ROOT,
        env={**env, **env_overrides},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("entry_point", ["ctdialogue.wsgi", "ctdialogue.asgi"])
def test_serving_without_secret_key_and_debug_off_fails_with_clear_message(entry_point):
    result = _run([sys.executable, "-c", f"import {entry_point}"], {})

    assert result.returncode != 0
    assert "ImproperlyConfigured: DJANGO_SECRET_KEY is not set." in result.stderr


def test_deploy_check_without_secret_key_fails_with_clear_message():
    result = _run([sys.executable, "manage.py", "check", "--deploy"], {})

    assert result.returncode != 0
    assert "(ctdialogue.E001) DJANGO_SECRET_KEY is not set." in result.stderr


def test_commands_that_sign_nothing_run_without_secret_key(tmp_path):
    result = _run(
        [sys.executable, "manage.py", "makemigrations", "--check", "--dry-run"],
        {"DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"},
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "No changes detected"


def test_settings_in_debug_need_no_secret_key():
    result = _run_settings({"DJANGO_DEBUG": "1"})

    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == "True"


def test_settings_in_production_use_hashed_compressed_static_files():
    result = _run_settings({"DJANGO_SECRET_KEY": "x" * 60})

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "False",
        "whitenoise.storage.CompressedManifestStaticFilesStorage",
    ]


def test_collectstatic_writes_hashed_and_compressed_files(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env={
            **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
            "DJANGO_SECRET_KEY": "x" * 60,
            "DJANGO_STATIC_ROOT": str(tmp_path),
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    css = sorted(p.name for p in (tmp_path / "css").iterdir())
    assert any(name.startswith("site.") and name.endswith(".css.gz") for name in css)
    assert (tmp_path / "staticfiles.json").exists()
