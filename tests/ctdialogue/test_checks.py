"""The files people deploy with: docker-compose.yml, settings, static files."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def test_docker_compose_names_database_and_web_services():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())

    services = compose["services"]
    assert set(services) == {"db", "web"}
    assert services["db"]["image"].startswith("postgres")
    assert "pg_isready" in " ".join(services["db"]["healthcheck"]["test"])
    assert "pgdata:/var/lib/postgresql/data" in services["db"]["volumes"]
    assert services["web"]["depends_on"]["db"]["condition"] == "service_healthy"
    command = services["web"]["command"]
    assert command.index("migrate") < command.index("gunicorn")
    assert "collectstatic" in command
    assert set(compose["volumes"]) == {"pgdata", "media"}


def test_docker_compose_holds_no_secret_values():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())

    web_env = compose["services"]["web"]["environment"]
    db_env = compose["services"]["db"]["environment"]
    assert web_env["DJANGO_SECRET_KEY"].startswith("${DJANGO_SECRET_KEY")
    assert db_env["POSTGRES_PASSWORD"].startswith("${POSTGRES_PASSWORD")
    assert "${POSTGRES_PASSWORD" in web_env["DATABASE_URL"]


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
