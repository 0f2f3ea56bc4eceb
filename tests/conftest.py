import io

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client
from django.utils import translation
from PIL import Image

from ctdialogue.publishing.review import NEXT_DUE_KEY, NOTHING_DUE

pytest_plugins = ["tests.records", "tests.serving"]

PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def _media_and_static(settings, tmp_path):
    """Uploads go to a temporary folder; static files need no collectstatic run."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STATIC_ROOT.mkdir()
    cache.clear()  # rate-limit counters must not leak from one test to the next
    # Nothing is scheduled to apply: requests need not look (publishing.review).
    cache.set(NEXT_DUE_KEY, NOTHING_DUE)
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


# --- Staff with each role, and a logged-in client for each ---------------------


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's default language: a request to /es/ leaves
    Spanish active in the test's thread (the locale middleware activates a language and
    nothing deactivates it), which would change the next test's messages."""
    translation.activate(django_settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """These tests log in often; a slow hasher proves nothing here."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def make_staff(username, *groups):
    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@example.org",
        password=PASSWORD,
        first_name=username.capitalize(),
        last_name="Staff",
        is_staff=True,
    )
    user.groups.set(Group.objects.filter(name__in=groups))
    return user


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editor(db):
    return make_staff("editor", "Editor")


@pytest.fixture
def publisher(db):
    return make_staff("publisher", "Publisher")


@pytest.fixture
def editor_client(editor):
    return client_for(editor)


@pytest.fixture
def publisher_client(publisher):
    return client_for(publisher)
