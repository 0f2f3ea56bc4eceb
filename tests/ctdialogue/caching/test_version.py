"""The content version and the next change by the clock, read per request."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ctdialogue.caching.version import current, next_change, next_midnight
from ctdialogue.publishing.models import PendingChange
from tests.factories import EventFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def test_next_change_is_midnight_when_nothing_is_scheduled():
    EventFactory()
    now = timezone.now()

    assert next_change(current(), now) == next_midnight(now)
    assert timezone.localtime(next_midnight(now)).time() == datetime.time(0, 0)
    assert datetime.timedelta(0) < next_midnight(now) - now <= datetime.timedelta(days=1)


def test_next_change_is_the_earliest_scheduled_publication_of_any_kind():
    now = timezone.now()
    EventFactory(publish_at=now + datetime.timedelta(minutes=30))
    ThemeFactory(publish_at=now + datetime.timedelta(minutes=10))
    EventFactory(publish_at=now - datetime.timedelta(minutes=5))  # already public
    EventFactory(draft=True, publish_at=now + datetime.timedelta(minutes=1))  # a draft

    expected = min(now + datetime.timedelta(minutes=10), next_midnight(now))
    assert next_change(current(), now) == expected


def test_an_approval_scheduled_or_already_due_counts(editor, publisher):
    event = EventFactory()
    now = timezone.now()
    pending = PendingChange.objects.create(
        content_type=ContentType.objects.get_for_model(event),
        object_id=event.pk,
        record_repr=str(event),
        author=editor,
        status=PendingChange.Status.SCHEDULED,
        apply_at=now - datetime.timedelta(seconds=1),
    )

    assert next_change(current(), now) == pending.apply_at  # past: nothing may be cached


def test_next_change_is_read_once_per_version():
    EventFactory(publish_at=timezone.now() + datetime.timedelta(hours=1))
    version, now = current(), timezone.now()
    first = next_change(version, now)

    with CaptureQueriesContext(connection) as queries:
        again = next_change(version, now)

    assert (again, len(queries)) == (first, 0)


def test_a_new_scheduled_record_makes_a_new_version_and_a_new_next_change():
    now = timezone.now()
    before = next_change(current(), now)
    soon = now + datetime.timedelta(minutes=3)

    EventFactory(publish_at=soon)

    assert before == next_midnight(now) or before < soon
    assert next_change(current(), now) == min(soon, next_midnight(now))
