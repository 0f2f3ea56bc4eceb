"""AmongIds selects what ``__in`` would, however many ids, on both databases."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ctdialogue.database.lookups import AmongIds
from events.models import Event
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def test_among_ids_selects_exactly_the_ids_given():
    events = EventFactory.create_batch(4)
    chosen = [events[0].pk, events[2].pk]

    found = Event.objects.filter(AmongIds("id", chosen)).values_list("pk", flat=True)

    assert sorted(found) == sorted(chosen)
    assert not Event.objects.filter(AmongIds("id", [])).exists()
    assert list(Event.objects.filter(AmongIds("id", iter(chosen[:1])))) == [events[0]]


def test_many_ids_are_one_parameter_on_postgresql():
    ids = list(range(1, 3001))
    with CaptureQueriesContext(connection) as queries:
        list(Event.objects.filter(AmongIds("id", ids)).values_list("pk"))

    sql = queries[0]["sql"]
    if connection.vendor == "postgresql":
        assert "= ANY(" in sql
        assert sql.count("3000") == 1  # the array, once
    else:
        assert " IN (" in sql
