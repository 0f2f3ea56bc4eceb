"""The demo content carries every fact of the source article, once, and nothing else."""

import datetime
import re
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import models

from events.models import (
    Contribution,
    Event,
    EventSeries,
    Initiative,
    Organization,
    Participation,
    Person,
    Theme,
)
from resolutions.models import Resolution, ResolutionRelation

SOURCE = Path(settings.BASE_DIR).parent / "shared" / "source" / "cted-bangkok-2018.txt"
SPAM_CHARACTERS = "缅北禁地"

BANGKOK = "2nd-asia-ict-ct-dialogue-bangkok"
THEME_NAMES = {
    "Online radicalisation and violent extremism",
    "Digital evidence and mutual legal assistance",
    "Protection of critical infrastructure against terrorist attacks",
    "Private-sector engagement and self-regulation",
}
RESOLUTIONS = {
    1373: datetime.date(2001, 9, 28),
    1535: datetime.date(2004, 3, 26),
    1624: datetime.date(2005, 9, 14),
    2129: datetime.date(2013, 12, 17),
    2178: datetime.date(2014, 9, 24),
    2322: datetime.date(2016, 12, 12),
    2341: datetime.date(2017, 2, 13),
    2354: datetime.date(2017, 5, 24),
    2395: datetime.date(2017, 12, 21),
    2396: datetime.date(2017, 12, 21),
    2462: datetime.date(2019, 3, 28),
    2617: datetime.date(2021, 12, 30),
}


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


@pytest.fixture
def demo(db):
    load_demo()


@pytest.fixture
def bangkok(demo):
    return Event.objects.get(slug=BANGKOK)


def project_models():
    return [
        model for model in apps.get_models() if model._meta.app_label in {"events", "resolutions"}
    ]


def text_values():
    """Every non-empty text value of every row of every model of the project."""
    for model in project_models():
        fields = [
            f.attname
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField)
        ]
        for row in model.objects.values_list("pk", *fields):
            for name, value in zip(fields, row[1:], strict=True):
                if value:
                    yield f"{model.__name__}.{name} #{row[0]}", str(value)


def source_text() -> str:
    if not SOURCE.exists():
        pytest.skip(f"The source article is not at {SOURCE}: nothing to compare against.")
    return SOURCE.read_text(encoding="utf-8")


def source_quotation() -> str:
    """The words between the curly quotes that open the article's third paragraph."""
    paragraphs = [line for line in source_text().splitlines() if line.strip()]
    third = paragraphs[2]
    assert third.startswith("“")
    return third[1 : third.index("”")]


# --- The series and its three events ---------------------------------------


def test_series_has_three_editions_in_order(demo):
    series = EventSeries.objects.get(slug="asia-ict-ct-dialogue")

    events = list(series.events.chronological())

    assert series.name == "Asia ICT and CT Dialogue"
    assert [event.edition for event in events] == [1, 2, 3]
    assert [event.edition_display for event in events] == ["1st", "2nd", "3rd"]


def test_first_event_is_jeju_at_month_precision(demo):
    event = Event.objects.get(series__slug="asia-ict-ct-dialogue", edition=1)

    assert (event.city, event.country.code) == ("Jeju", "KR")
    assert event.date_precision == "month"
    assert (event.start_date, event.end_date) == (
        datetime.date(2017, 5, 1),
        datetime.date(2017, 5, 31),
    )
    assert event.status == Event.Status.HELD
    assert event.date_display == "May 2017"


def test_second_event_is_bangkok_workshop(bangkok):
    assert bangkok.edition == 2
    assert (bangkok.city, bangkok.country.code) == ("Bangkok", "TH")
    assert (bangkok.start_date, bangkok.end_date) == (
        datetime.date(2018, 1, 24),
        datetime.date(2018, 1, 25),
    )
    assert bangkok.date_precision == "day"
    assert bangkok.date_display == "24-25 January 2018"
    assert bangkok.status == Event.Status.HELD
    assert bangkok.kind == Event.Kind.WORKSHOP
    assert "practical ways to strengthen implementation" in bangkok.summary
    assert "Security Council resolutions" in bangkok.summary


