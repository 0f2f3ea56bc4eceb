"""History with django-reversion: every admin save is a version with who and when;
staff compare two versions, restore an earlier one and recover deleted objects."""

import pytest
import reversion
from reversion.models import Version

from ctdialogue.publishing.models import DRAFT
from events.models import (
    Attachment,
    Contribution,
    Event,
    EventSeries,
    Initiative,
    InitiativePartner,
    Organization,
    Participation,
    Person,
    Photo,
    Theme,
)
from resolutions.models import Resolution
from tests.admin_forms import admin_url, form_data
from tests.factories import (
    AttachmentFactory,
    ContributionFactory,
    EventFactory,
    EventSeriesFactory,
    InitiativeFactory,
    InitiativePartnerFactory,
    OrganizationFactory,
    ParticipationFactory,
    PersonFactory,
    PhotoFactory,
    ResolutionFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


def save_version(obj, user=None, comment=""):
    """A version made outside the admin, as an earlier save would have made it."""
    with reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(comment)
        obj.save()
    return Version.objects.get_for_object(obj).first()


def edit(client, obj, **changes):
    model = type(obj)
    page = client.get(admin_url(model, "change", obj.pk))
    return client.post(admin_url(model, "change", obj.pk), form_data(page, **changes))


def test_admin_save_records_a_version_with_user_and_comment(editor_client, editor):
    theme = ThemeFactory(description="Before")

    edit(editor_client, theme, description="After")

    versions = Version.objects.get_for_object(theme)
    assert versions.count() == 1
    assert versions[0].revision.user == editor
    assert versions[0].revision.get_comment() == "Changed Description."
    assert versions[0].field_dict["description"] == "After"


def test_history_page_lists_versions_with_user_and_links(editor_client):
    theme = ThemeFactory(description="First")
    save_version(theme, comment="Imported.")
    edit(editor_client, theme, description="Second")

    response = editor_client.get(admin_url(Theme, "history", theme.pk))

    content = response.content.decode()
    rows = response.context["version_rows"]
    assert [row["comment"] for row in rows] == ["Changed Description.", "Imported."]
    assert rows[0]["user"] == "Editor Staff"
    assert "(UTC)" in rows[0]["date"]
    assert f'href="{rows[0]["compare_url"]}"' in content.replace("&amp;", "&")
    assert "Open this version to restore it" in content


def test_compare_page_shows_the_changed_field_old_and_new(editor_client):
    event = EventFactory(city="Bangkok", title="Second dialogue")
    old = save_version(event)
    edit(editor_client, event, city="Jakarta")
    new = Version.objects.get_for_object(event).first()

    response = editor_client.get(
        admin_url(Event, "compare", event.pk), {"old": old.pk, "new": new.pk}
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert [change.label for change in response.context["changes"]] == ["City"]
    assert "<del>Bangkok</del>" in content
    assert "<ins>Jakarta</ins>" in content
    assert "Second dialogue" not in content.split('class="version-diff"')[1]


def test_compare_page_marks_changed_words_only(editor_client):
    theme = ThemeFactory(description="Evidence held by providers abroad.")
    old = save_version(theme)
    edit(editor_client, theme, description="Evidence held by service providers abroad.")
    new = Version.objects.get_for_object(theme).first()

    response = editor_client.get(
        admin_url(Theme, "compare", theme.pk), {"old": old.pk, "new": new.pk}
    )

    # Only the description: the form also dropped the publish time's microseconds,
    # which nobody can see.
    [change] = response.context["changes"]
    assert change.label == "Description"
    assert [text for text, changed in change.after if changed] == ["service "]
    assert "<ins>service </ins>" in response.content.decode()


def test_compare_page_lists_added_parts(editor_client):
    event = EventFactory()
    old = save_version(event)
    ParticipationFactory(event=event, organization__name="UNODC")
    new = save_version(event)

    response = editor_client.get(
        admin_url(Event, "compare", event.pk), {"old": old.pk, "new": new.pk}
    )

    assert "Participation added: UNODC - Participant" in response.content.decode()


def test_compare_page_without_versions_returns_to_the_history(editor_client):
    theme = ThemeFactory()

    response = editor_client.get(admin_url(Theme, "compare", theme.pk), {"new": "abc"}, follow=True)

    assert response.redirect_chain[-1][0] == admin_url(Theme, "history", theme.pk)
    assert "Choose two versions to compare." in response.content.decode()


def test_restore_brings_back_the_old_content(publisher_client):
    event = EventFactory(title="Second Asia ICT and CT Dialogue", summary="As held.")
    old = save_version(event)
    edit(publisher_client, event, title="Renamed by mistake", summary="Wrong.")

    page = publisher_client.get(admin_url(Event, "revision", event.pk, old.pk))
    response = publisher_client.post(
        admin_url(Event, "revision", event.pk, old.pk), form_data(page)
    )

    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.title, event.summary) == ("Second Asia ICT and CT Dialogue", "As held.")
    latest = Version.objects.get_for_object(event).first()
    assert latest.revision.get_comment().startswith("Reverted to previous version")


def test_restore_page_shows_the_old_version_and_changes_nothing(publisher_client):
    event = EventFactory(title="Old title")
    old = save_version(event)
    edit(publisher_client, event, title="New title")

    page = publisher_client.get(admin_url(Event, "revision", event.pk, old.pk))

    assert 'value="Old title"' in page.content.decode()
    event.refresh_from_db()
    assert event.title == "New title"


@pytest.mark.parametrize("role", ["editor_client", "publisher_client"])
def test_restore_keeps_the_current_publication_state(request, role):
    client = request.getfixturevalue(role)
    event = EventFactory(title="Old title")  # published when this version was saved
    old = save_version(event)
    event.publication_status = DRAFT
    event.title = "New title"
    save_version(event)

    page = client.get(admin_url(Event, "revision", event.pk, old.pk))
    client.post(admin_url(Event, "revision", event.pk, old.pk), form_data(page))

    event.refresh_from_db()
    assert event.title == "Old title"
    assert event.publication_status == DRAFT


def test_deleted_event_is_recovered_with_its_parts_as_a_draft(publisher_client, publisher):
    event = EventFactory(title="Deleted by mistake")
    ParticipationFactory(event=event, organization__name="UNODC")
    publisher_client.post(admin_url(Event, "delete", event.pk), {"post": "yes"})
    assert not Event.objects.filter(title="Deleted by mistake").exists()

    recover_list = publisher_client.get(admin_url(Event, "recoverlist"))
    deleted = Version.objects.get_deleted(Event).get()
    page = publisher_client.get(admin_url(Event, "recover", deleted.pk))
    response = publisher_client.post(admin_url(Event, "recover", deleted.pk), form_data(page))

    assert "Deleted by mistake" in recover_list.content.decode()
    assert deleted.revision.user == publisher
    assert deleted.revision.get_comment() == "Deleted."
    assert response.status_code == 302
    recovered = Event.objects.get(title="Deleted by mistake")
    assert recovered.publication_status == DRAFT
    assert [p.organization.name for p in Participation.objects.filter(event=recovered)] == ["UNODC"]


def test_bulk_deleted_drafts_can_be_recovered(editor_client):
    themes = ThemeFactory.create_batch(2, draft=True)

    editor_client.post(
        admin_url(Theme, "changelist"),
        {"action": "delete_selected", "_selected_action": [t.pk for t in themes], "post": "yes"},
    )

    assert Theme.objects.count() == 0
    assert sorted(v.object_repr for v in Version.objects.get_deleted(Theme)) == sorted(
        t.name for t in themes
    )


def test_changelist_links_to_the_recover_list(editor_client):
    content = editor_client.get(admin_url(Event, "changelist")).content.decode()

    assert f'href="{admin_url(Event, "recoverlist")}"' in content


@pytest.mark.parametrize(
    "factory",
    [
        EventFactory,
        ThemeFactory,
        InitiativeFactory,
        OrganizationFactory,
        PersonFactory,
        EventSeriesFactory,
    ],
)
def test_every_former_address_redirects_after_any_restore(client, publisher_client, factory):
    record = factory(slug="first")
    first = save_version(record)
    addresses = {}
    for slug in ("first", "second", "third"):
        edit(publisher_client, record, slug=slug)
        record.refresh_from_db()
        addresses[slug] = record.get_absolute_url()
    second = Version.objects.get_for_object(record)[1]

    for version, current in ((first, "first"), (second, "second")):
        url = admin_url(type(record), "revision", record.pk, version.pk)
        publisher_client.post(url, form_data(publisher_client.get(url)))
        record.refresh_from_db()

        assert record.slug == current
        assert client.get(addresses[current]).status_code == 200
        for slug, address in addresses.items():
            if slug != current:
                response = client.get(address)
                assert response.get("Location") == addresses[current], (
                    current,
                    slug,
                    response.status_code,
                )


# --- Nothing deleted is lost -----------------------------------------------------------


def linked_world():
    """One record of every kind, each linked to all the others it can be."""
    organization = OrganizationFactory(name="ICT4Peace")
    person = PersonFactory(name="Andrei Kovalenko", organization=organization)
    theme = ThemeFactory(name="Digital evidence")
    event = EventFactory(title="Bangkok", series=EventSeriesFactory(name="Asia"), edition=2)
    event.themes.add(theme)
    ParticipationFactory(event=event, organization=organization, role="co_host")
    ContributionFactory(event=event, person=person, title="Opening")
    PhotoFactory(event=event, caption="The room")
    AttachmentFactory(event=event, title="Concept note")
    initiative = InitiativeFactory(name="Tech Against Terrorism")
    initiative.themes.add(theme)
    initiative.events.add(event)
    InitiativePartnerFactory(initiative=initiative, organization=organization, role="lead")
    resolution = ResolutionFactory(number=2396)
    resolution.themes.add(theme)
    resolution.initiatives.add(initiative)
    resolution.events.add(event)


def every_link() -> set[tuple]:
    """Every link between the records, by their names: the same set before a delete
    and after the recovery, or something was lost."""
    event_links = {
        (event.title, "series", str(event.series), event.edition) for event in Event.objects.all()
    }
    many = {
        (str(owner), name, str(other))
        for model, names in (
            (Event, ["themes"]),
            (Initiative, ["themes", "events"]),
            (Resolution, ["themes", "initiatives", "events"]),
        )
        for owner in model.objects.all()
        for name in names
        for other in getattr(owner, name).all()
    }
    parts = {
        (type(part).__name__, str(part.event), str(part))
        for model in (Participation, Contribution, Photo, Attachment)
        for part in model.objects.all()
    }
    partners = {
        (str(p.initiative), str(p.organization), p.role) for p in InitiativePartner.objects.all()
    }
    people = {(str(p), str(p.organization)) for p in Person.objects.all()}
    return event_links | many | parts | partners | people


def delete_on_admin(client, record):
    return client.post(admin_url(type(record), "delete", record.pk), {"post": "yes"})


RECOVERABLE = [Theme, Event, Initiative, Resolution, Photo, Attachment, Participation,
               Contribution, InitiativePartner]  # fmt: skip


@pytest.mark.parametrize("model", RECOVERABLE, ids=lambda model: model.__name__)
def test_a_deleted_record_comes_back_with_every_link_it_had(publisher_client, model):
    linked_world()
    before = every_link()
    record = model.objects.get()

    delete_on_admin(publisher_client, record)
    assert not model.objects.filter(pk=record.pk).exists()
    assert every_link() != before
    deleted = Version.objects.get_deleted(model).get()
    page = publisher_client.get(admin_url(model, "recover", deleted.pk))
    response = publisher_client.post(admin_url(model, "recover", deleted.pk), form_data(page))

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert every_link() == before


@pytest.mark.parametrize(
    ("model", "dependants"),
    [
        (Organization, ["Andrei Kovalenko", "Bangkok", "Tech Against Terrorism"]),
        (Person, ["Andrei Kovalenko - Address - Bangkok"]),
        (EventSeries, ["Bangkok"]),
    ],
    ids=lambda value: getattr(value, "__name__", ""),
)
def test_deleting_a_record_others_depend_on_is_refused_with_the_list(
    publisher_client, model, dependants
):
    linked_world()
    before = every_link()
    record = model.objects.get()

    page = delete_on_admin(publisher_client, record).content.decode()

    assert "would require deleting the following protected related objects" in page
    for name in dependants:
        assert name in page
    assert model.objects.filter(pk=record.pk).exists()
    assert every_link() == before


def test_the_compare_page_shows_one_languages_changes_when_asked(editor_client):
    theme = ThemeFactory(name="Digital evidence", description="Before")
    old = save_version(theme)
    edit(editor_client, theme, description="After", name_fr="Preuves", name_ru="Доказательства")
    new = Version.objects.get_for_object(theme).first()
    url = admin_url(Theme, "compare", theme.pk)
    versions = {"old": old.pk, "new": new.pk}

    everything = editor_client.get(url, versions)
    french = editor_client.get(url, {**versions, "language": "fr"})
    original = editor_client.get(url, {**versions, "language": "original"})
    unknown = editor_client.get(url, {**versions, "language": "xx"})

    def shown(response):
        return [
            (group.language, [change.label for change in group.changes])
            for group in response.context["change_groups"]
        ]

    assert shown(everything) == [("", ["Description"]), ("fr", ["Name"]), ("ru", ["Name"])]
    assert shown(french) == [("fr", ["Name"])]
    assert shown(original) == [("", ["Description"])]
    assert "Доказательства" not in french.content.decode()
    links = [(label, current) for label, _href, current in french.context["languages"]]
    assert links == [
        ("All languages", False),
        ("The record's own texts and fields", False),
        ("Translation into French", True),
        ("Translation into Russian", False),
    ]
    assert f'href="?old={old.pk}&amp;new={new.pk}&amp;language=ru"' in french.content.decode()
    assert unknown.status_code == 400
    assert shown(unknown) == shown(everything)
    assert "These versions differ in nothing in “xx”: all changes are shown." in (
        unknown.content.decode()
    )


def test_the_editors_own_markup_is_no_change_but_new_emphasis_is(editor_client):
    event = EventFactory(summary="A two-day workshop.", body="<p>One.</p><p>Two.</p>")
    old = save_version(event)
    Event.objects.filter(pk=event.pk).update(
        summary="<p>A two-day workshop.</p>", body="<p>One.</p>\n<p><em>Two.</em></p>"
    )
    event.refresh_from_db()
    new = save_version(event)

    response = editor_client.get(
        admin_url(Event, "compare", event.pk), {"old": old.pk, "new": new.pk}
    )

    assert [change.label for change in response.context["changes"]] == ["Body"]
