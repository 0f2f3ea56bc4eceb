import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from events.models import Event, Organization, Participation, Photo
from tests.factories import (
    ContributionFactory,
    EventFactory,
    EventSeriesFactory,
    OrganizationFactory,
    ParticipationFactory,
    PersonFactory,
    PhotoFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


def test_event_end_before_start_is_rejected_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(start_date=datetime.date(2018, 1, 25), end_date=datetime.date(2018, 1, 24))


def test_event_end_before_start_is_a_validation_error_with_a_message():
    event = EventFactory.build(
        start_date=datetime.date(2018, 1, 25), end_date=datetime.date(2018, 1, 24), slug="x"
    )
    with pytest.raises(ValidationError) as error:
        event.full_clean()

    assert "The end date cannot be before the start date." in str(error.value)


def test_duplicate_edition_in_series_is_rejected_by_the_database():
    series = EventSeriesFactory()
    EventFactory(series=series, edition=2)

    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(series=series, edition=2)


def test_same_edition_in_another_series_is_allowed():
    EventFactory(series=EventSeriesFactory(), edition=1)
    other = EventFactory(series=EventSeriesFactory(), edition=1)

    assert other.pk is not None


def test_edition_without_series_is_rejected_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(series=None, edition=3)


def test_duplicate_slug_is_rejected_by_the_database():
    EventFactory(slug="bangkok-2018")

    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(slug="bangkok-2018")


def test_participation_needs_organisation_or_group():
    event = EventFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Participation.objects.create(event=event, organization=None, stakeholder_kind="")


def test_participation_group_without_organisation_is_allowed():
    participation = ParticipationFactory(
        organization=None, stakeholder_kind="academia", description="Academics"
    )

    assert participation.participant_display == "Academics"
    assert participation.kind_display == "Academia"


def test_photo_without_alt_text_must_be_marked_decorative():
    with pytest.raises(IntegrityError), transaction.atomic():
        PhotoFactory(alt_text="", is_decorative=False)

    decorative = PhotoFactory(alt_text="", is_decorative=True)
    assert Photo.objects.filter(pk=decorative.pk).exists()


def test_event_edition_display_ordinals():
    assert [
        EventFactory.build(edition=n).edition_display for n in (1, 2, 3, 4, 11, 12, 21, 22, 103)
    ] == ["1st", "2nd", "3rd", "4th", "11th", "12th", "21st", "22nd", "103rd"]


def test_fuzzy_date_without_its_period_end_is_rejected_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.create(
            title="Half-year", slug="half", start_date=datetime.date(2018, 7, 1),
            end_date=None, date_precision="half_year",
        )  # fmt: skip


def test_same_stakeholder_group_twice_at_an_event_is_rejected():
    event = EventFactory()
    ParticipationFactory(event=event, organization=None, stakeholder_kind="academia")

    with pytest.raises(IntegrityError), transaction.atomic():
        ParticipationFactory(event=event, organization=None, stakeholder_kind="academia")


def test_same_speaker_role_twice_at_an_event_is_rejected():
    contribution = ContributionFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        ContributionFactory(
            event=contribution.event, person=contribution.person, role=contribution.role
        )


@pytest.mark.parametrize("slug", ["feed", "calendar", "export"])
def test_event_slug_that_the_list_uses_is_refused(slug):
    event = EventFactory.build(slug=slug)

    with pytest.raises(ValidationError) as error:
        event.full_clean(exclude=["series"])

    assert f"“{slug}” is reserved for the site" in str(error.value)


@pytest.mark.parametrize(
    ("title", "edition", "line", "names_edition"),
    [
        ("1st Asia ICT and CT Dialogue", 1, "", True),
        ("Asia ICT and CT Dialogue in Jeju", 3, "3rd edition", False),
        ("Workshop on digital evidence", 2, "2nd Asia ICT and CT Dialogue", False),
        ("Workshop on digital evidence", None, "Asia ICT and CT Dialogue", False),
        ("2nd workshop on digital evidence", 2, "Asia ICT and CT Dialogue", True),
    ],
)
def test_series_line_says_only_what_the_title_does_not(title, edition, line, names_edition):
    series = EventSeriesFactory(name="Asia ICT and CT Dialogue")
    event = EventFactory(title=title, series=series, edition=edition)

    assert event.series_line == line
    assert event.title_names_edition is names_edition


def test_series_timeline_and_cards_never_repeat_the_title(client):
    series = EventSeriesFactory(name="Asia ICT and CT Dialogue", slug="dialogue")
    event = EventFactory(title="1st Asia ICT and CT Dialogue", series=series, edition=1)

    timeline = client.get(series.get_absolute_url()).content.decode()
    detail = client.get(event.get_absolute_url()).content.decode()
    listing = client.get("/events/").content.decode()

    assert "1st Asia ICT and CT Dialogue" in timeline
    assert "1st: 1st" not in timeline
    assert '<p class="kicker"><a href="/series/dialogue/">All editions</a></p>' in detail
    assert listing.count("1st Asia ICT and CT Dialogue") == 1  # the card's title only


@pytest.mark.parametrize("consent", [False, True])
def test_person_portrait_and_biography_are_public_only_with_consent(consent):
    person = PersonFactory.build(
        bio="<p>A biography.</p>", photo="people/portrait.png", consent_to_publish=consent
    )

    assert (person.portrait == person.photo) is consent
    assert person.public_bio == ("<p>A biography.</p>" if consent else "")


def test_person_with_consent_but_no_photo_has_no_portrait():
    person = PersonFactory.build(consent_to_publish=True)

    assert person.portrait is None


def test_photo_address_is_in_its_event_gallery():
    photo = PhotoFactory(event=EventFactory(slug="bangkok"))

    assert photo.get_absolute_url() == f"/events/bangkok/photos/{photo.pk}/"


def test_count_by_year_and_theme_counts_an_event_under_each_public_theme():
    evidence = ThemeFactory(name="Evidence")
    radicalisation = ThemeFactory(name="Radicalisation")
    hidden = ThemeFactory(name="Hidden", draft=True)
    EventFactory(start_date="2017-05-01", end_date=None, themes=[evidence, radicalisation])
    EventFactory(start_date="2018-01-24", end_date=None, themes=[evidence, hidden])
    EventFactory(start_date="2018-06-01", end_date=None, themes=[hidden])
    EventFactory(start_date="2018-09-01", end_date=None, themes=[evidence], draft=True)

    counts = Event.objects.public().count_by_year_and_theme()

    assert counts == {2017: {"Evidence": 1, "Radicalisation": 1}, 2018: {"Evidence": 1}}


def test_count_by_kind_counts_each_organisation_or_group_once_per_event():
    ministry = OrganizationFactory(kind=Organization.Kind.MEMBER_STATE)
    company = OrganizationFactory(kind=Organization.Kind.PRIVATE_SECTOR)
    hidden = OrganizationFactory(kind=Organization.Kind.CIVIL_SOCIETY, scheduled=True)
    first, second = EventFactory(), EventFactory()
    ParticipationFactory(event=first, organization=ministry, role="co_host")
    ParticipationFactory(event=first, organization=ministry, role="participant")
    ParticipationFactory(event=second, organization=ministry)
    ParticipationFactory(event=first, organization=company)
    ParticipationFactory(event=first, organization=None, stakeholder_kind="private_sector")
    ParticipationFactory(event=second, organization=None, stakeholder_kind="academia")
    ParticipationFactory(event=first, organization=hidden)
    ParticipationFactory(event=EventFactory(draft=True), organization=company)

    counts = Participation.objects.public().count_by_kind()

    assert counts == {
        "member_state": {"participations": 2, "organisations": 1},
        "private_sector": {"participations": 2, "organisations": 1},
        "academia": {"participations": 1, "organisations": 0},
    }


@pytest.mark.parametrize(
    ("language", "ordinals", "line", "own_line"),
    [
        ("fr", ["1re", "2e", "21e"], "Dialogue Asie (2e édition)", "2e édition"),
        ("es", ["1.ª", "2.ª", "21.ª"], "Dialogue Asie (2.ª edición)", "2.ª edición"),
        ("ru", ["1-й", "2-й", "21-й"], "Dialogue Asie (2-й выпуск)", "2-й выпуск"),
        ("ar", ["1", "2", "21"], "Dialogue Asie (الدورة 2)", "الدورة 2"),
        ("zh-hans", ["第1", "第2", "第21"], "第2届Dialogue Asie", "第2届"),
    ],
)
def test_an_editions_ordinal_is_written_in_the_pages_language(language, ordinals, line, own_line):
    series = EventSeriesFactory(name="Dialogue Asie")
    workshop = EventFactory(title="Workshop", series=series, edition=2)
    named = EventFactory.build(title="Dialogue Asie in Jeju", series=series, edition=2)

    with translation.override(language):
        shown = [EventFactory.build(edition=n).edition_display for n in (1, 2, 21)]
        lines = (workshop.series_line, named.series_line)

    assert shown == ordinals
    assert lines == (line, own_line)
