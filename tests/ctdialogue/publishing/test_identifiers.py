"""Renaming a record in the admin keeps its old address working."""

import pytest

from events.models import Theme
from tests.admin_forms import admin_url, form_data
from tests.factories import ThemeFactory

pytestmark = pytest.mark.django_db


def test_renaming_in_the_admin_keeps_the_old_address(publisher_client, client):
    theme = ThemeFactory(slug="evidence", name="Evidence")
    url = admin_url(Theme, "change", theme.pk)

    saved = publisher_client.post(url, form_data(publisher_client.get(url), slug="e-evidence"))

    assert saved.status_code == 302
    response = client.get("/themes/evidence/")
    assert response.status_code == 301
    assert response["Location"] == "/themes/e-evidence/"
    assert client.get("/themes/e-evidence/").status_code == 200
