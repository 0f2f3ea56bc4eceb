"""No lost updates: when two members of staff edit the same object, the second save
is refused with a message and a link to the history; nothing is overwritten."""

import pytest
import reversion
from django.test import Client
from reversion.models import Version

from events.models import Event, Theme
from resolutions.models import Resolution
from tests.admin_forms import admin_url, form_data
from tests.factories import EventFactory, ParticipationFactory, ResolutionFactory, ThemeFactory

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
    resolution = ResolutionFactory(title="Original title")
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


def test_same_user_in_two_tabs_is_told_so(editor):
    first_tab, second_tab = Client(), Client()
    first_tab.force_login(editor)
    second_tab.force_login(editor)
    theme = ThemeFactory()
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
    theme = ThemeFactory(description="One.")
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
