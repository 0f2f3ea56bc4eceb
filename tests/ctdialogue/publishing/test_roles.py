"""Editors and publishers in the admin: what each role can and cannot do, checked on
the page and in the database, not only hidden."""

import pytest
from django.contrib.auth.models import Group

from ctdialogue.publishing.models import Publishable
from events.models import Event, EventSeries, Theme
from resolutions.models import Resolution
from tests.admin_forms import admin_url, form_data
from tests.factories import EventFactory, EventSeriesFactory, ResolutionFactory, ThemeFactory

pytestmark = pytest.mark.django_db

DRAFT = Publishable.PublicationStatus.DRAFT
PUBLISHED = Publishable.PublicationStatus.PUBLISHED


def action(client, model, name, objects, **extra):
    return client.post(
        admin_url(model, "changelist"),
        {"action": name, "_selected_action": [obj.pk for obj in objects], **extra},
        follow=True,
    )


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


# --- The groups and their permissions ----------------------------------------


@pytest.mark.parametrize(
    "permission",
    [
        "events.publish_theme",
        "events.publish_organization",
        "events.publish_person",
        "events.publish_eventseries",
        "events.publish_event",
        "events.publish_initiative",
        "resolutions.publish_resolution",
    ],
)
def test_roles_only_publisher_has_publish_permission(editor, publisher, permission):
    assert not editor.has_perm(permission)
    assert publisher.has_perm(permission)


def test_roles_editor_can_add_change_and_delete_content(editor):
    for codename in ["add_event", "change_event", "delete_event", "view_event", "add_photo"]:
        assert editor.has_perm(f"events.{codename}")
    assert editor.has_perm("resolutions.change_resolution")


def test_roles_publisher_has_every_editor_permission():
    editor = set(Group.objects.get(name="Editor").permissions.all())
    publisher = set(Group.objects.get(name="Publisher").permissions.all())

    assert editor < publisher
    assert {p.codename for p in publisher - editor} == {
        "publish_theme",
        "publish_organization",
        "publish_person",
        "publish_eventseries",
        "publish_event",
        "publish_initiative",
        "publish_resolution",
        "publish_photo",
        "publish_attachment",
    }


def test_publish_permission_is_named_after_the_model():
    permission = Group.objects.get(name="Publisher").permissions.get(codename="publish_event")
    assert permission.name == "Can publish event"


# --- The change form -----------------------------------------------------------


def test_editor_change_form_shows_publication_fields_read_only(editor_client):
    event = EventFactory(draft=True)

    response = editor_client.get(admin_url(Event, "change", event.pk))

    content = response.content.decode()
    assert response.status_code == 200
    assert 'name="publication_status"' not in content
    assert 'name="publish_at_0"' not in content
    assert '<div class="readonly">Draft</div>' in content


def test_publisher_change_form_has_publication_fields(publisher_client):
    event = EventFactory(draft=True)

    response = publisher_client.get(admin_url(Event, "change", event.pk))

    content = response.content.decode()
    assert 'name="publication_status"' in content
    assert 'name="publish_at_0"' in content


def test_editor_post_setting_published_is_ignored(editor_client):
    theme = ThemeFactory(draft=True, description="Before")
    page = editor_client.get(admin_url(Theme, "change", theme.pk))

    response = editor_client.post(
        admin_url(Theme, "change", theme.pk),
        form_data(page, description="After", publication_status=PUBLISHED),
    )

    assert response.status_code == 302
    theme.refresh_from_db()
    assert theme.description == "After"
    assert theme.publication_status == DRAFT


def test_editor_add_creates_a_draft_whatever_is_posted(editor_client):
    page = editor_client.get(admin_url(Theme, "add"))

    response = editor_client.post(
        admin_url(Theme, "add"),
        form_data(
            page,
            name="Digital evidence",
            slug="digital-evidence",
            description="Evidence held by service providers.",
            publication_status=PUBLISHED,
            publish_at_0="2018-01-01",
            publish_at_1="09:00",
        ),
    )

    assert response.status_code == 302
    assert Theme.objects.get(slug="digital-evidence").publication_status == DRAFT


def test_editor_cannot_publish_with_an_action(editor_client):
    event = EventFactory(draft=True)

    response = action(editor_client, Event, "publish_now", [event])

    assert "No action selected." in messages_of(response)
    event.refresh_from_db()
    assert event.publication_status == DRAFT


