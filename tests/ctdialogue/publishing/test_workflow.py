"""Who may publish (the Editor and Publisher roles and their permissions), scheduled
publishing (by publish time alone, no job), previews of drafts, and times shown with
their time zone."""

import datetime
import zoneinfo

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from reversion.models import Version

from ctdialogue.publishing.models import DRAFT, PUBLISHED
from ctdialogue.publishing.workflow import PublicationBlocked, publish
from events.models import Event, Theme
from tests.admin_forms import admin_action, admin_url
from tests.factories import ContributionFactory, EventFactory, ThemeFactory

pytestmark = pytest.mark.django_db


# --- Scheduling ---------------------------------------------------------------


def test_scheduled_event_is_invisible_before_its_time_and_visible_after(client):
    event = EventFactory(scheduled=True, title="Third dialogue")

    before = client.get(event.get_absolute_url())
    Event.objects.filter(pk=event.pk).update(
        publish_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    after = client.get(event.get_absolute_url())

    assert before.status_code == 404
    assert "Third dialogue" not in before.content.decode()
    assert after.status_code == 200
    assert "Third dialogue" in after.content.decode()


def test_scheduled_event_is_not_listed_until_its_time(client):
    EventFactory(scheduled=True, title="Third dialogue")

    response = client.get("/events/")

    assert "Third dialogue" not in response.content.decode()


def test_schedule_action_asks_for_a_time(publisher_client):
    event = EventFactory(draft=True, title="Third dialogue")

    response = publisher_client.post(
        admin_url(Event, "changelist"), {"action": "schedule", "_selected_action": [event.pk]}
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert "<li>Third dialogue</li>" in content
    assert 'type="datetime-local"' in content
    assert "the site&#x27;s time zone" in content


def test_schedule_action_publishes_from_the_chosen_time(publisher_client, client, settings):
    settings.TIME_ZONE = "Asia/Bangkok"
    event = EventFactory(draft=True, title="Third dialogue")
    when = timezone.localtime() + datetime.timedelta(days=3)

    response = publisher_client.post(
        admin_url(Event, "changelist"),
        {
            "action": "schedule",
            "_selected_action": [event.pk],
            "apply": "Schedule",
            "publish_at": when.strftime("%Y-%m-%dT%H:%M"),
        },
        follow=True,
    )

    event.refresh_from_db()
    assert event.publication_status == PUBLISHED
    assert event.publish_at == when.replace(second=0, microsecond=0)
    assert event.publication_state == "scheduled"
    assert client.get(event.get_absolute_url()).status_code == 404
    messages = [str(message) for message in response.context["messages"]]
    assert any("(Asia/Bangkok)" in message for message in messages)


def test_schedule_action_with_a_past_time_changes_nothing(publisher_client):
    event = EventFactory(draft=True)

    response = publisher_client.post(
        admin_url(Event, "changelist"),
        {
            "action": "schedule",
            "_selected_action": [event.pk],
            "apply": "Schedule",
            "publish_at": "2001-01-01T09:00",
        },
    )

    assert "Choose a time in the future" in response.content.decode()
    event.refresh_from_db()
    assert event.publication_state == "draft"


# --- Previews --------------------------------------------------------------------


def test_preview_of_a_draft_is_shown_to_staff(editor_client):
    event = EventFactory(draft=True, title="Draft dialogue")

    response = editor_client.get(event.get_absolute_url())

    content = response.content.decode()
    assert response.status_code == 200
    assert "Draft dialogue" in content
    assert "<strong>Preview.</strong> This page is draft" in content


@pytest.mark.parametrize("trait", ["draft", "scheduled"])
def test_preview_of_an_unpublished_event_is_404_for_visitors(client, trait):
    event = EventFactory(title="Unpublished dialogue", **{trait: True})

    response = client.get(event.get_absolute_url())

    assert response.status_code == 404
    assert "Unpublished dialogue" not in response.content.decode()


def test_change_form_of_a_draft_links_to_its_preview(editor_client):
    event = EventFactory(draft=True, title="Draft dialogue")

    page = editor_client.get(admin_url(Event, "change", event.pk))
    preview = editor_client.get(page.context["absolute_url"], follow=True)

    assert 'class="viewsitelink">Preview (draft)</a>' in page.content.decode()
    assert preview.redirect_chain[-1][0].endswith(event.get_absolute_url())
    assert "<strong>Preview.</strong>" in preview.content.decode()


def test_change_form_of_a_published_object_says_view_on_site(editor_client):
    theme = ThemeFactory()

    page = editor_client.get(admin_url(Theme, "change", theme.pk))

    assert 'class="viewsitelink">View on site</a>' in page.content.decode()


# --- Time zones --------------------------------------------------------------------


def test_changelist_shows_publish_time_with_its_time_zone(editor_client, settings):
    settings.TIME_ZONE = "Asia/Bangkok"
    ThemeFactory(publish_at=datetime.datetime(2018, 1, 20, 2, 30, tzinfo=datetime.UTC))

    response = editor_client.get(admin_url(Theme, "changelist"))

    assert (
        '<td class="field-publish_time">20 January 2018, 09:30 (Asia/Bangkok)</td>'
        in response.content.decode()
    )


def test_a_scheduled_event_says_when_in_its_publication_column(editor_client, settings):
    settings.TIME_ZONE = "Asia/Bangkok"
    at = timezone.now() + datetime.timedelta(days=3)
    EventFactory(title="Later", publish_at=at)
    EventFactory(title="Now")

    page = editor_client.get(admin_url(Event, "changelist")).content.decode()

    local = timezone.localtime(at, zoneinfo.ZoneInfo("Asia/Bangkok"))
    when = f"{local.day} {local:%B %Y, %H:%M} (Asia/Bangkok)"
    assert f'<td class="field-publication">Scheduled: {when}</td>' in page
    assert '<td class="field-publication">Published</td>' in page


@pytest.mark.parametrize("role", ["editor_client", "publisher_client"])
def test_change_form_names_the_time_zone_of_the_publish_time(request, role, settings):
    settings.TIME_ZONE = "Asia/Bangkok"
    client = request.getfixturevalue(role)
    event = EventFactory()

    response = client.get(admin_url(Event, "change", event.pk))

    assert "Times are in Asia/Bangkok, the site's time zone." in response.content.decode()


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


# --- The content check at the gate -------------------------------------------------

INJECTED = "Cooperation with platforms 缅北禁地 was discussed."


def test_publishing_a_record_with_a_content_finding_is_blocked():
    event = EventFactory(draft=True, summary=INJECTED)

    with pytest.raises(PublicationBlocked) as blocked:
        publish(event)

    assert "the content check found 1 problem in" in blocked.value.messages[0]
    assert "缅北禁地" in blocked.value.messages[0]
    event.refresh_from_db()
    assert event.publication_status == DRAFT


def test_a_finding_in_a_part_blocks_its_event_too():
    event = EventFactory(draft=True)
    ContributionFactory(event=event, quotation=INJECTED)

    with pytest.raises(PublicationBlocked):
        publish(event)


def test_a_reason_overrides_the_content_check():
    event = EventFactory(draft=True, summary=INJECTED)

    publish(event, override="The phrase is a quoted example of spam, on purpose.")

    event.refresh_from_db()
    assert event.publication_status == PUBLISHED


def test_clean_text_in_every_un_language_publishes():
    for language, text in [
        ("ru", "Борьба с терроризмом"),  # noqa: RUF001 - Russian, on purpose
        ("zh", "打击恐怖主义"),
        ("ar", "مكافحة الإرهاب"),
    ]:
        theme = ThemeFactory(draft=True, language=language, description=text)
        publish(theme)
        theme.refresh_from_db()
        assert theme.publication_status == PUBLISHED, language


def test_publish_now_refuses_a_record_with_findings_and_says_what_to_do(publisher_client):
    blocked = EventFactory(title="Blocked", draft=True, summary=INJECTED)
    clean = EventFactory(title="Clean", draft=True)

    page = admin_action(publisher_client, Event, "publish_now", [blocked, clean]).content.decode()

    assert "Events published: Clean." in page
    assert "Not published, because the content check found 1 problem in “Blocked”" in page
    assert "despite content findings…” and give the reason." in page
    assert list(Event.objects.published().values_list("title", flat=True)) == ["Clean"]


def test_publish_despite_findings_lists_them_and_asks_for_a_reason(publisher_client):
    event = EventFactory(title="Blocked", draft=True, summary=INJECTED)

    page = admin_action(
        publisher_client, Event, "publish_despite_findings", [event]
    ).content.decode()
    too_short = admin_action(
        publisher_client, Event, "publish_despite_findings", [event], apply="1", reason="ok"
    ).content.decode()

    assert "缅北禁地" in page
    assert 'name="reason"' in page
    assert "Ensure this value has at least 10 characters" in too_short
    event.refresh_from_db()
    assert event.publication_status == DRAFT


def test_publish_despite_findings_records_who_and_why(publisher_client, publisher):
    event = EventFactory(title="Blocked", draft=True, summary=INJECTED)
    reason = "The phrase is quoted in a report on spam, on purpose."

    admin_action(
        publisher_client, Event, "publish_despite_findings", [event], apply="1", reason=reason
    )

    event.refresh_from_db()
    assert event.publication_status == PUBLISHED
    latest = Version.objects.get_for_object(event).select_related("revision").first()
    assert latest.revision.user == publisher
    assert latest.revision.get_comment() == f"Published despite content findings. Reason: {reason}"


def test_editors_get_no_override_action(editor_client):
    event = EventFactory(draft=True, summary=INJECTED)

    page = editor_client.get(admin_url(Event, "changelist")).content.decode()
    admin_action(
        editor_client, Event, "publish_despite_findings", [event], apply="1", reason="x" * 20
    )

    assert "publish_despite_findings" not in page
    event.refresh_from_db()
    assert event.publication_status == DRAFT
