"""The demo content: the Asia ICT and CT Dialogue as the source article tells it.

Everything here is written in our own words from the CTED news article about the
second workshop (Bangkok, January 2018), except Mr. Kovalenko's quotation, which is
verbatim and attributed. The article as scraped carried an injected spam phrase and an
empty pair of brackets where a link was lost; neither belongs here: links are
structured data (an initiative's website), not loose text.

Its translations into the five other UN languages are ours too, in ``translations/``
(``translated.py`` loads them).

``load_demo()`` is idempotent: rows are keyed by slug, number or their natural key,
a row is saved only when a value differs, and many-to-many links are ``set()``.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.core.management import call_command
from django.db import models, transaction

from ctdialogue.publishing.models import Publishable
from events.dates import DatePrecision
from events.models import (
    Contribution,
    Event,
    EventSeries,
    Initiative,
    InitiativePartner,
    Organization,
    Participation,
    Person,
    Theme,
)
from resolutions.models import Resolution, ResolutionRelation

from .translated import load_translations

PUBLISHED = Publishable.PublicationStatus.PUBLISHED


def _at_noon(year: int, month: int, day: int) -> datetime.datetime:
    """A fixed publish time, so that a second run changes nothing."""
    return datetime.datetime(year, month, day, 12, 0, tzinfo=datetime.UTC)


# The day the article on the Bangkok workshop was ours to publish from.
ARTICLE_PUBLISHED_AT = _at_noon(2018, 1, 26)

SERIES_SLUG = "asia-ict-ct-dialogue"

# --- Themes -----------------------------------------------------------------

RADICALISATION = "online-radicalisation-and-violent-extremism"
DIGITAL_EVIDENCE = "digital-evidence-and-mutual-legal-assistance"
CRITICAL_INFRASTRUCTURE = "protection-of-critical-infrastructure-against-terrorist-attacks"
PRIVATE_SECTOR = "private-sector-engagement-and-self-regulation"

THEMES = [
    {
        "slug": RADICALISATION,
        "name": "Online radicalisation and violent extremism",
        "description": (
            "How terrorist groups use websites, social media and messaging services to "
            "recruit and radicalise people, and how governments, platforms and communities "
            "can respond without curbing lawful speech."
        ),
    },
    {
        "slug": DIGITAL_EVIDENCE,
        "name": "Digital evidence and mutual legal assistance",
        "description": (
            "Obtaining electronic data held by service providers, often in another "
            "country, quickly and lawfully enough for it to be used in terrorism cases, "
            "and the cooperation between states this requires."
        ),
    },
    {
        "slug": CRITICAL_INFRASTRUCTURE,
        "name": "Protection of critical infrastructure against terrorist attacks",
        "description": (
            "Keeping the systems that societies depend on, such as energy, transport, "
            "finance and communications, safe from terrorist attacks, including attacks "
            "carried out through computer networks."
        ),
    },
    {
        "slug": PRIVATE_SECTOR,
        "name": "Private-sector engagement and self-regulation",
        "description": (
            "Working with technology companies, large and small, on the rules and tools "
            "they adopt themselves to keep terrorist content and activity off their "
            "services."
        ),
    },
]

# --- Organisations ----------------------------------------------------------

CTED = "counter-terrorism-committee-executive-directorate"
CTC = "counter-terrorism-committee"
MOFA_KOREA = "ministry-of-foreign-affairs-republic-of-korea"
MOFA_THAILAND = "ministry-of-foreign-affairs-thailand"
ICT4PEACE = "ict4peace"
IAP = "international-association-of-prosecutors"
UNODC = "united-nations-office-on-drugs-and-crime"

ORGANIZATIONS = [
    {
        "slug": CTC,
        "name": "Counter-Terrorism Committee",
        "acronym": "CTC",
        "kind": Organization.Kind.UN_ENTITY,
        "country": "",
        "website": "https://www.un.org/securitycouncil/ctc/",
        "description": (
            "The committee of the UN Security Council created by resolution 1373 (2001) "
            "to monitor how Member States implement it."
        ),
    },
    {
        "slug": CTED,
        "name": "Counter-Terrorism Committee Executive Directorate",
        "acronym": "CTED",
        "kind": Organization.Kind.UN_ENTITY,
        "country": "",
        "website": "https://www.un.org/securitycouncil/ctc/",
        "description": (
            "The United Nations body, set up by resolution 1535 (2004), that carries out "
            "the policy decisions of the Security Council's Counter-Terrorism Committee "
            "and assesses how Member States implement the Council's counter-terrorism "
            "resolutions."
        ),
    },
    {
        "slug": MOFA_KOREA,
        "name": "Ministry of Foreign Affairs of the Republic of Korea",
        "acronym": "",
        "kind": Organization.Kind.MEMBER_STATE,
        "country": "KR",
        "website": "",
        "description": "Co-host of the second Asia ICT and CT Dialogue in Bangkok.",
    },
    {
        "slug": MOFA_THAILAND,
        "name": "Ministry of Foreign Affairs of Thailand",
        "acronym": "",
        "kind": Organization.Kind.MEMBER_STATE,
        "country": "TH",
        "website": "",
        "description": "Co-host of the second Asia ICT and CT Dialogue in Bangkok.",
    },
    {
        "slug": ICT4PEACE,
        "name": "ICT4Peace",
        "acronym": "",
        "kind": Organization.Kind.NGO,
        "country": "CH",
        "website": "https://ict4peace.org/",
        "description": (
            "A non-governmental organisation based in Switzerland; CTED's partner in "
            "launching Tech Against Terrorism."
        ),
    },
    {
        "slug": IAP,
        "name": "International Association of Prosecutors",
        "acronym": "IAP",
        "kind": Organization.Kind.PROFESSIONAL,
        "country": "NL",
        "website": "https://www.iap-association.org/",
        "description": "The worldwide professional association of prosecutors.",
    },
    {
        "slug": UNODC,
        "name": "United Nations Office on Drugs and Crime",
        "acronym": "UNODC",
        "kind": Organization.Kind.UN_ENTITY,
        "country": "",
        "website": "https://www.unodc.org/",
        "description": (
            "The UN office that helps Member States against crime, drugs and terrorism, "
            "including by training criminal-justice officials."
        ),
    },
]

# --- Series and events ------------------------------------------------------

SERIES = {
    "slug": SERIES_SLUG,
    "name": "Asia ICT and CT Dialogue",
    "description": (
        "A series of workshops in Asia on information and communications technologies "
        "(ICT) and counter-terrorism (CT). Member States, technology companies, civil "
        "society and researchers meet with the UN Counter-Terrorism Committee Executive "
        "Directorate (CTED) to work out how the Security Council's resolutions in this "
        "field can be put into practice."
    ),
    "publish_at": _at_noon(2017, 5, 1),
}

JEJU = "1st-asia-ict-ct-dialogue-jeju"
BANGKOK = "2nd-asia-ict-ct-dialogue-bangkok"
THIRD = "3rd-asia-ict-ct-dialogue"

EVENTS = [
    {
        "slug": JEJU,
        "edition": 1,
        "title": "1st Asia ICT and CT Dialogue",
        "kind": Event.Kind.WORKSHOP,
        "status": Event.Status.HELD,
        # Only the month is on record.
        "start_date": datetime.date(2017, 5, 1),
        "end_date": None,
        "date_precision": DatePrecision.MONTH,
        "city": "Jeju",
        "country": "KR",
        "venue": "",
        "summary": (
            "The opening workshop of the series, on Jeju island, where participants took "
            "stock of the challenges that ICT poses for counter-terrorism."
        ),
        "body": (
            "<p>The series began with a workshop in Jeju, Republic of Korea, in May 2017. "
            "It gave participants a first opportunity to set out and discuss the "
            "difficulties they were facing at the time.</p>"
        ),
        "expected_outcome": "",
        "outcome": "A shared picture of the current challenges, on which later workshops built.",
        "themes": [],
        "publish_at": _at_noon(2017, 5, 1),
    },
    {
        "slug": BANGKOK,
        "edition": 2,
        "title": "2nd Asia ICT and CT Dialogue",
        "kind": Event.Kind.WORKSHOP,
        "status": Event.Status.HELD,
        "start_date": datetime.date(2018, 1, 24),
        "end_date": datetime.date(2018, 1, 25),
        "date_precision": DatePrecision.DAY,
        "city": "Bangkok",
        "country": "TH",
        "venue": "",
        "summary": (
            "A two-day workshop in Bangkok that focused on practical ways to strengthen "
            "implementation of the relevant Security Council resolutions on ICT and "
            "counter-terrorism."
        ),
        "body": (
            "<p>The Ministries of Foreign Affairs of the Republic of Korea and of Thailand "
            "co-hosted the second workshop of the dialogue in Bangkok, with the "
            "participation of the UN Counter-Terrorism Committee Executive Directorate "
            "(CTED). It looked for practical means of putting the Security Council's "
            "resolutions on ICT and counter-terrorism into effect.</p>"
            "<p>Mr. Andrei Kovalenko of CTED explained what the Executive Directorate does "
            "and presented two initiatives it takes part in: Tech Against Terrorism, "
            "which works with technology companies, and a project with the International "
            "Association of Prosecutors and UNODC on prosecutors' access to digital "
            "evidence.</p>"
            "<p>Government officials, company representatives, civil-society groups and "
            "researchers compared notes on four subjects: radicalisation and violent "
            "extremism online; securing electronic evidence and legal assistance between "
            "states; shielding critical infrastructure from terrorist attack; and what "
            "technology companies can do, including by regulating themselves.</p>"
            "<p>Building on the first meeting in Jeju, which had mapped the current "
            "challenges, this meeting went deeper into a few key themes. Panellists "
            "observed that technology is changing faster than policy, so responses to "
            "terrorist use of ICT cannot wait.</p>"
            "<p>CTED called for a comprehensive approach involving the whole of society. "
            "It also stressed tackling the conditions in which violent extremism, which "
            "can lead to terrorism, spreads, among other things through dialogue and "
            "joint work with civil society and other stakeholders.</p>"
        ),
        "expected_outcome": "",
        "outcome": (
            "Participants came away with a deeper understanding of several critical "
            "themes, building on the challenges identified in Jeju."
        ),
        "themes": [RADICALISATION, DIGITAL_EVIDENCE, CRITICAL_INFRASTRUCTURE, PRIVATE_SECTOR],
        "publish_at": ARTICLE_PUBLISHED_AT,
    },
    {
        "slug": THIRD,
        "edition": 3,
        "title": "3rd Asia ICT and CT Dialogue",
        "kind": Event.Kind.WORKSHOP,
        "status": Event.Status.TENTATIVE,
        # Only "the second half of 2018" is on record, and only tentatively.
        "start_date": datetime.date(2018, 7, 1),
        "end_date": None,
        "date_precision": DatePrecision.HALF_YEAR,
        "city": "",
        "country": "",
        "venue": "",
        "summary": (
            "The third workshop of the series, provisionally planned for the second half of 2018."
        ),
        "body": (
            "<p>A third workshop was pencilled in for the second half of 2018. Its date "
            "and place were not yet fixed when the second workshop took place.</p>"
        ),
        "expected_outcome": (
            "Agreement on a set of general principles, together with recommendations on "
            "how work in this field should continue."
        ),
        "outcome": "",
        "themes": [],
        "publish_at": ARTICLE_PUBLISHED_AT,
    },
]

# (event, organisation or None, stakeholder group, role, description, order)
PARTICIPATIONS = [
    (BANGKOK, MOFA_KOREA, "", Participation.Role.CO_HOST, "", 0),
    (BANGKOK, MOFA_THAILAND, "", Participation.Role.CO_HOST, "", 1),
    (BANGKOK, CTED, "", Participation.Role.PARTNER, "", 2),
    (
        BANGKOK,
        None,
        Organization.Kind.MEMBER_STATE,
        Participation.Role.PARTICIPANT,
        "Representatives of Member States",
        3,
    ),
    (
        BANGKOK,
        None,
        Organization.Kind.PRIVATE_SECTOR,
        Participation.Role.PARTICIPANT,
        "Representatives of the private sector",
        4,
    ),
    (
        BANGKOK,
        None,
        Organization.Kind.CIVIL_SOCIETY,
        Participation.Role.PARTICIPANT,
        "Representatives of civil society",
        5,
    ),
    (
        BANGKOK,
        None,
        Organization.Kind.ACADEMIA,
        Participation.Role.PARTICIPANT,
        "Representatives of academia",
        6,
    ),
]

# --- People and what they said ----------------------------------------------

KOVALENKO = "andrei-kovalenko"

PEOPLE = [
    {
        "slug": KOVALENKO,
        "honorific": "Mr.",
        "name": "Andrei Kovalenko",
        "position": "Director in charge of the Administration and Information Office of CTED",
        "organization": CTED,
        # The demo restates only what the UN's published article says about him: his
        # position, and what he did at the Bangkok workshop. Nothing else (no career,
        # no nationality), and no portrait: we never invent a likeness of a real person.
        "bio": (
            "<p>As the Director in charge of CTED's Administration and Information Office, "
            "Mr. Kovalenko addressed the second Asia ICT and CT Dialogue, held in Bangkok in "
            "January 2018. He outlined the role and work of the Executive Directorate and "
            "described two of its initiatives: Tech Against Terrorism, and a project with "
            "the International Association of Prosecutors and UNODC that helps prosecutors "
            "cooperate internationally and obtain digital evidence in time.</p>"
        ),
        # Consent to show the biography, recorded at the demo's fixed publication time
        # (a fixed value, so that loading the demo twice changes nothing).
        "consent_to_publish": True,
        "consent_recorded_at": ARTICLE_PUBLISHED_AT,
        "publish_at": ARTICLE_PUBLISHED_AT,
    },
]

# Verbatim, as it opens the third paragraph of the article; without the quote marks.
KOVALENKO_QUOTATION = (
    "Terrorists and terrorist groups exploit the Internet and social media not only to "
    "commit terrorist acts, but also to facilitate a wide range of terrorist activities. "
    "As part of the mandate given to us by the Security Council, CTED is involved in "
    "several initiatives that seek to address this issue."
)

CONTRIBUTIONS = [
    {
        "event": BANGKOK,
        "person": KOVALENKO,
        "role": Contribution.Role.ADDRESS,
        "title": "The role and activities of CTED",
        "summary": (
            "Mr. Kovalenko presented the mandate and work of the Executive Directorate and "
            "went into two of its initiatives in more depth. The first, Tech Against "
            "Terrorism, was started by CTED and ICT4Peace in 2016 to bring technology "
            "companies, including the largest Internet and social-media platforms, into "
            "the response to terrorist use of their services. The second, run with the "
            "International Association of Prosecutors and UNODC, helps prosecutors "
            "working on terrorism cases cooperate across borders and obtain digital "
            "evidence in time."
        ),
        "quotation": KOVALENKO_QUOTATION,
        "quotation_language": "en",
        "order": 0,
    },
]

# --- Initiatives ------------------------------------------------------------

TECH_AGAINST_TERRORISM = "tech-against-terrorism"
PROSECUTORS_PROJECT = "prosecutors-and-digital-evidence"

INITIATIVES = [
    {
        "slug": TECH_AGAINST_TERRORISM,
        "name": "Tech Against Terrorism",
        "acronym": "",
        "launched": 2016,
        "website": "https://www.techagainstterrorism.org/",
        "summary": (
            "A project on how the private sector can respond to the use and misuse of ICT "
            "for terrorist purposes, started in 2016 by CTED and the Swiss NGO ICT4Peace. "
            "It works with the major Internet and social-media platforms, and several "
            "Security Council resolutions, 2395 (2017) and 2396 (2017) among them, have "
            "recognised it."
        ),
        "themes": [PRIVATE_SECTOR, RADICALISATION],
        "events": [BANGKOK],
        # (organisation, role, order)
        "partners": [
            (CTED, InitiativePartner.Role.LEAD, 0),
            (ICT4PEACE, InitiativePartner.Role.PARTNER, 1),
        ],
    },
    {
        "slug": PROSECUTORS_PROJECT,
        "name": "Strengthening international cooperation among prosecutors on digital evidence",
        "acronym": "",
        "launched": None,
        "website": "https://www.iap-association.org/",
        "summary": (
            "A project of CTED with the International Association of Prosecutors and "
            "UNODC. It helps prosecutors who handle terrorism cases work together across "
            "borders and builds their ability to secure electronic evidence quickly."
        ),
        "themes": [DIGITAL_EVIDENCE],
        "events": [BANGKOK],
        "partners": [
            (CTED, InitiativePartner.Role.LEAD, 0),
            (IAP, InitiativePartner.Role.PARTNER, 1),
            (UNODC, InitiativePartner.Role.PARTNER, 2),
        ],
    },
]

# --- Resolutions ------------------------------------------------------------

TERRORIST_ACTS = "Threats to international peace and security caused by terrorist acts"

# How each resolution was adopted. Meeting numbers are those printed at the head of the
# resolution's own text ("Adopted by the Security Council at its 8146th meeting"), the
# document the page links to; 2617 (2021) was adopted by written procedure, without a
# meeting. A vote is recorded only where a UN press release or the UN's audiovisual
# library says it was unanimous (press.un.org SC/11219, SC/12620, SC/12714, SC/12839,
# SC/13136, SC/13138, SC/13754, SC/14756; the 2005 round-up SC/8614 for 1624); for
# 1373, 1535 and 2178 only other sites were found, so the vote is left empty.
UNANIMOUS = {"vote": "recorded", "votes_for": 15, "votes_against": 0, "abstentions": 0}
NOT_CHECKED = {"vote": "", "votes_for": None, "votes_against": None, "abstentions": None}

RESOLUTIONS = [
    {
        "number": 1373,
        "meeting": 4385,
        "vote": NOT_CHECKED,
        "adopted_on": datetime.date(2001, 9, 28),
        "title": (
            "Threats to international peace and security caused by terrorist acts; "
            "creation of the Counter-Terrorism Committee"
        ),
        "agenda_item": TERRORIST_ACTS,
        "themes": [],
        "initiatives": [],
        "events": [],
    },
    {
        "number": 1535,
        "meeting": 4936,
        "vote": NOT_CHECKED,
        "adopted_on": datetime.date(2004, 3, 26),
        "title": "Creation of the Counter-Terrorism Committee Executive Directorate (CTED)",
        "agenda_item": TERRORIST_ACTS,
        "themes": [],
        "initiatives": [],
        "events": [],
    },
    {
        "number": 1624,
        "meeting": 5261,
        "vote": UNANIMOUS,
        "adopted_on": datetime.date(2005, 9, 14),
        "title": "Prohibition of incitement to commit terrorist acts",
        "agenda_item": "Threats to international peace and security",
        "themes": [RADICALISATION],
        "initiatives": [],
        "events": [],
    },
    {
        "number": 2129,
        "meeting": 7086,
        "vote": UNANIMOUS,
        "adopted_on": datetime.date(2013, 12, 17),
        "title": "Renewal of CTED's mandate; terrorist use of ICT",
        "agenda_item": TERRORIST_ACTS,
        "themes": [RADICALISATION],
        "initiatives": [],
        "events": [BANGKOK],
    },
    {
        "number": 2178,
        "meeting": 7272,
        "vote": NOT_CHECKED,
        "adopted_on": datetime.date(2014, 9, 24),
        "title": "Foreign terrorist fighters",
        "agenda_item": TERRORIST_ACTS,
        "themes": [],
        "initiatives": [],
        "events": [],
    },
    {
        "number": 2322,
        "meeting": 7831,
        "vote": UNANIMOUS,
        "adopted_on": datetime.date(2016, 12, 12),
        "title": (
            "International judicial and law-enforcement cooperation against terrorism, "
            "digital evidence included"
        ),
        "agenda_item": TERRORIST_ACTS,
        "themes": [DIGITAL_EVIDENCE],
        "initiatives": [],
        "events": [BANGKOK],
    },
    {
        "number": 2341,
        "meeting": 7882,
        "vote": UNANIMOUS,
        "adopted_on": datetime.date(2017, 2, 13),
        "title": "Protecting critical infrastructure from terrorist attacks",
        "agenda_item": TERRORIST_ACTS,
        "themes": [CRITICAL_INFRASTRUCTURE],
        "initiatives": [],
        "events": [BANGKOK],
    },
    {
        "number": 2354,
        "meeting": 7949,
        "vote": UNANIMOUS,
        "adopted_on": datetime.date(2017, 5, 24),
        "title": "A comprehensive international framework for countering terrorist narratives",
        "agenda_item": TERRORIST_ACTS,
        "themes": [RADICALISATION],
        "initiatives": [],
        "events": [BANGKOK],
    },
    {
        "number": 2395,
        "meeting": 8146,
        "vote": UNANIMOUS,
        "adopted_on": datetime.date(2017, 12, 21),
        "title": "Renewal of CTED's mandate; recognition of Tech Against Terrorism",
        "agenda_item": TERRORIST_ACTS,
        "themes": [PRIVATE_SECTOR],
        "initiatives": [TECH_AGAINST_TERRORISM],
        "events": [BANGKOK],
    },
    {
        "number": 2396,
        "meeting": 8148,
        "vote": UNANIMOUS,
        "adopted_on": datetime.date(2017, 12, 21),
        "title": (
            "Returning and relocating foreign terrorist fighters, including ICT, evidence "
            "and cooperation with the private sector"
        ),
        "agenda_item": TERRORIST_ACTS,
        "themes": [DIGITAL_EVIDENCE, PRIVATE_SECTOR],
        "initiatives": [TECH_AGAINST_TERRORISM],
        "events": [BANGKOK],
    },
    {
        "number": 2462,
        "meeting": 8496,
        "vote": UNANIMOUS,
        "adopted_on": datetime.date(2019, 3, 28),
        "title": (
            "Preventing and countering the financing of terrorism, new technologies included"
        ),
        "agenda_item": TERRORIST_ACTS,
        "themes": [],
        "initiatives": [],
        "events": [],
    },
    {
        "number": 2617,
        "meeting": None,
        "vote": UNANIMOUS,
        "adopted_on": datetime.date(2021, 12, 30),
        "title": "Renewal of CTED's mandate until the end of 2025",
        "agenda_item": TERRORIST_ACTS,
        "themes": [],
        "initiatives": [],
        "events": [],
    },
]

RECALLS, REAFFIRMS, EXTENDS = ResolutionRelation.Kind

#: What resolutions say of earlier ones, as their own texts word it ("Recalling its
#: resolutions ...", "Reaffirming its resolutions ..."), only where the words were found;
#: and the renewals of CTED's mandate, which the source article and the UN's press
#: releases name: 1535 (2004) established CTED, 2129, 2395 and 2617 renewed its mandate.
RESOLUTION_RELATIONS = [
    (1535, REAFFIRMS, (1373,)),
    (1624, REAFFIRMS, (1373, 1535)),
    (2129, EXTENDS, (1535,)),
    (2322, RECALLS, (1373, 1624, 2129, 2178)),
    (2341, RECALLS, (1373, 2129, 2322)),
    (2395, RECALLS, (1535, 2129)),
    (2395, REAFFIRMS, (1624, 2178, 2322, 2341, 2354)),
    (2395, EXTENDS, (1535,)),
    (2396, REAFFIRMS, (1373, 1624, 2178, 2322, 2341, 2354)),
    (2462, RECALLS, (1373, 1624, 2129, 2178, 2322, 2341, 2354, 2395, 2396)),
    (2462, REAFFIRMS, (1373,)),
    (2617, RECALLS, (1535, 2129, 2395)),
    (2617, REAFFIRMS, (1624, 2178, 2322, 2341, 2354, 2396, 2462)),
    (2617, EXTENDS, (1535,)),
]


# --- Loading ----------------------------------------------------------------


@dataclass
class LoadReport:
    """How many rows of each model were created, updated or left as they were."""

    counts: dict[str, Counter] = field(default_factory=dict)

    def record(self, model: type[models.Model], outcome: str) -> None:
        self.counts.setdefault(model._meta.verbose_name_plural, Counter())[outcome] += 1

    def lines(self) -> list[str]:
        return [
            f"{name}: {tally['created']} created, {tally['updated']} updated, "
            f"{tally['unchanged']} unchanged"
            for name, tally in self.counts.items()
        ]

    @property
    def changed(self) -> int:
        return sum(tally["created"] + tally["updated"] for tally in self.counts.values())


def _snapshot(instance: models.Model) -> dict:
    return {
        f.attname: f.value_from_object(instance)
        for f in instance._meta.concrete_fields
        if f.attname not in {"created_at", "updated_at"}
    }


def _upsert(model, report: LoadReport, lookup: dict, values: dict):
    """Create or update the row matching ``lookup``; save only if something differs."""
    instance = model.objects.filter(**lookup).first()
    before = _snapshot(instance) if instance is not None else None
    if instance is None:
        instance = model(**lookup)
    for name, value in values.items():
        setattr(instance, name, value)
    instance.full_clean()
    if before is None:
        instance.save()
        report.record(model, "created")
    elif _snapshot(instance) != before:
        instance.save()
        report.record(model, "updated")
    else:
        report.record(model, "unchanged")
    return instance


def _published(publish_at: datetime.datetime) -> dict:
    return {"publication_status": PUBLISHED, "publish_at": publish_at}


def _without(data: dict, *keys: str) -> dict:
    """``data`` without ``keys``: the lookup, and what is not a field of the row."""
    return {key: value for key, value in data.items() if key not in keys}


def _each(rows_by_key: dict, keys: list) -> list:
    return [rows_by_key[key] for key in keys]


def _upsert_by_slug(model, report: LoadReport, rows: list[dict], values, *, links=None) -> dict:
    """Upsert a row of ``model`` for each dict of ``rows``, with ``values(data)``.

    ``links(instance, data)``, if given, then links each row to others. Returns the
    rows by slug, for the records that link to them.
    """
    by_slug = {}
    for data in rows:
        instance = _upsert(model, report, {"slug": data["slug"]}, values(data))
        if links is not None:
            links(instance, data)
        by_slug[data["slug"]] = instance
    return by_slug


def _load_published_with_article(model, report: LoadReport, rows: list[dict]) -> dict:
    """Rows given field by field, published with the article; returns them by slug."""
    return _upsert_by_slug(
        model,
        report,
        rows,
        lambda data: {**_without(data, "slug"), **_published(ARTICLE_PUBLISHED_AT)},
    )


def _load_series_and_events(report: LoadReport, themes: dict) -> dict[str, Event]:
    """The series, then its events with their themes; returns the events by slug."""
    series = _upsert(
        EventSeries,
        report,
        {"slug": SERIES["slug"]},
        {
            "name": SERIES["name"],
            "description": SERIES["description"],
            **_published(SERIES["publish_at"]),
        },
    )
    return _upsert_by_slug(
        Event,
        report,
        EVENTS,
        lambda data: {
            **_without(data, "slug", "themes", "publish_at"),
            "series": series,
            **_published(data["publish_at"]),
        },
        links=lambda event, data: event.themes.set(_each(themes, data["themes"])),
    )


def _load_participations(report: LoadReport, events: dict, organizations: dict) -> None:
    for event_slug, organization_slug, group, role, description, order in PARTICIPATIONS:
        organization = organizations[organization_slug] if organization_slug else None
        _upsert(
            Participation,
            report,
            {
                "event": events[event_slug],
                "organization": organization,
                "stakeholder_kind": group,
                "role": role,
            },
            {"description": description, "order": order},
        )


def _load_people(report: LoadReport, organizations: dict) -> dict[str, Person]:
    return _upsert_by_slug(
        Person,
        report,
        PEOPLE,
        lambda data: {
            **_without(data, "slug", "organization", "publish_at"),
            "organization": organizations[data["organization"]],
            **_published(data["publish_at"]),
        },
    )


def _load_contributions(report: LoadReport, events: dict, people: dict) -> None:
    for data in CONTRIBUTIONS:
        _upsert(
            Contribution,
            report,
            {
                "event": events[data["event"]],
                "person": people[data["person"]],
                "role": data["role"],
            },
            _without(data, "event", "person", "role"),
        )


def _load_initiatives(
    report: LoadReport, themes: dict, events: dict, organizations: dict
) -> dict[str, Initiative]:
    """Each initiative with its themes, events and partners; returns them by slug."""

    def link(initiative, data):
        initiative.themes.set(_each(themes, data["themes"]))
        initiative.events.set(_each(events, data["events"]))
        for organization_slug, role, order in data["partners"]:
            _upsert(
                InitiativePartner,
                report,
                {"initiative": initiative, "organization": organizations[organization_slug]},
                {"role": role, "order": order},
            )

    return _upsert_by_slug(
        Initiative,
        report,
        INITIATIVES,
        lambda data: {
            **_without(data, "slug", "themes", "events", "partners"),
            **_published(ARTICLE_PUBLISHED_AT),
        },
        links=link,
    )


def _load_resolutions(report: LoadReport, themes: dict, initiatives: dict, events: dict) -> None:
    for data in RESOLUTIONS:
        adopted_on = data["adopted_on"]
        resolution = _upsert(
            Resolution,
            report,
            {"number": data["number"]},
            {
                "year": adopted_on.year,
                "adopted_on": adopted_on,
                "title": data["title"],
                "agenda_item": data["agenda_item"],
                "meeting": data["meeting"],
                **data["vote"],
                "document_url": "",
                # Published in the catalogue from the day it was adopted.
                **_published(_at_noon(adopted_on.year, adopted_on.month, adopted_on.day)),
            },
        )
        resolution.themes.set(_each(themes, data["themes"]))
        resolution.initiatives.set(_each(initiatives, data["initiatives"]))
        resolution.events.set(_each(events, data["events"]))
    by_number = {resolution.number: resolution for resolution in Resolution.objects.all()}
    for source, kind, targets in RESOLUTION_RELATIONS:
        for target in targets:
            lookup = {"source": by_number[source], "kind": kind, "target": by_number[target]}
            _upsert(ResolutionRelation, report, lookup, {})


#: The apps whose records the demo writes.
CONTENT_APPS = ("events", "resolutions")


@transaction.atomic
def load_demo() -> LoadReport:
    """Write the demo content, or bring it back to what it should be."""
    report = LoadReport()
    themes = _load_published_with_article(Theme, report, THEMES)
    organizations = _load_published_with_article(Organization, report, ORGANIZATIONS)
    events = _load_series_and_events(report, themes)
    _load_participations(report, events, organizations)
    people = _load_people(report, organizations)
    _load_contributions(report, events, people)
    initiatives = _load_initiatives(report, themes, events, organizations)
    _load_resolutions(report, themes, initiatives, events)
    report.counts["translations"] = load_translations()
    # Every record starts its history here (a later run finds them all versioned).
    call_command(
        "createinitialrevisions",
        *CONTENT_APPS,
        comment="First version, from the demo content.",
        verbosity=0,
    )
    return report