def test_editor_changelist_offers_no_publishing_actions(editor_client, publisher_client):
    EventFactory()

    editor_page = editor_client.get(admin_url(Event, "changelist")).content.decode()
    publisher_page = publisher_client.get(admin_url(Event, "changelist")).content.decode()

    for name in ("publish_now", "schedule", "unpublish"):
        assert f'value="{name}"' not in editor_page
        assert f'value="{name}"' in publisher_page
    assert 'value="delete_selected"' in editor_page


# --- Deleting --------------------------------------------------------------------


@pytest.mark.parametrize("trait", [{}, {"scheduled": True}], ids=["published", "scheduled"])
def test_editor_cannot_delete_a_published_event(editor_client, trait):
    event = EventFactory(**trait)

    page = editor_client.get(admin_url(Event, "change", event.pk))
    response = editor_client.post(admin_url(Event, "delete", event.pk), {"post": "yes"})

    assert 'class="deletelink"' not in page.content.decode()
    assert response.status_code == 403
    assert "You are not allowed to see this page" in response.content.decode()
    assert Event.objects.filter(pk=event.pk).exists()


def test_editor_can_delete_a_draft_event(editor_client):
    event = EventFactory(draft=True)

    page = editor_client.get(admin_url(Event, "change", event.pk))
    response = editor_client.post(admin_url(Event, "delete", event.pk), {"post": "yes"})

    assert 'class="deletelink"' in page.content.decode()
    assert response.status_code == 302
    assert not Event.objects.filter(pk=event.pk).exists()


def test_editor_bulk_delete_with_a_published_event_deletes_nothing(editor_client):
    draft = EventFactory(draft=True)
    published = EventFactory(title="Bangkok workshop")

    response = action(editor_client, Event, "delete_selected", [draft, published], post="yes")

    assert any(
        "Nothing was deleted" in message and "Bangkok workshop" in message
        for message in messages_of(response)
    )
    assert Event.objects.count() == 2


def test_editor_bulk_delete_of_drafts_deletes_them(editor_client):
    drafts = EventFactory.create_batch(2, draft=True)

    action(editor_client, Event, "delete_selected", drafts, post="yes")

    assert Event.objects.count() == 0


def test_publisher_can_delete_a_published_event(publisher_client):
    event = EventFactory()

    response = publisher_client.post(admin_url(Event, "delete", event.pk), {"post": "yes"})

    assert response.status_code == 302
    assert not Event.objects.filter(pk=event.pk).exists()


def test_publisher_bulk_delete_of_published_resolutions_deletes_them(publisher_client):
    resolutions = ResolutionFactory.create_batch(2)

    action(publisher_client, Resolution, "delete_selected", resolutions, post="yes")

    assert Resolution.objects.count() == 0


# --- Publishing actions ------------------------------------------------------------


def test_publisher_publish_now_makes_drafts_public(publisher_client, client):
    event = EventFactory(draft=True, title="Second dialogue")

    response = action(publisher_client, Event, "publish_now", [event])

    assert "Events published: Second dialogue." in messages_of(response)
    event.refresh_from_db()
    assert event.is_published
    assert client.get(event.get_absolute_url()).status_code == 200


def test_publisher_unpublish_takes_events_off_the_site(publisher_client, client):
    event = EventFactory(title="Second dialogue")

    response = action(publisher_client, Event, "unpublish", [event])

    assert "Events unpublished (back to draft): Second dialogue." in messages_of(response)
    event.refresh_from_db()
    assert event.publication_status == DRAFT
    assert client.get(event.get_absolute_url()).status_code == 404


def test_publisher_publish_now_keeps_the_time_of_a_live_event(publisher_client):
    event = EventFactory()
    published_at = event.publish_at

    action(publisher_client, Event, "publish_now", [event])

    event.refresh_from_db()
    assert event.publish_at == published_at


def test_publishing_an_invalid_object_is_refused(publisher_client):
    resolution = ResolutionFactory(draft=True, year=2016)  # adopted in 2017

    response = action(publisher_client, Resolution, "publish_now", [resolution])

    assert any("Not published" in message for message in messages_of(response))
    resolution.refresh_from_db()
    assert resolution.publication_status == DRAFT


def test_superuser_gets_the_publishing_actions(staff_client):
    ResolutionFactory()

    content = staff_client.get(admin_url(Resolution, "changelist")).content.decode()

    assert 'value="publish_now"' in content
    assert 'value="unpublish"' in content


def test_publisher_publishes_from_a_changelist_with_counts(publisher_client):
    series = EventSeriesFactory(draft=True, name="Asia ICT and CT Dialogue")
    EventFactory(series=series, edition=1)

    response = action(publisher_client, EventSeries, "publish_now", [series])

    assert "Event series published: Asia ICT and CT Dialogue." in messages_of(response)
    series.refresh_from_db()
    assert series.is_published
