"""The Django admin of the events app: every page loads, shows its objects and stays
within a fixed number of queries."""

import datetime

import pytest
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from ctdialogue.publishing.history import format_datetime
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
from tests.admin_forms import admin_url
from tests.assertions import assert_queries_do_not_grow, count_queries
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
    ThemeFactory,
)
from tests.uploads import event_form_data, management_form

pytestmark = pytest.mark.django_db


# One row per model: how to make it (with the related rows its changelist shows),
# the text its changelist and change form show, and fields the add form has.


def make_event(**kwargs):
    return EventFactory(series=EventSeriesFactory(), themes=ThemeFactory.create_batch(2), **kwargs)


def make_series():
    series = EventSeriesFactory()
    EventFactory.create_batch(2, series=series)
    return series


def make_initiative():
    initiative = InitiativeFactory()
    initiative.themes.set(ThemeFactory.create_batch(2))
    initiative.events.set([EventFactory()])
    InitiativePartnerFactory.create_batch(2, initiative=initiative)
    return initiative


MODELS = [
    pytest.param(Theme, ThemeFactory, "name", ["name", "slug", "description"], id="theme"),
    pytest.param(
        Organization,
        OrganizationFactory,
        "name",
        ["name", "acronym", "slug", "kind", "country", "website"],
        id="organization",
    ),
    pytest.param(
        Person, PersonFactory, "name", ["honorific", "name", "slug", "organization"], id="person"
    ),
    pytest.param(
        EventSeries, make_series, "name", ["name", "slug", "description"], id="eventseries"
    ),
    pytest.param(
        Event,
        make_event,
        "title",
        ["series", "edition", "title", "slug", "start_date", "date_precision", "themes"],
        id="event",
    ),
    pytest.param(
        Participation,
        ParticipationFactory,
        "organization.name",
        ["event", "organization", "stakeholder_kind", "role"],
        id="participation",
    ),
    pytest.param(
        Contribution,
        lambda: ContributionFactory(title="Opening address"),
        "title",
        ["event", "person", "role", "title", "quotation", "quotation_language"],
        id="contribution",
    ),
    pytest.param(
        Initiative,
        make_initiative,
        "name",
        ["name", "acronym", "launched", "themes", "events", "partnerships-TOTAL_FORMS"],
        id="initiative",
    ),
    pytest.param(
        InitiativePartner,
        InitiativePartnerFactory,
        "organization.name",
        ["initiative", "organization", "role"],
        id="initiativepartner",
    ),
    pytest.param(
        Photo, PhotoFactory, "caption", ["event", "image", "alt_text", "caption"], id="photo"
    ),
    pytest.param(
        Attachment, AttachmentFactory, "title", ["event", "title", "kind", "file"], id="attachment"
    ),
]
PARAMETERS = ("model", "make", "shown", "fields")
MAKERS = [pytest.param(*row.values[:2], id=row.id) for row in MODELS]


def text_of(obj, path):
    for name in path.split("."):
        obj = getattr(obj, name)
    return obj


def form_value_html(obj, path):
    """How the change form shows the current value: an input's value, or the selected
    option of an autocomplete widget."""
    if "." in path:
        related = getattr(obj, path.split(".")[0])
        return f'<option value="{related.pk}" selected>{related}</option>'
    return f'value="{getattr(obj, path)}"'


@pytest.mark.parametrize(PARAMETERS, MODELS)
def test_changelist_lists_the_object(staff_client, model, make, shown, fields):
    obj = make()

    response = staff_client.get(admin_url(model, "changelist"))

    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [obj]
    content = response.content.decode()
    assert admin_url(model, "change", obj.pk) in content
    assert text_of(obj, shown) in content


@pytest.mark.parametrize(PARAMETERS, MODELS)
def test_add_page_shows_the_form_fields(staff_client, model, make, shown, fields):
    response = staff_client.get(admin_url(model, "add"))

    assert response.status_code == 200
    content = response.content.decode()
    for field in fields:
        assert f'name="{field}"' in content


