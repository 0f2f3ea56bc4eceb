"""The page cache is never stale: each kind of write, and the arrival of a scheduled
time, changes what an anonymous visitor sees on the very next request. Staff and
sessions are never served from it; anonymous pages carry headers a CDN can use."""

import datetime
import time

import pytest
import reversion
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.http import parse_http_date
from reversion.models import Version

from ctdialogue.caching.middleware import PageCacheMiddleware
from ctdialogue.publishing import review, workflow
from ctdialogue.publishing.models import PendingChange
from events.models import Event
from resolutions.models import Resolution
from tests.admin_forms import admin_url, form_data
from tests.ctdialogue.publishing.test_imports import CSV, HEADER, confirm, csv_file, preview
from tests.factories import EventFactory, ResolutionFactory

pytestmark = pytest.mark.django_db


def visit(client, url):
    """An anonymous visit: the page's text, and whether the cache answered."""
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), response["X-Cache"]


def primed(client, url):
    """Visit ``url`` twice, so that the second visit came from the cache."""
    first, first_source = visit(client, url)
    second, second_source = visit(client, url)
    assert (first_source, second_source) == ("miss", "hit")
    assert first == second
    return second


@pytest.fixture
def event():
    return EventFactory(title="Bangkok workshop on digital evidence", slug="bangkok")


def test_a_repeated_visit_is_answered_from_the_cache_with_one_query(client, event):
    primed(client, "/events/")

    with CaptureQueriesContext(connection) as queries:
        page, source = visit(client, "/events/")

    assert source == "hit"
    assert "Bangkok workshop on digital evidence" in page
    assert len(queries) == 1  # the content version


def test_publishing_a_draft_shows_it_on_the_next_request(client, publisher, event):
    draft = EventFactory(title="Jeju workshop on prevention", draft=True)
    assert "Jeju workshop" not in primed(client, "/events/")

    workflow.publish(draft)

    page, source = visit(client, "/events/")
    assert source == "miss"
    assert "Jeju workshop on prevention" in page


def test_an_edit_in_the_admin_shows_on_the_next_request(client, publisher_client, event):
    primed(client, "/events/bangkok/")
    url = admin_url(Event, "change", event.pk)

    publisher_client.post(url, form_data(publisher_client.get(url), title="Renamed workshop"))

    page, _source = visit(client, "/events/bangkok/")
    assert "Renamed workshop" in page
    assert "Bangkok workshop on digital evidence" not in page


def test_a_bulk_update_that_sends_no_signal_shows_on_the_next_request(client, event):
    primed(client, "/events/")

    Event.objects.filter(pk=event.pk).update(title="Changed by a bulk update")

    assert "Changed by a bulk update" in visit(client, "/events/")[0]


def test_a_delete_shows_on_the_next_request(client, publisher_client, event):
    primed(client, "/events/")

    publisher_client.post(admin_url(Event, "delete", event.pk), {"post": "yes"})

    assert "Bangkok workshop" not in visit(client, "/events/")[0]
    assert client.get("/events/bangkok/").status_code == 404


def test_restoring_an_old_version_shows_on_the_next_request(client, publisher_client, event):
    with reversion.create_revision():
        event.save()
    old = Version.objects.get_for_object(event).get()
    Event.objects.filter(pk=event.pk).update(title="Renamed by mistake")
    assert "Renamed by mistake" in primed(client, "/events/bangkok/")

    url = admin_url(Event, "revision", event.pk, old.pk)
    publisher_client.post(url, form_data(publisher_client.get(url)))

    page, _source = visit(client, "/events/bangkok/")
    assert "Bangkok workshop on digital evidence" in page
    assert "Renamed by mistake" not in page


def test_an_import_shows_on_the_next_request(client, publisher_client):
    resolution = ResolutionFactory(number=2341, year=2017, adopted_on=None, title="Old title")
    url = resolution.get_absolute_url()
    assert "Old title" in primed(client, url)

    upload = csv_file(HEADER, "2341,2017,,Protection of critical infrastructure,,,,en,")
    confirm(publisher_client, Resolution, preview(publisher_client, Resolution, upload, CSV))

    page, _source = visit(client, url)
    assert "Protection of critical infrastructure" in page


def test_an_approval_shows_on_the_next_request(client, editor_client, publisher_client, event):
    primed(client, "/events/bangkok/")
    url = admin_url(Event, "change", event.pk)
    data = form_data(editor_client.get(url), title="Title the editor proposed")
    editor_client.post(url, {**data, "_submit": "1", "pending_note": "Clearer."})
    assert "Title the editor proposed" not in visit(client, "/events/bangkok/")[0]

    publisher_client.post(f"{url.removesuffix('change/')}pending/review/", {"decision": "approve"})

    assert PendingChange.objects.get().status == PendingChange.Status.APPLIED
    assert "Title the editor proposed" in visit(client, "/events/bangkok/")[0]