def test_third_event_is_tentative_second_half_of_2018(demo):
    event = Event.objects.get(series__slug="asia-ict-ct-dialogue", edition=3)

    assert event.status == Event.Status.TENTATIVE
    assert event.date_precision == "half_year"
    assert (event.start_date, event.end_date) == (
        datetime.date(2018, 7, 1),
        datetime.date(2018, 12, 31),
    )
    assert event.date_display == "Second half of 2018 (tentative)"
    assert "general principles" in event.expected_outcome
    assert "recommendations" in event.expected_outcome


def test_bangkok_body_carries_cted_message(bangkok):
    body = bangkok.body

    assert body.startswith("<p>")
    assert body.endswith("</p>")
    assert "whole of society" in body
    assert "comprehensive approach" in body
    assert "conditions in which violent extremism" in body
    assert "civil society" in body


def test_everything_is_published(demo):
    publishable = [
        Theme,
        Organization,
        Person,
        EventSeries,
        Event,
        Initiative,
        Resolution,
    ]

    for model in publishable:
        assert model.objects.count() == model.objects.published().count(), model


# --- Who took part ----------------------------------------------------------


def test_bangkok_is_co_hosted_by_both_ministries(bangkok):
    co_hosts = bangkok.participations.filter(role=Participation.Role.CO_HOST)

    assert {(p.organization.kind, p.organization.country.code) for p in co_hosts} == {
        (Organization.Kind.MEMBER_STATE, "KR"),
        (Organization.Kind.MEMBER_STATE, "TH"),
    }
    assert {p.organization.name for p in co_hosts} == {
        "Ministry of Foreign Affairs of the Republic of Korea",
        "Ministry of Foreign Affairs of Thailand",
    }


def test_bangkok_involves_cted_as_partner(bangkok):
    participation = bangkok.participations.get(organization__acronym="CTED")

    assert participation.role == Participation.Role.PARTNER
    assert participation.organization.name == "Counter-Terrorism Committee Executive Directorate"
    assert participation.organization.kind == Organization.Kind.UN_ENTITY


def test_bangkok_stakeholder_groups_take_part_without_organisation(bangkok):
    groups = bangkok.participations.filter(organization__isnull=True)

    assert {p.stakeholder_kind for p in groups} == {
        "member_state",
        "private_sector",
        "civil_society",
        "academia",
    }
    assert {p.role for p in groups} == {Participation.Role.PARTICIPANT}
    assert all(p.description.startswith("Representatives of") for p in groups)


def test_bangkok_has_all_four_themes(bangkok):
    assert {theme.name for theme in bangkok.themes.all()} == THEME_NAMES
    assert all(theme.description for theme in Theme.objects.all())


# --- The speaker ------------------------------------------------------------


def test_speaker_is_andrei_kovalenko_of_cted(demo):
    person = Person.objects.get(name="Andrei Kovalenko")

    assert person.full_name == "Mr. Andrei Kovalenko"
    assert person.position == (
        "Director in charge of the Administration and Information Office of CTED"
    )
    assert person.organization.acronym == "CTED"


def test_speaker_page_shows_his_biography_and_no_portrait(client, demo):
    person = Person.objects.get(name="Andrei Kovalenko")

    page = client.get(person.get_absolute_url()).content.decode()

    assert person.consent_to_publish is True
    assert person.consent_recorded_at is not None
    assert f'<div class="prose">{person.bio}</div>' in page
    assert "Administration and Information Office" in person.bio
    assert "Bangkok" in person.bio
    # Never an invented likeness of a real person: no portrait, and no empty box for one.
    assert not person.photo
    assert "portrait" not in page