@pytest.mark.parametrize(PARAMETERS, MODELS)
def test_change_page_shows_the_current_values(staff_client, model, make, shown, fields):
    obj = make()

    response = staff_client.get(admin_url(model, "change", obj.pk))

    assert response.status_code == 200
    assert response.context["original"] == obj
    assert form_value_html(obj, shown) in response.content.decode()


@pytest.mark.parametrize(("model", "make"), MAKERS)
def test_changelist_queries_do_not_grow_with_rows(staff_client, model, make):
    assert_queries_do_not_grow(staff_client, admin_url(model, "changelist"), make)


# --- Every relation is edited with an autocomplete widget --------------------


def relation_fields(model, exclude=()):
    return {
        field.name
        for field in model._meta.get_fields()
        if (field.many_to_one or field.many_to_many)
        and not field.auto_created
        and field.editable
        and field.name not in exclude
        and (not field.many_to_many or field.remote_field.through._meta.auto_created)
    }


def test_admin_every_relation_uses_autocomplete():
    admins = [
        model_admin
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label == "events"
    ]
    assert len(admins) == 11

    for model_admin in admins:
        assert set(model_admin.autocomplete_fields) == relation_fields(model_admin.model)
        for inline in model_admin.inlines:
            parent_fk = {
                field.name
                for field in inline.model._meta.get_fields()
                if field.many_to_one and field.related_model is model_admin.model
            }
            assert set(inline.autocomplete_fields) == relation_fields(inline.model, parent_fk)


@pytest.mark.parametrize(
    ("model", "field", "make_target", "term"),
    [
        pytest.param(Event, "series", EventSeriesFactory, "Series", id="event-series"),
        pytest.param(Event, "themes", ThemeFactory, "Theme", id="event-themes"),
        pytest.param(Person, "organization", OrganizationFactory, "Organ", id="person-org"),
        pytest.param(Contribution, "person", PersonFactory, "Speaker", id="contribution-person"),
        pytest.param(Initiative, "events", EventFactory, "Workshop", id="initiative-events"),
        pytest.param(
            InitiativePartner,
            "initiative",
            InitiativeFactory,
            "Initiative",
            id="partner-initiative",
        ),
    ],
)
def test_autocomplete_with_a_term_finds_the_related_object(
    staff_client, model, field, make_target, term
):
    target = make_target()

    response = staff_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": model._meta.app_label,
            "model_name": model._meta.model_name,
            "field_name": field,
            "term": term,
        },
    )

    assert response.status_code == 200
    assert response.json()["results"] == [{"id": str(target.pk), "text": str(target)}]


# --- Publication column and filter ---------------------------------------------


def test_changelist_shows_publication_states(staff_client):
    ThemeFactory(name="Drafted", draft=True)
    ThemeFactory(name="Coming", scheduled=True)
    ThemeFactory(name="Public")

    response = staff_client.get(admin_url(Theme, "changelist"))

    rows = {
        theme.name: response.context["cl"].model_admin.publication(theme)
        for theme in response.context["cl"].result_list
    }
    coming = Theme.objects.get(name="Coming")
    scheduled = f"Scheduled: {format_datetime(coming.publish_at)}"
    assert rows == {"Drafted": "Draft", "Coming": scheduled, "Public": "Published"}
    content = response.content.decode()
    assert f'<td class="field-publication">{scheduled}</td>' in content


def test_event_changelist_says_tentative_once_in_the_status_column(staff_client):
    EventFactory(
        status=Event.Status.TENTATIVE,
        start_date=datetime.date(2018, 9, 1),
        end_date=None,
        date_precision="half_year",
    )

    response = staff_client.get(admin_url(Event, "changelist"))

    content = response.content.decode()
    assert '<td class="field-dates">Second half of 2018</td>' in content
    assert '<td class="field-status">Tentative</td>' in content
    assert "(tentative)" not in content


