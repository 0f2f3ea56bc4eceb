import datetime

import pytest
from django.utils import timezone

from ctdialogue.publishing.models import public_from, published_q
from events.models import Event, Initiative, Organization, Person, Theme
from resolutions.models import Resolution
from tests.factories import (
    EventFactory,
    InitiativeFactory,
    OrganizationFactory,
    PersonFactory,
    ResolutionFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db

FACTORIES = [
    (EventFactory, Event),
    (ThemeFactory, Theme),
    (OrganizationFactory, Organization),
    (PersonFactory, Person),
    (InitiativeFactory, Initiative),
    (ResolutionFactory, Resolution),
]


@pytest.mark.parametrize(("factory", "model"), FACTORIES)
def test_published_excludes_drafts_and_future_items(factory, model):
    public = factory()
    factory(draft=True)
    factory(scheduled=True)

    assert list(model.objects.published()) == [public]


@pytest.mark.parametrize(("factory", "model"), FACTORIES)
def test_scheduled_item_appears_once_due_without_any_job(factory, model):
    item = factory(scheduled=True)
    assert item.publication_state == "scheduled"
    assert not model.objects.published().exists()

    model.objects.filter(pk=item.pk).update(
        publish_at=timezone.now() - datetime.timedelta(seconds=1)
    )

    item.refresh_from_db()
    assert list(model.objects.published()) == [item]
    assert item.publication_state == "published"


@pytest.mark.parametrize(("factory", "model"), FACTORIES)
def test_public_from_is_the_time_published_q_starts_to_select_a_record(factory, model):
    def agree(item) -> bool:
        start = public_from(item.publication_status, item.publish_at)
        selected = model.objects.filter(published_q(), pk=item.pk).exists()
        return selected == (start is not None and start <= timezone.now())

    scheduled = factory(scheduled=True)
    draft = factory(draft=True)
    assert public_from(scheduled.publication_status, scheduled.publish_at) > timezone.now()
    assert public_from(draft.publication_status, draft.publish_at) is None
    assert agree(scheduled)
    assert agree(draft)

    model.objects.filter(pk=scheduled.pk).update(
        publish_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    scheduled.refresh_from_db()
    assert public_from(scheduled.publication_status, scheduled.publish_at) <= timezone.now()
    assert agree(scheduled)


def test_draft_and_scheduled_events_are_absent_from_public_pages(client):
    EventFactory(title="Public workshop", slug="public")
    draft = EventFactory(title="Draft workshop", slug="draft-one", draft=True)
    future = EventFactory(title="Future workshop", slug="future-one", scheduled=True)

    listing = client.get("/events/").content.decode()
    home = client.get("/").content.decode()

    assert "Public workshop" in listing
    assert "Draft workshop" not in listing
    assert "Future workshop" not in listing
    assert "Draft workshop" not in home
    assert "Future workshop" not in home
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(future.get_absolute_url()).status_code == 404


def test_scheduled_event_page_appears_once_due(client):
    event = EventFactory(title="Later workshop", slug="later", scheduled=True)
    assert client.get("/events/later/").status_code == 404

    Event.objects.filter(pk=event.pk).update(publish_at=timezone.now())

    response = client.get("/events/later/")
    assert response.status_code == 200
    assert "Later workshop" in response.content.decode()


def test_staff_can_preview_a_draft_event(staff_client):
    EventFactory(title="Draft workshop", slug="draft-preview", draft=True)

    response = staff_client.get("/events/draft-preview/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Draft workshop" in page
    assert "not visible to the public" in page
