"""A database that cannot be reached is an outage: 503, Retry-After, the site's own page
or JSON on the API. (tests/test_production.py stops a real PostgreSQL under load.)"""

import json

import pytest
from django.db import DataError, InterfaceError, OperationalError, ProgrammingError
from django.test import RequestFactory

from ctdialogue.database.outages import is_outage
from ctdialogue.views import server_error


@pytest.mark.parametrize(
    ("error", "outage"),
    [
        (OperationalError("could not connect to server"), True),
        (InterfaceError("connection already closed"), True),
        (ProgrammingError("relation does not exist"), False),  # our mistake: a 500
        (DataError("value too long"), False),
        (ValueError("not the database"), False),
    ],
)
def test_only_failures_to_reach_the_database_are_outages(error, outage):
    assert is_outage(error) is outage


def handled(path, error):
    """What the 500 handler answers while ``error`` is being handled."""
    try:
        raise error
    except Exception:
        return server_error(RequestFactory().get(path))


@pytest.mark.django_db
def test_an_outage_is_a_503_page_or_json_and_anything_else_a_500():
    page = handled("/events/", OperationalError("connection refused"))
    api = handled("/api/events/", OperationalError("connection refused"))
    bug = handled("/events/", ProgrammingError("no such column"))

    assert (page.status_code, page["Retry-After"], page["Cache-Control"]) == (503, "30", "no-store")
    assert "<h1>Back in a moment</h1>" in page.content.decode()
    assert (api.status_code, api["Content-Type"]) == (503, "application/json")
    assert "unavailable for a moment" in json.loads(api.content)["error"]
    assert bug.status_code == 500
    assert "Something went wrong on our side" in bug.content.decode()
