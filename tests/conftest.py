import io

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from PIL import Image


@pytest.fixture(autouse=True)
def _media_and_static(settings, tmp_path):
    """Uploads go to a temporary folder; static files need no collectstatic run."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STATIC_ROOT.mkdir()
    cache.clear()  # rate-limit counters must not leak from one test to the next
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser(
        username="admin", email="admin@example.org", password="correct horse battery"
    )


@pytest.fixture
def staff_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def png_bytes():
    """A small real PNG made with Pillow."""
    buffer = io.BytesIO()
    Image.new("RGB", (32, 24), "navy").save(buffer, format="PNG")
    return buffer.getvalue()
