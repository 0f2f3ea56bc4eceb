"""Detail pages of publishable records: a former address redirects to the current one,
never to a record that is not public."""

import pytest

from ctdialogue.publishing.identifiers import remember_old_slug
from events.models import Event
from tests.assertions import assert_not_found
from tests.factories import (
    EventFactory,
    InitiativeFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


def rename(obj, new_slug):
    old_slug = obj.slug
    obj.slug = new_slug
    obj.save()
    remember_old_slug(obj, old_slug=old_slug)


def test_renamed_event_keeps_its_old_address_by_redirect_and_its_identifier(client):
    event = EventFactory(slug="bangkok-workshop")
    uid = event.uid

    rename(event, "2nd-dialogue-bangkok")

    response = client.get("/events/bangkok-workshop/")
    assert response.status_code == 301
    assert response["Location"] == "/events/2nd-dialogue-bangkok/"
    assert Event.objects.get(slug="2nd-dialogue-bangkok").uid == uid


def test_renaming_twice_keeps_both_old_addresses(client):
    theme = ThemeFactory(slug="evidence")
    rename(theme, "digital-evidence")
    rename(theme, "digital-evidence-and-mla")

    assert client.get("/themes/evidence/")["Location"] == "/themes/digital-evidence-and-mla/"
    assert client.get("/themes/digital-evidence/")["Location"] == (
        "/themes/digital-evidence-and-mla/"
    )


def test_renaming_back_makes_the_slug_current_again(client):
    initiative = InitiativeFactory(slug="tat")
    rename(initiative, "tech-against-terrorism")
    rename(initiative, "tat")

    response = client.get("/initiatives/tat/")

    assert response.status_code == 200
    assert initiative.name in response.content.decode()


def test_old_address_of_a_draft_does_not_reveal_it(client):
    event = EventFactory(slug="old", draft=True)
    rename(event, "new")

    assert_not_found(client.get("/events/old/"))
