"""The admin every content model builds on: what an Editor and a Publisher can and
cannot do (checked on the page and in the database, not only hidden), the publishing
actions, and no lost updates (when two members of staff edit the same object, the
second save is refused with a message and a link to the history)."""

import pytest
import reversion
from django.test import Client
from reversion.models import Version

from ctdialogue.publishing.models import DRAFT, PUBLISHED
from events.models import Event, EventSeries, Participation, Theme
from resolutions.models import Resolution
from tests.admin_forms import admin_action, admin_url, form_data
from tests.factories import (
    AttachmentFactory,
    ContributionFactory,
    EventFactory,
    EventSeriesFactory,
    InitiativePartnerFactory,
    ParticipationFactory,
    PhotoFactory,
    ResolutionFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


def test_second_save_is_refused_and_the_first_kept(editor_client, publisher_client):
    event = EventFactory(title="Second dialogue", summary="Original summary.")
    url = admin_url(Event, "change", event.pk)
    first_page = publisher_client.get(url)
    second_page = editor_client.get(url)

    first = publisher_client.post(url, form_data(first_page, title="Second Asia dialogue"))
    second = editor_client.post(url, form_data(second_page, summary="The editor's summary."))

    assert first.status_code == 302
    assert second.status_code == 200
    content = second.content.decode()
    assert "Someone else saved this event at " in content
    assert "by Publisher Staff after you opened it. Your changes were not saved." in content
    assert f'<a href="{admin_url(Event, "history", event.pk)}">Open the history</a>' in content
    event.refresh_from_db()
    assert event.title == "Second Asia dialogue"
    assert event.summary == "Original summary."


def test_refused_form_keeps_the_edits_on_the_page(editor_client, publisher_client):
    theme = ThemeFactory(description="Original.")
    url = admin_url(Theme, "change", theme.pk)
    first_page, second_page = publisher_client.get(url), editor_client.get(url)
    publisher_client.post(url, form_data(first_page, description="Publisher's."))

    response = editor_client.post(url, form_data(second_page, description="Editor's text."))

    assert response.context["adminform"].form.errors["__all__"]
    assert "Editor&#x27;s text." in response.content.decode()


def test_save_after_reloading_goes_through(editor_client, publisher_client):
    resolution = ResolutionFactory(title="Original title", draft=True)  # editors edit drafts
    url = admin_url(Resolution, "change", resolution.pk)
    stale = editor_client.get(url)
    publisher_client.post(url, form_data(publisher_client.get(url), title="Publisher's title"))
    editor_client.post(url, form_data(stale, summary="Lost?"))

    reloaded = editor_client.get(url)
    response = editor_client.post(url, form_data(reloaded, summary="Saved after reloading."))

    assert response.status_code == 302
    resolution.refresh_from_db()
    assert (resolution.title, resolution.summary) == ("Publisher's title", "Saved after reloading.")


def test_an_inline_change_also_counts_as_a_change(editor_client, publisher_client):
    event = EventFactory()
    ParticipationFactory(event=event, description="")
    url = admin_url(Event, "change", event.pk)
    first_page, second_page = publisher_client.get(url), editor_client.get(url)

    publisher_client.post(
        url, form_data(first_page, **{"participations-0-description": "Host country"})
    )
    response = editor_client.post(url, form_data(second_page, title="Other title"))

    assert "Someone else saved this event" in response.content.decode()
    event.refresh_from_db()
    assert event.title != "Other title"


# A part of a record (a speech, a participation, a photo, a document of an event; a
# partner of an initiative) shares the record's version: a change to it on its own
# page makes a form of the record opened before refuse to save, and the other way round.
PARTS = {
    "participation": (ParticipationFactory, "event", {"description": "Hosts"}),
    "contribution": (ContributionFactory, "event", {"title": "Opening address"}),
    "photo": (PhotoFactory, "event", {"caption": "The opening session"}),
    "attachment": (AttachmentFactory, "event", {"title": "Concept note (final)"}),
    "initiative-partner": (InitiativePartnerFactory, "initiative", {"role": "lead"}),
}


@pytest.fixture(params=PARTS.values(), ids=PARTS.keys())
def part(request):
    """A part of each kind, with ``whole`` (the record it is part of), ``changes`` to
    make on its own page, and the addresses of both change pages."""
    factory, whole_name, changes = request.param
    part = factory()
    part.whole = getattr(part, whole_name)
    # A draft: editors change its parts directly (a published one's wait for review).
    type(part.whole).objects.filter(pk=part.whole.pk).update(publication_status=DRAFT)
    part.whole.refresh_from_db()
    part.changes = changes
    part.url = admin_url(type(part), "change", part.pk)
    part.whole_url = admin_url(type(part.whole), "change", part.whole.pk)
    return part


def saved_values(part):
    part.refresh_from_db()
    return {name: str(getattr(part, name)) for name in part.changes}


def refusal_of(part, response) -> bool:
    page = response.content.decode()
    return (
        f"Someone else saved this {part.whole._meta.verbose_name} at" in page
        and admin_url(type(part.whole), "history", part.whole.pk) in page
    )


def test_a_change_to_a_part_on_its_own_page_refuses_a_stale_form_of_the_whole(
    editor_client, publisher_client, part
):
    stale = editor_client.get(part.whole_url)
    saved = publisher_client.post(
        part.url, form_data(publisher_client.get(part.url), **part.changes)
    )
    name = "title" if hasattr(part.whole, "title") else "name"

    response = editor_client.post(part.whole_url, form_data(stale, **{name: "Stale edit"}))

    assert saved.status_code == 302
    assert refusal_of(part, response)
    assert "by Publisher Staff after you opened it." in response.content.decode()
    part.whole.refresh_from_db()
    assert getattr(part.whole, name) != "Stale edit"
    assert saved_values(part) == part.changes


def test_deleting_a_part_on_its_own_page_refuses_a_stale_form_of_the_whole(
    editor_client, publisher_client, part
):
    stale = editor_client.get(part.whole_url)

    publisher_client.post(admin_url(type(part), "delete", part.pk), {"post": "yes"})
    response = editor_client.post(part.whole_url, form_data(stale))

    assert refusal_of(part, response)
    assert not type(part).objects.filter(pk=part.pk).exists()


def test_a_save_of_the_whole_refuses_a_stale_form_of_its_part(
    editor_client, publisher_client, part
):
    stale = editor_client.get(part.url)
    publisher_client.post(part.whole_url, form_data(publisher_client.get(part.whole_url)))

    response = editor_client.post(part.url, form_data(stale, **part.changes))

    assert refusal_of(part, response)
    assert saved_values(part) != part.changes


def test_an_editor_changes_a_part_of_a_published_record_only_through_the_record(
    editor_client,
):
    participation = ParticipationFactory(description="")
    url = admin_url(Participation, "change", participation.pk)

    page = editor_client.get(url).content.decode()
    deleting = editor_client.post(
        admin_url(Participation, "delete", participation.pk), {"post": "yes"}
    )
    changing = editor_client.post(url, {"description": "Changed behind the review"})

    assert 'name="description"' not in page  # shown read-only
    assert (deleting.status_code, changing.status_code) == (403, 403)
    participation.refresh_from_db()
    assert participation.description == ""


def test_a_change_to_a_part_is_in_the_history_of_its_whole(publisher_client):
    participation = ParticipationFactory(description="")
    url = admin_url(Participation, "change", participation.pk)

    publisher_client.post(url, form_data(publisher_client.get(url), description="Hosts"))

    [latest, *_] = Version.objects.get_for_object(participation.event).select_related(
        "revision__user"
    )
    assert latest.revision.user.username == "publisher"
    [part] = latest.revision.version_set.filter(
        object_id=str(participation.pk), content_type__model="participation"
    )
    assert part.field_dict["description"] == "Hosts"


def test_same_user_in_two_tabs_is_told_so(editor):
    first_tab, second_tab = Client(), Client()
    first_tab.force_login(editor)
    second_tab.force_login(editor)
    theme = ThemeFactory(draft=True)
    url = admin_url(Theme, "change", theme.pk)
    first_page, second_page = first_tab.get(url), second_tab.get(url)

    first_tab.post(url, form_data(first_page, description="One."))
    response = second_tab.post(url, form_data(second_page, description="Two."))

    assert "by you, in another window or tab after you opened it" in response.content.decode()


def test_change_made_outside_the_admin_is_not_overwritten(editor_client):
    theme = ThemeFactory(description="Original.")
    url = admin_url(Theme, "change", theme.pk)
    page = editor_client.get(url)
    theme.description = "Changed by an import."
    theme.save()

    response = editor_client.post(url, form_data(page, description="Editor's."))

    content = response.content.decode()
    assert "Someone else saved this theme at " in content
    assert " by " not in content.split("Someone else saved this theme at ")[1].split(".")[0]
    theme.refresh_from_db()
    assert theme.description == "Changed by an import."


def test_form_sent_without_its_version_is_refused(editor_client):
    theme = ThemeFactory(description="Original.")
    url = admin_url(Theme, "change", theme.pk)
    data = form_data(editor_client.get(url), description="Changed.")
    del data["edit_version"]

    response = editor_client.post(url, data)

    assert "sent without the version" in response.content.decode()
    theme.refresh_from_db()
    assert theme.description == "Original."


def test_restore_over_a_newer_change_is_refused(editor_client, publisher_client):
    theme = ThemeFactory(description="One.", draft=True)
    with reversion.create_revision():
        theme.save()
    old = Version.objects.get_for_object(theme).get()
    restore_url = admin_url(Theme, "revision", theme.pk, old.pk)
    restore_page = editor_client.get(restore_url)
    change_url = admin_url(Theme, "change", theme.pk)
    publisher_client.post(
        change_url, form_data(publisher_client.get(change_url), description="Two.")
    )

    response = editor_client.post(restore_url, form_data(restore_page))

    assert "Someone else saved this theme" in response.content.decode()
    theme.refresh_from_db()
    assert theme.description == "Two."


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


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

    response = admin_action(editor_client, Event, "publish_now", [event])

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

    response = admin_action(editor_client, Event, "delete_selected", [draft, published], post="yes")

    assert any(
        "Nothing was deleted" in message and "Bangkok workshop" in message
        for message in messages_of(response)
    )
    assert Event.objects.count() == 2


def test_editor_bulk_delete_of_drafts_deletes_them(editor_client):
    drafts = EventFactory.create_batch(2, draft=True)

    admin_action(editor_client, Event, "delete_selected", drafts, post="yes")

    assert Event.objects.count() == 0


def test_publisher_can_delete_a_published_event(publisher_client):
    event = EventFactory()

    response = publisher_client.post(admin_url(Event, "delete", event.pk), {"post": "yes"})

    assert response.status_code == 302
    assert not Event.objects.filter(pk=event.pk).exists()


def test_publisher_bulk_delete_of_published_resolutions_deletes_them(publisher_client):
    resolutions = ResolutionFactory.create_batch(2)

    admin_action(publisher_client, Resolution, "delete_selected", resolutions, post="yes")

    assert Resolution.objects.count() == 0


def test_publisher_publish_now_makes_drafts_public(publisher_client, client):
    event = EventFactory(draft=True, title="Second dialogue")

    response = admin_action(publisher_client, Event, "publish_now", [event])

    assert "Events published: Second dialogue." in messages_of(response)
    event.refresh_from_db()
    assert event.is_published
    assert client.get(event.get_absolute_url()).status_code == 200


def test_publisher_unpublish_takes_events_off_the_site(publisher_client, client):
    event = EventFactory(title="Second dialogue")

    response = admin_action(publisher_client, Event, "unpublish", [event])

    assert "Events unpublished (back to draft): Second dialogue." in messages_of(response)
    event.refresh_from_db()
    assert event.publication_status == DRAFT
    assert client.get(event.get_absolute_url()).status_code == 404


def test_publisher_publish_now_keeps_the_time_of_a_live_event(publisher_client):
    event = EventFactory()
    published_at = event.publish_at

    admin_action(publisher_client, Event, "publish_now", [event])

    event.refresh_from_db()
    assert event.publish_at == published_at


def test_publishing_an_invalid_object_is_refused(publisher_client):
    resolution = ResolutionFactory(draft=True, year=2016)  # adopted in 2017

    response = admin_action(publisher_client, Resolution, "publish_now", [resolution])

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

    response = admin_action(publisher_client, EventSeries, "publish_now", [series])

    assert "Event series published: Asia ICT and CT Dialogue." in messages_of(response)
    series.refresh_from_db()
    assert series.is_published


def test_the_publication_filter_speaks_the_admins_language(editor_client):
    editor_client.cookies["django_language"] = "fr"

    page = editor_client.get(admin_url(Event, "changelist")).content.decode()

    assert "Par publication" in page
    assert all(f"{state}</a>" in page for state in ("Brouillon", "Programmé", "Publié"))