@pytest.mark.parametrize(
    ("state", "expected"),
    [("draft", ["Drafted"]), ("scheduled", ["Coming"]), ("published", ["Public"])],
)
def test_publication_filter_with_state_lists_only_that_state(staff_client, state, expected):
    EventFactory(title="Drafted", draft=True)
    EventFactory(title="Coming", scheduled=True)
    EventFactory(title="Public")

    response = staff_client.get(admin_url(Event, "changelist"), {"publication": state})

    assert [event.title for event in response.context["cl"].result_list] == expected


# --- Event change page with inlines -----------------------------------------


def make_event_with_parts(rows):
    event = make_event()
    ParticipationFactory.create_batch(rows, event=event)
    ContributionFactory.create_batch(rows, event=event)
    PhotoFactory.create_batch(rows, event=event)
    AttachmentFactory.create_batch(rows, event=event)
    return event


def test_event_change_page_with_inlines_shows_them(staff_client):
    event = make_event()
    participations = ParticipationFactory.create_batch(2, event=event)
    contributions = ContributionFactory.create_batch(2, event=event)
    PhotoFactory(event=event, caption="Opening session")

    response = staff_client.get(admin_url(Event, "change", event.pk))

    assert response.status_code == 200
    content = response.content.decode()
    for participation in participations:
        organization = participation.organization
        assert f'<option value="{organization.pk}" selected>{organization}</option>' in content
    for contribution in contributions:
        person = contribution.person
        assert f'<option value="{person.pk}" selected>{person}</option>' in content
    assert 'value="Opening session"' in content
    formsets = {
        formset.formset.prefix: formset for formset in response.context["inline_admin_formsets"]
    }
    assert sorted(formsets) == ["attachments", "contributions", "participations", "photos"]
    assert len(formsets["participations"].formset.forms) == 2
    assert len(formsets["contributions"].formset.forms) == 2
    assert len(formsets["photos"].formset.forms) == 1


def test_event_change_page_queries_are_bounded_with_inline_rows(staff_client):
    one = make_event_with_parts(1)
    three = make_event_with_parts(3)
    staff_client.get(admin_url(Event, "change", one.pk))  # fills the content-type cache

    with_one_row = count_queries(staff_client, admin_url(Event, "change", one.pk))
    with_three_rows = count_queries(staff_client, admin_url(Event, "change", three.pk))

    # Django's autocomplete widget looks up its selected option: one query for each
    # filled-in organisation and person field (2 per row here), which the admin
    # cannot batch. Nothing else grows with the rows.
    autocomplete_lookups_per_row = 2
    assert with_three_rows == with_one_row + 2 * autocomplete_lookups_per_row


# --- Saving an event through the admin --------------------------------------


# A tentative third dialogue, dated only to its half-year, saved as a draft.
DIALOGUE = {
    "title": "Third Asia ICT and CT Dialogue",
    "slug": "third-asia-ict-ct-dialogue",
    "kind": Event.Kind.DIALOGUE,
    "status": Event.Status.TENTATIVE,
    "start_date": "2018-09-01",
    "end_date": "",
    "date_precision": "half_year",
    "city": "",
    "country": "",
    "summary": "The third dialogue.",
    "publication_status": "draft",
    "publish_at_0": "2018-01-01",
    "publish_at_1": "09:00:00",
}


def dialogue_form_data(**changes):
    return event_form_data(**(DIALOGUE | changes))


