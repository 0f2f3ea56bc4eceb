"""Review of changes to published content: an editor's change waits aside, the public
sees the published version until a publisher approves it (now or at a time), and a
rejected change leaves everything as it was, with a comment the editor reads."""

import datetime

import pytest
import reversion
from django.core import mail
from django.core.cache import cache
from django.utils import timezone
from reversion.models import Version

from ctdialogue.publishing import review
from ctdialogue.publishing.models import PendingChange
from events.models import Contribution, Event, Photo
from tests.admin_forms import admin_url, form_data
from tests.factories import ContributionFactory, EventFactory, PhotoFactory

pytestmark = pytest.mark.django_db

OLD_TITLE, NEW_TITLE = "Second Asia ICT and CT Dialogue", "Second Asia ICT and CT Dialogue 2018"
OLD_WORDS, NEW_WORDS = "Platforms must act.", "Platforms and prosecutors must act together."


@pytest.fixture
def event(publisher):
    event = EventFactory(title=OLD_TITLE, slug="bangkok")
    ContributionFactory(event=event, quotation=OLD_WORDS)
    PhotoFactory(event=event, caption="The opening session")
    publisher.email = "publisher@example.org"
    publisher.save()
    return event


def public_views(client) -> str:
    """What visitors and researchers get: the page, the feed, the export, the API."""
    pages = [
        client.get("/events/bangkok/").content,
        client.get("/events/feed/").content,
        b"".join(client.get("/events/export.csv").streaming_content),
        client.get("/api/events/").content,
    ]
    return "\n".join(page.decode() for page in pages)


def edit_as_editor(editor_client, event, *, submit=False, **changes):
    url = admin_url(Event, "change", event.pk)
    data = form_data(editor_client.get(url), **changes)
    if submit:
        data.update({"_submit": "1", "pending_note": "Title and quotation corrected."})
    return editor_client.post(url, data)


THE_CHANGE = {
    "title": NEW_TITLE,
    "contributions-0-quotation": NEW_WORDS,
    "photos-0-DELETE": "on",
}


def test_an_editors_change_to_a_published_event_waits_and_the_public_sees_no_change(
    client, editor_client, event
):
    response = edit_as_editor(editor_client, event, **THE_CHANGE)

    assert response.status_code == 302
    public = public_views(client)
    assert OLD_TITLE in public
    assert NEW_TITLE not in public
    assert OLD_WORDS in public
    assert "The opening session" in public
    event.refresh_from_db()
    assert event.title == OLD_TITLE
    assert Photo.objects.filter(event=event).count() == 1
    pending = review.open_change(event)
    assert pending.status == PendingChange.Status.DRAFT
    assert [step.action for step in pending.steps.all()] == ["saved"]


def test_the_editor_goes_on_editing_the_pending_version(editor_client, event):
    edit_as_editor(editor_client, event, **THE_CHANGE)

    page = editor_client.get(admin_url(Event, "change", event.pk)).content.decode()

    assert f'value="{NEW_TITLE}"' in page
    assert NEW_WORDS in page
    assert "Being edited." in page
    assert "errornote" not in page
    assert "Please correct" not in page


def test_a_second_edit_of_the_pending_change_keeps_the_first(editor_client, event):
    edit_as_editor(editor_client, event, **THE_CHANGE)
    page = editor_client.get(admin_url(Event, "change", event.pk))
    editor_client.post(admin_url(Event, "change", event.pk), form_data(page, venue="UNCC"))

    pending = review.open_change(event)

    assert pending.data["title"] == [NEW_TITLE]
    assert pending.data["venue"] == ["UNCC"]
    assert pending.data["photos-0-DELETE"] == ["on"]


def test_a_stale_form_of_the_pending_change_is_refused(editor_client, editor, event):
    edit_as_editor(editor_client, event, **THE_CHANGE)
    url = admin_url(Event, "change", event.pk)
    stale = editor_client.get(url)
    editor_client.post(url, form_data(editor_client.get(url), venue="First"))

    response = editor_client.post(url, form_data(stale, venue="Second"), follow=True)

    assert "Someone else saved the pending change" in response.content.decode()
    assert review.open_change(event).data["venue"] == ["First"]