def test_speaker_address_quotes_the_article_verbatim(bangkok):
    contribution = Contribution.objects.get(event=bangkok, person__name="Andrei Kovalenko")

    assert contribution.role == Contribution.Role.ADDRESS
    assert contribution.quotation == source_quotation()
    assert contribution.quotation_language == "en"
    assert "Tech Against Terrorism" in contribution.summary
    assert "prosecutors" in contribution.summary


# --- Initiatives and resolutions -------------------------------------------


def test_tech_against_terrorism_with_partners_and_website(bangkok):
    initiative = Initiative.objects.get(name="Tech Against Terrorism")

    partners = {(p.organization.name, p.role) for p in initiative.partnerships.all()}

    assert initiative.launched == 2016
    assert initiative.website == "https://www.techagainstterrorism.org/"
    assert partners == {
        ("Counter-Terrorism Committee Executive Directorate", "lead"),
        ("ICT4Peace", "partner"),
    }
    ict4peace = Organization.objects.get(name="ICT4Peace")
    assert (ict4peace.kind, ict4peace.country.code) == (Organization.Kind.NGO, "CH")
    assert "social-media platforms" in initiative.summary
    assert list(initiative.events.all()) == [bangkok]
    assert initiative.themes.exists()


def test_prosecutors_initiative_with_iap_and_unodc(bangkok):
    initiative = Initiative.objects.get(partners__acronym="IAP")

    partners = {(p.organization.acronym, p.role) for p in initiative.partnerships.all()}

    assert partners == {("CTED", "lead"), ("IAP", "partner"), ("UNODC", "partner")}
    iap = Organization.objects.get(acronym="IAP")
    assert (iap.name, iap.kind, iap.country.code) == (
        "International Association of Prosecutors",
        Organization.Kind.PROFESSIONAL,
        "NL",
    )
    assert Organization.objects.get(acronym="UNODC").kind == Organization.Kind.UN_ENTITY
    assert initiative.website == "https://www.iap-association.org/"
    assert "digital evidence" in initiative.name.lower()
    assert [theme.name for theme in initiative.themes.all()] == [
        "Digital evidence and mutual legal assistance"
    ]
    assert list(initiative.events.all()) == [bangkok]


def test_catalogue_has_all_twelve_resolutions(demo):
    resolutions = {resolution.number: resolution for resolution in Resolution.objects.all()}

    assert {number: r.adopted_on for number, r in resolutions.items()} == RESOLUTIONS
    assert resolutions[1373].symbol == "S/RES/1373 (2001)"
    assert resolutions[2395].symbol == "S/RES/2395 (2017)"
    assert resolutions[2395].official_url == "https://undocs.org/S/RES/2395(2017)"
    assert all(r.title and r.document_url == "" for r in resolutions.values())
    assert all(r.year == r.adopted_on.year for r in resolutions.values())
    assert resolutions[1624].agenda_item == "Threats to international peace and security"
    assert {r.agenda_item for n, r in resolutions.items() if n != 1624} == {
        "Threats to international peace and security caused by terrorist acts"
    }


def test_resolutions_2395_and_2396_recognise_tech_against_terrorism(demo):
    initiative = Initiative.objects.get(name="Tech Against Terrorism")

    assert sorted(initiative.resolutions.values_list("number", flat=True)) == [2395, 2396]


def test_bangkok_discussed_the_related_resolutions(bangkok):
    numbers = sorted(bangkok.resolutions.values_list("number", flat=True))

    assert numbers == [2129, 2322, 2341, 2354, 2395, 2396]


# --- Integrity and idempotence ---------------------------------------------


def test_no_injected_text_or_empty_brackets(demo):
    values = list(text_values())

    assert values
    for where, value in values:
        if "_zh_hans #" in where:  # Chinese translations: the phrase, not its characters
            assert SPAM_CHARACTERS not in value, where
        else:
            assert not set(value) & set(SPAM_CHARACTERS), where
        assert "()" not in value, where