def test_a_record_scheduled_for_later_appears_when_its_time_comes(client, event):
    at = timezone.now() + datetime.timedelta(seconds=2)
    EventFactory(title="Workshop announced for later", publish_at=at)
    assert "announced for later" not in primed(client, "/events/")

    time.sleep(max(0.0, (at - timezone.now()).total_seconds()) + 0.1)

    page, source = visit(client, "/events/")
    assert source == "miss"
    assert "Workshop announced for later" in page


def test_an_approval_scheduled_for_later_shows_when_its_time_comes(
    client, editor_client, publisher, event
):
    url = admin_url(Event, "change", event.pk)
    data = form_data(editor_client.get(url), title="Title approved for later")
    editor_client.post(url, {**data, "_submit": "1", "pending_note": "Clearer."})
    at = timezone.now() + datetime.timedelta(seconds=2)
    review.approve(PendingChange.objects.get(), user=publisher, at=at)
    assert "Title approved for later" not in primed(client, "/events/bangkok/")

    time.sleep(max(0.0, (at - timezone.now()).total_seconds()) + 0.1)

    page, source = visit(client, "/events/bangkok/")
    assert source == "miss"
    assert "Title approved for later" in page


def test_pages_expire_at_midnight_when_upcoming_becomes_past(client, event, settings):
    settings.PAGE_CACHE_SHARED_SECONDS = 3 * 24 * 60 * 60  # longer than any day
    midnight = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    until_midnight = (midnight + datetime.timedelta(days=1) - timezone.localtime()).seconds

    response = client.get("/events/")
    seconds = int(response["Cache-Control"].split("s-maxage=")[1].split(",")[0])

    assert until_midnight - 2 <= seconds <= until_midnight


def test_a_page_that_varies_on_a_header_is_kept_apart_for_each_value(rf, event):
    def page(request):
        response = HttpResponse(f"for {request.headers.get('Accept', '')}")
        response["Vary"] = "Accept"
        return response

    middleware = PageCacheMiddleware(page)

    def answer(accept):
        response = middleware(rf.get("/varies/", HTTP_ACCEPT=accept))
        return response.content.decode(), response["X-Cache"]

    assert answer("text/plain") == ("for text/plain", "miss")
    assert answer("text/csv") == ("for text/csv", "miss")
    assert answer("text/plain") == ("for text/plain", "hit")


# --- Who is served from the cache ------------------------------------------------------


def test_staff_are_never_served_a_cached_page(client, publisher_client, event):
    primed(client, "/events/")
    Event.objects.filter(pk=event.pk).update(title="Seen by staff at once")

    response = publisher_client.get("/events/")

    assert "X-Cache" not in response
    assert "private" in response["Cache-Control"]
    assert "Seen by staff at once" in response.content.decode()


def test_a_visitor_with_a_session_is_never_served_a_cached_page(client, event, settings):
    primed(client, "/events/")
    client.cookies[settings.SESSION_COOKIE_NAME] = "anything"

    response = client.get("/events/")

    assert "X-Cache" not in response
    assert "private" in response["Cache-Control"]


def test_admin_and_health_are_never_cached(client, event):
    assert "X-Cache" not in client.get("/health/")
    assert "X-Cache" not in client.get("/admin/login/")


def test_a_page_that_is_not_found_is_not_stored(client, event):
    assert client.get("/events/does-not-exist/").status_code == 404
    assert "X-Cache" not in client.get("/events/does-not-exist/")


def test_the_page_cache_can_be_turned_off(client, event, settings):
    settings.PAGE_CACHE_SECONDS = 0

    assert "X-Cache" not in client.get("/events/")


# --- Headers for browsers and a CDN ---------------------------------------------------


def test_anonymous_pages_say_public_with_validators_and_answer_304(client, event, settings):
    first = client.get("/events/")
    again = client.get("/events/", HTTP_IF_NONE_MATCH=first["ETag"])
    since = client.get("/events/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

    control = {part.strip() for part in first["Cache-Control"].split(",")}
    assert {
        "public",
        "max-age=0",
        f"stale-while-revalidate={settings.PAGE_CACHE_STALE_SECONDS}",
    } <= control
    assert any(part.startswith("s-maxage=") for part in control)
    assert first["ETag"].startswith('"')
    assert (again.status_code, since.status_code) == (304, 304)


def test_a_change_moves_etag_and_last_modified_on(client, event):
    first = client.get("/events/")
    Event.objects.filter(pk=event.pk).update(title="A new title")

    after = client.get("/events/", HTTP_IF_NONE_MATCH=first["ETag"])

    assert after.status_code == 200
    assert after["ETag"] != first["ETag"]
    # HTTP dates count whole seconds: a change within the same second keeps the date.
    assert parse_http_date(after["Last-Modified"]) >= parse_http_date(first["Last-Modified"])
