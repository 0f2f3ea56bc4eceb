"""The OpenAPI document names the slugs a record filter takes at the time it is read,
and the bounds of number filters."""

import json

import pytest
from django.core.management import call_command

from tests.factories import ThemeFactory

pytestmark = pytest.mark.django_db


def parameters(client, path):
    document = client.get("/api/schema/", {"format": "json"}).json()
    return {p["name"]: p["schema"] for p in document["paths"][path]["get"]["parameters"]}


def test_record_filters_list_only_the_slugs_public_when_the_document_is_read(client):
    ThemeFactory(slug="digital-evidence")
    ThemeFactory(slug="unpublished", draft=True)
    scheduled = ThemeFactory(slug="next-week", scheduled=True)

    before = parameters(client, "/api/events/")
    scheduled.publish_at = scheduled.created_at
    scheduled.save()
    after = parameters(client, "/api/resolutions/")

    assert before["theme"]["items"]["enum"] == ["digital-evidence"]
    assert after["theme"]["items"]["enum"] == ["digital-evidence", "next-week"]
    assert before["series"]["enum"] == [""]  # no series published: only "not filtered"
    assert before["resolution"] == {"type": "integer", "minimum": 1, "maximum": 99999}
    assert before["q"]["pattern"] == "^[^\u0000]*$"  # a NUL is refused
    assert "pattern" not in before["date_from"]


def test_an_array_filter_with_nothing_published_takes_no_value(client):
    schema = parameters(client, "/api/initiatives/")["theme"]

    assert schema["maxItems"] == 0
    assert "enum" not in schema["items"]


def test_a_document_written_without_a_request_names_no_slugs(tmp_path):
    # The system check writes the document before any table exists; a file written by
    # `manage.py spectacular` must not freeze the slugs of one moment either.
    ThemeFactory(slug="digital-evidence")
    call_command("spectacular", "--format", "openapi-json", "--file", str(tmp_path / "s.json"))

    document = json.loads((tmp_path / "s.json").read_text())
    themes = next(
        p for p in document["paths"]["/api/events/"]["get"]["parameters"] if p["name"] == "theme"
    )
    assert "enum" not in themes["schema"]["items"]