def test_the_preview_shows_the_pending_version_and_changes_nothing(editor_client, event):
    edit_as_editor(editor_client, event, **THE_CHANGE)

    preview = editor_client.get(f"/admin/events/event/{event.pk}/pending/preview/")

    page = preview.content.decode()
    assert f"<h1>{NEW_TITLE}</h1>" in page
    assert NEW_WORDS in page
    assert "The opening session" not in page
    assert preview["X-Robots-Tag"] == "noindex"
    event.refresh_from_db()
    assert event.title == OLD_TITLE
    assert Contribution.objects.get(event=event).quotation == OLD_WORDS


def test_submitting_tells_the_publishers_and_lists_the_change_for_them(
    editor_client, publisher_client, event, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        edit_as_editor(editor_client, event, submit=True, **THE_CHANGE)

    home = publisher_client.get("/admin/").content.decode()
    change_page = publisher_client.get(admin_url(Event, "change", event.pk)).content.decode()
    assert review.open_change(event).status == PendingChange.Status.SUBMITTED
    assert [message.subject for message in mail.outbox] == [f"Waiting for review: {OLD_TITLE}"]
    assert mail.outbox[0].to == ["publisher@example.org"]
    assert "Title and quotation corrected." in mail.outbox[0].body
    review_url = f"/admin/events/event/{event.pk}/pending/review/"
    assert f'href="{review_url}"' in home
    assert f'href="{review_url}"' in change_page


def test_the_review_page_compares_live_and_pending_field_by_field(
    editor_client, publisher_client, event
):
    edit_as_editor(editor_client, event, submit=True, **THE_CHANGE)

    page = publisher_client.get(f"/admin/events/event/{event.pk}/pending/review/")

    html = page.content.decode()
    assert "<ins> 2018</ins>" in html
    assert "Contribution changed" in html
    assert "Photo removed" in html
    assert "Title and quotation corrected." in html
    assert [change.label for change in page.context["changes"]] == ["Title"]


def decide(publisher_client, event, **decision):
    return publisher_client.post(f"/admin/events/event/{event.pk}/pending/review/", decision)


def test_approving_applies_the_change_everywhere_and_records_it(
    client, editor_client, publisher_client, publisher, event
):
    edit_as_editor(editor_client, event, submit=True, **THE_CHANGE)

    response = decide(publisher_client, event, decision="approve")

    assert response.status_code == 302
    public = public_views(client)
    assert NEW_TITLE in public
    assert NEW_WORDS in public
    assert OLD_WORDS not in public
    assert "The opening session" not in public
    assert not Photo.objects.filter(event=event).exists()
    latest = Version.objects.get_for_object(event).select_related("revision__user").first()
    assert latest.revision.user == publisher
    assert latest.revision.get_comment().startswith("Approved change by Editor Staff")
    pending = PendingChange.objects.get()
    assert pending.status == PendingChange.Status.APPLIED
    assert [step.action for step in pending.steps.all()] == [
        "saved",
        "submitted",
        "approved",
        "applied",
    ]


def test_rejecting_needs_a_comment_and_leaves_everything_as_it_was(
    client, editor_client, publisher_client, event
):
    edit_as_editor(editor_client, event, submit=True, **THE_CHANGE)
    before = public_views(client)

    without = decide(publisher_client, event, decision="reject", comment="")
    decide(publisher_client, event, decision="reject", comment="Keep the official title.")

    assert "Say why the change is rejected" in without.content.decode()
    assert public_views(client) == before
    page = editor_client.get(admin_url(Event, "change", event.pk)).content.decode()
    assert "Your last change was rejected by Publisher Staff" in page
    assert "Keep the official title." in page
    assert f'value="{OLD_TITLE}"' in page


def test_an_approval_for_later_applies_at_its_time_with_no_job(
    client, editor_client, publisher_client, event
):
    edit_as_editor(editor_client, event, submit=True, **THE_CHANGE)
    at = timezone.now() + datetime.timedelta(hours=2)

    decide(publisher_client, event, decision="approve", apply_at=at.strftime("%Y-%m-%dT%H:%M"))

    assert NEW_TITLE not in public_views(client)
    pending = PendingChange.objects.get()
    assert pending.status == PendingChange.Status.SCHEDULED
    assert review.apply_due(now=pending.apply_at - datetime.timedelta(seconds=1)) == 0
    assert cache.get(review.NEXT_DUE_KEY) == pending.apply_at  # requests need not look
    # Two hours later (moved back, as the clock cannot be moved on):
    past = timezone.now() - datetime.timedelta(seconds=1)
    PendingChange.objects.update(apply_at=past)
    cache.set(review.NEXT_DUE_KEY, past)
    assert NEW_TITLE in public_views(client)  # the first request after its time applied it
    assert PendingChange.objects.get().status == PendingChange.Status.APPLIED


def test_approving_a_change_the_content_check_objects_to_needs_a_reason(
    editor_client, publisher_client, event
):
    edit_as_editor(
        editor_client, event, submit=True, title="Workshop 缅北禁地", integrity_confirmed="on"
    )

    refused = decide(publisher_client, event, decision="approve")
    decide(publisher_client, event, decision="approve", comment="The name is quoted on purpose.")

    assert "the content check found" in refused.content.decode()
    event.refresh_from_db()
    assert event.title == "Workshop 缅北禁地"


def test_a_publishers_own_change_is_published_at_once(publisher_client, event):
    url = admin_url(Event, "change", event.pk)

    publisher_client.post(url, form_data(publisher_client.get(url), title=NEW_TITLE))

    event.refresh_from_db()
    assert event.title == NEW_TITLE
    assert not PendingChange.objects.exists()


def test_an_editor_changes_a_draft_directly(editor_client):
    draft = EventFactory(draft=True, title=OLD_TITLE)
    url = admin_url(Event, "change", draft.pk)

    editor_client.post(url, form_data(editor_client.get(url), title=NEW_TITLE))

    draft.refresh_from_db()
    assert draft.title == NEW_TITLE


def test_an_editor_cannot_restore_an_old_version_of_a_published_record(editor_client, event):
    with reversion.create_revision():
        event.save()
    old = Version.objects.get_for_object(event).first()
    url = admin_url(Event, "revision", event.pk, old.pk)

    response = editor_client.post(url, form_data(editor_client.get(url)), follow=True)

    assert "only a publisher can restore" in response.content.decode()


def test_every_review_step_is_in_the_records_history_with_who(
    editor_client, publisher_client, event
):
    edit_as_editor(editor_client, event, submit=True, **THE_CHANGE)
    decide(publisher_client, event, decision="reject", comment="Keep the official title.")

    page = publisher_client.get(admin_url(Event, "history", event.pk)).content.decode()

    history = page[page.index("Review of changes") :]
    assert history.index("Rejected it: “Keep the official title.”") < history.index(
        "Submitted it for review: “Title and quotation corrected.”"
    )
    assert history.count("Editor Staff") == 2
    assert history.count("Publisher Staff") == 1


def test_the_review_page_groups_the_changes_by_language(editor_client, publisher_client, event):
    edit_as_editor(
        editor_client,
        event,
        submit=True,
        title=NEW_TITLE,
        title_fr="Deuxième dialogue Asie TIC et lutte antiterroriste",
        title_zh_hans="第二次亚洲信通技术与反恐对话",
    )

    page = publisher_client.get(f"/admin/events/event/{event.pk}/pending/review/")

    groups = page.context["change_groups"]
    assert [(group.language, group.heading) for group in groups] == [
        ("", "The record's own texts and fields"),
        ("zh", "Translation into Simplified Chinese"),  # in the UN's order of languages
        ("fr", "Translation into French"),
    ]
    assert [[change.label for change in group.changes] for group in groups] == [["Title"]] * 3
    html = page.content.decode()
    assert '<th colspan="3" scope="rowgroup" class="version-group">Translation into French' in html
    assert '<td lang="zh-Hans"><em lang="en">(empty)</em></td>' in html