def test_event_add_form_creates_the_event_with_its_inlines(staff_client):
    theme = ThemeFactory()
    organization = OrganizationFactory(name="CTED")
    person = PersonFactory(name="Speaker One")
    data = dialogue_form_data(
        themes=[str(theme.pk)],
        **management_form("participations", 1),
        **{
            "participations-0-organization": str(organization.pk),
            "participations-0-stakeholder_kind": "",
            "participations-0-description": "",
            "participations-0-role": Participation.Role.CO_HOST,
            "participations-0-order": "0",
        },
        **management_form("contributions", 1),
        **{
            "contributions-0-person": str(person.pk),
            "contributions-0-role": Contribution.Role.KEYNOTE,
            "contributions-0-order": "0",
            "contributions-0-title": "Keynote",
            "contributions-0-summary": "",
            "contributions-0-quotation": "",
            "contributions-0-quotation_language": "en",
        },
    )

    response = staff_client.post(admin_url(Event, "add"), data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    event = Event.objects.get()
    assert event.title == "Third Asia ICT and CT Dialogue"
    # The model's clean() ran: a half-year is stored as the whole half-year.
    assert (event.start_date, event.end_date) == (
        datetime.date(2018, 7, 1),
        datetime.date(2018, 12, 31),
    )
    assert list(event.themes.all()) == [theme]
    assert event.publication_state == "draft"
    assert [(p.organization, p.role) for p in event.participations.all()] == [
        (organization, Participation.Role.CO_HOST)
    ]
    assert [(c.person, c.title) for c in event.contributions.all()] == [(person, "Keynote")]


def test_event_add_form_with_end_before_start_shows_error(staff_client):
    data = dialogue_form_data(start_date="2018-01-25", end_date="2018-01-24", date_precision="day")

    response = staff_client.post(admin_url(Event, "add"), data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "end_date": ["The end date cannot be before the start date."]
    }
    assert "The end date cannot be before the start date." in response.content.decode()
    assert Event.objects.count() == 0


# --- View on site -------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "page_of"),
    [
        pytest.param(ThemeFactory, lambda obj: obj, id="theme"),
        pytest.param(OrganizationFactory, lambda obj: obj, id="organization"),
        pytest.param(PersonFactory, lambda obj: obj, id="person"),
        pytest.param(EventSeriesFactory, lambda obj: obj, id="eventseries"),
        pytest.param(EventFactory, lambda obj: obj, id="event"),
        pytest.param(InitiativeFactory, lambda obj: obj, id="initiative"),
        pytest.param(ParticipationFactory, lambda obj: obj.event, id="participation"),
        pytest.param(ContributionFactory, lambda obj: obj.event, id="contribution"),
        pytest.param(PhotoFactory, lambda obj: obj.event, id="photo"),
        pytest.param(AttachmentFactory, lambda obj: obj.event, id="attachment"),
        pytest.param(InitiativePartnerFactory, lambda obj: obj.initiative, id="initiativepartner"),
    ],
)
def test_change_page_view_on_site_opens_the_public_page(staff_client, make, page_of):
    obj = make()

    response = staff_client.get(admin_url(type(obj), "change", obj.pk))

    link = response.context["adminform"].model_admin.get_view_on_site_url(obj)
    assert link in response.content.decode()
    if link.startswith("/admin/r/"):  # the admin's redirect to get_absolute_url()
        content_type = ContentType.objects.get_for_model(obj)
        assert link == reverse("admin:view_on_site", args=[content_type.pk, obj.pk])
        redirect = staff_client.get(link)
        assert redirect.url == f"http://testserver{page_of(obj).get_absolute_url()}"
    else:
        assert link == page_of(obj).get_absolute_url()


# --- Branding -----------------------------------------------------------------


def test_admin_index_shows_the_branding(staff_client):
    response = staff_client.get(reverse("admin:index"))

    content = response.content.decode()
    assert response.status_code == 200
    assert f">{admin.site.site_header}</a>" in content
    assert admin.site.site_header.startswith("ctdialogue")
    assert "Editing the public record of the Asia ICT and CT Dialogue" in content
    assert f"<title>{admin.site.index_title} | {admin.site.site_title}</title>" in content


def test_changelist_publish_at_column_shows_the_time(staff_client):
    ThemeFactory(
        publish_at=datetime.datetime(2018, 1, 20, 9, 30, tzinfo=timezone.get_current_timezone())
    )

    response = staff_client.get(admin_url(Theme, "changelist"))

    # The publish time is shown with its time zone (ctdialogue.publishing.admin.PublishableAdmin).
    assert '<td class="field-publish_time">20 January 2018, 09:30 (UTC)</td>' in (
        response.content.decode()
    )