def words(text: str) -> list[str]:
    return re.findall(r"[\w\u2019']+", re.sub(r"<[^>]+>", " ", text).lower())


def test_demo_text_is_in_our_own_words(demo):
    """Apart from the quotation, no run of 12 words is taken from the article.

    Shorter runs are names, titles and terms: Mr. Kovalenko's title, "Director in charge
    of the Administration and Information Office of CTED", is eleven words long.
    """
    article = words(source_text())
    length = 12
    runs = {tuple(article[i : i + length]) for i in range(len(article) - length + 1)}

    for where, value in text_values():
        if where.startswith("Contribution.quotation"):
            continue
        found = words(value)
        copied = [
            " ".join(found[i : i + length])
            for i in range(len(found) - length + 1)
            if tuple(found[i : i + length]) in runs
        ]
        assert copied == [], where


def test_second_run_changes_nothing(demo):
    counts = {model: model.objects.count() for model in apps.get_models()}
    updated = {
        model: dict(model.objects.values_list("pk", "updated_at"))
        for model in project_models()
        if any(f.name == "updated_at" for f in model._meta.fields)
    }

    output = load_demo()

    assert {model: model.objects.count() for model in apps.get_models()} == counts
    for model, stamps in updated.items():
        assert dict(model.objects.values_list("pk", "updated_at")) == stamps, model
    assert "already up to date" in output


def test_every_record_has_its_first_version(demo):
    from reversion.models import Version

    for model in (Theme, Organization, Person, EventSeries, Event, Initiative, Resolution):
        for record in model.objects.all():
            [version] = Version.objects.get_for_object(record)
            assert version.revision.get_comment() == "First version, from the demo content."


def test_load_demo_restores_an_edited_row(demo):
    Event.objects.filter(slug=BANGKOK).update(city="Somewhere else")

    output = load_demo()

    assert Event.objects.get(slug=BANGKOK).city == "Bangkok"
    assert "events: 0 created, 1 updated, 2 unchanged" in output


def test_first_run_reports_what_it_created(db):
    output = load_demo()

    assert "resolutions: 12 created, 0 updated, 0 unchanged" in output
    assert "events: 3 created" in output


def test_cted_mandate_renewals_extend_resolution_1535(demo):
    extends = ResolutionRelation.objects.filter(kind="extends").values_list(
        "source__number", "target__number"
    )

    assert sorted(extends) == [(2129, 1535), (2395, 1535), (2617, 1535)]


def test_every_relation_points_back_in_time_and_2617_refers_to_what_came_before(demo):
    relations = list(ResolutionRelation.objects.select_related("source", "target"))
    referred = ResolutionRelation.objects.filter(source__number=2617).values_list(
        "target__number", flat=True
    )

    assert len(relations) == 46
    assert all(r.target.number < r.source.number for r in relations)
    assert set(referred) == {1535, 1624, 2129, 2178, 2322, 2341, 2354, 2395, 2396, 2462}


#: Meeting and vote, where an official UN record says so; empty where it was not found.
ADOPTION = {
    1373: ("S/PV.4385", ""),
    1535: ("S/PV.4936", ""),
    1624: ("S/PV.5261", "15-0-0"),
    2178: ("S/PV.7272", ""),
    2341: ("S/PV.7882", "15-0-0"),
    2395: ("S/PV.8146", "15-0-0"),
    2396: ("S/PV.8148", "15-0-0"),
    2617: ("", "15-0-0"),  # adopted by written procedure, without a meeting
}


def test_resolutions_carry_meeting_and_vote_only_where_the_record_gives_them(demo):
    resolutions = Resolution.objects.in_bulk(ADOPTION, field_name="number")

    for number, (record, tally) in ADOPTION.items():
        assert (resolutions[number].meeting_record, resolutions[number].vote_tally) == (
            record,
            tally,
        ), number
    assert resolutions[2395].vote_summary.endswith("(unanimous)")
    assert not Resolution.objects.exclude(official_title="").exists()  # none copied yet
