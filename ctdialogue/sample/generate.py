"""Realistic, varied content in bulk, for performance work.

``generate_content(events=100_000)`` writes events across 2005-2030 in many countries,
in series with editions and outside them, at every date precision and status, with
organisations of every kind, speakers (some quoted, in the six UN languages),
participations, initiatives and links to themes and to the resolutions already in the
catalogue. A small share is left in draft.

Rows are written with ``bulk_create`` in batches, many-to-many links through their
``through`` tables, so that 100,000 events load in minutes. ``bulk_create`` skips
``full_clean()``: the invariants are kept by construction instead (fuzzy dates are
stored as their whole period, end >= start, a participation names an organisation or a
group, editions are unique in their series, slugs and unique names are checked
against what the database already holds). The same seed on the same database state
gives the same content, and running the command again adds content without clashing.
"""

import bisect
import datetime
import random
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from operator import attrgetter

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from ctdialogue.publishing.models import Publishable
from ctdialogue.sample.demo import THEMES as SOURCE_THEMES
from events.dates import DatePrecision, period_end, period_start
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
from resolutions.models import Resolution

FIRST_YEAR = 2005
LAST_YEAR = 2030

PUBLISHED = Publishable.PublicationStatus.PUBLISHED
DRAFT = Publishable.PublicationStatus.DRAFT
Kind = Organization.Kind

# --- Word lists -------------------------------------------------------------


def _items(text: str) -> list[str]:
    return [item.strip() for item in text.split(",")]


EXTRA_THEMES = [
    (
        "Countering the financing of terrorism",
        "Crowdfunding, virtual assets and new payment services, and how to keep them "
        "from funding terrorism.",
    ),
    (
        "Foreign terrorist fighters",
        "Travel, return and relocation of foreign terrorist fighters, and the data used to "
        "detect it.",
    ),
    (
        "Countering terrorist narratives",
        "Alternative and counter-messages, and the voices best placed to deliver them.",
    ),
    (
        "Human rights and the rule of law online",
        "Keeping counter-terrorism measures online lawful, necessary and proportionate.",
    ),
    (
        "Gender and violent extremism",
        "How recruitment, victims and prevention differ for women, men, girls and boys.",
    ),
    (
        "Artificial intelligence and emerging technologies",
        "Automated detection, generative models, drones and what they change for "
        "terrorists and for those who counter them.",
    ),
    (
        "Content moderation and transparency",
        "How platforms decide what to remove, and how they account for it.",
    ),
    (
        "Youth, education and prevention",
        "Schools, universities and youth groups as the first line of prevention.",
    ),
]

# (ISO code, name as used after "of", cities)
COUNTRIES = [
    ("KR", "the Republic of Korea", ["Seoul", "Busan", "Jeju"]),
    ("TH", "Thailand", ["Bangkok", "Chiang Mai", "Phuket"]),
    ("ID", "Indonesia", ["Jakarta", "Bali", "Surabaya"]),
    ("PH", "the Philippines", ["Manila", "Cebu", "Davao"]),
    ("MY", "Malaysia", ["Kuala Lumpur", "Penang"]),
    ("SG", "Singapore", ["Singapore"]),
    ("JP", "Japan", ["Tokyo", "Osaka", "Kyoto"]),
    ("IN", "India", ["New Delhi", "Mumbai", "Bengaluru"]),
    ("BD", "Bangladesh", ["Dhaka"]),
    ("LK", "Sri Lanka", ["Colombo"]),
    ("VN", "Viet Nam", ["Hanoi", "Ho Chi Minh City"]),
    ("AU", "Australia", ["Canberra", "Sydney", "Melbourne"]),
    ("NZ", "New Zealand", ["Wellington", "Auckland"]),
    ("KZ", "Kazakhstan", ["Astana", "Almaty"]),
    ("UZ", "Uzbekistan", ["Tashkent"]),
    ("KE", "Kenya", ["Nairobi", "Mombasa"]),
    ("NG", "Nigeria", ["Abuja", "Lagos"]),
    ("SN", "Senegal", ["Dakar"]),
    ("ET", "Ethiopia", ["Addis Ababa"]),
    ("ZA", "South Africa", ["Pretoria", "Cape Town", "Johannesburg"]),
    ("GH", "Ghana", ["Accra"]),
    ("RW", "Rwanda", ["Kigali"]),
    ("MA", "Morocco", ["Rabat", "Marrakesh"]),
    ("TN", "Tunisia", ["Tunis"]),
    ("EG", "Egypt", ["Cairo"]),
    ("JO", "Jordan", ["Amman"]),
    ("AE", "the United Arab Emirates", ["Abu Dhabi", "Dubai"]),
    ("QA", "Qatar", ["Doha"]),
    ("SA", "Saudi Arabia", ["Riyadh"]),
    ("TR", "Türkiye", ["Ankara", "Istanbul"]),
    ("FR", "France", ["Paris", "Lyon", "Strasbourg"]),
    ("DE", "Germany", ["Berlin", "Bonn"]),
    ("NL", "the Netherlands", ["The Hague", "Amsterdam"]),
    ("CH", "Switzerland", ["Geneva", "Bern"]),
    ("AT", "Austria", ["Vienna"]),
    ("BE", "Belgium", ["Brussels"]),
    ("ES", "Spain", ["Madrid", "Barcelona"]),
    ("IT", "Italy", ["Rome", "Siracusa"]),
    ("SE", "Sweden", ["Stockholm"]),
    ("NO", "Norway", ["Oslo"]),
    ("GB", "the United Kingdom", ["London", "Edinburgh"]),
    ("RU", "the Russian Federation", ["Moscow"]),
    ("CN", "China", ["Beijing", "Shanghai"]),
    ("US", "the United States", ["New York", "Washington, D.C."]),
    ("CA", "Canada", ["Ottawa", "Montreal"]),
    ("MX", "Mexico", ["Mexico City"]),
    ("CO", "Colombia", ["Bogotá"]),
    ("BR", "Brazil", ["Brasília", "São Paulo"]),
    ("AR", "Argentina", ["Buenos Aires"]),
    ("CL", "Chile", ["Santiago"]),
]

COUNTRY_NAMES = {code: name for code, name, _cities in COUNTRIES}
CITIES = {code: cities for code, _name, cities in COUNTRIES}

# The first three of every country are always there; the others are drawn.
MINISTRIES = [
    "Ministry of Foreign Affairs",
    "Ministry of Justice",
    "Ministry of the Interior",
    "National Counter-Terrorism Centre",
    "Ministry of Digital Affairs",
    "Ministry of Defence",
    "Ministry of Communications",
    "National Police",
    "Office of the Attorney-General",
    "National Cyber Security Agency",
]

UN_ENTITIES = [
    ("Counter-Terrorism Committee Executive Directorate", "CTED"),
    ("United Nations Office of Counter-Terrorism", "UNOCT"),
    ("United Nations Office on Drugs and Crime", "UNODC"),
    ("United Nations Interregional Crime and Justice Research Institute", "UNICRI"),
    ("International Telecommunication Union", "ITU"),
    ("United Nations Development Programme", "UNDP"),
    ("United Nations Educational, Scientific and Cultural Organization", "UNESCO"),
    ("Office of the United Nations High Commissioner for Human Rights", "OHCHR"),
    ("United Nations Institute for Disarmament Research", "UNIDIR"),
]

INTERGOVERNMENTAL = [
    ("International Criminal Police Organization", "INTERPOL", "FR"),
    ("Association of Southeast Asian Nations", "ASEAN", "ID"),
    ("African Union", "AU", "ET"),
    ("Council of Europe", "", "FR"),
    ("Organization for Security and Co-operation in Europe", "OSCE", "AT"),
    ("European Union", "EU", "BE"),
    ("Organization of American States", "OAS", "US"),
    ("Global Counterterrorism Forum", "GCTF", ""),
    ("Financial Action Task Force", "FATF", "FR"),
    ("League of Arab States", "", "EG"),
    ("Pacific Islands Forum", "", ""),
]

COMPANY_FIRST = _items(
    "North, Blue, Silver, Open, Clear, Bright, Pacific, Atlas, Nova, Harbour, Summit, Cedar, "
    "Iron, Lotus, Meridian, Orbit, Quantum, Red, Sky, Tidal"
)
COMPANY_SECOND = _items("gate, stream, line, wave, path, point, bridge, field, stone, cloud")
COMPANY_KIND = _items(
    "Networks, Technologies, Systems, Media, Labs, Digital, Communications, Cloud Services, "
    "Software, Data"
)
REGION_SUFFIX = ["", " Asia", " Africa", " Europe", " Americas", " Pacific", " International"]

CAUSES = _items(
    "Digital Rights, Peace and Dialogue, Human Rights, Media Literacy, Community Resilience, "
    "Victims of Terrorism, Interfaith Dialogue, Youth Empowerment, Women's Leadership, Online "
    "Safety"
)
GROUPS = ["Network", "Coalition", "Forum", "Alliance", "Initiative", "Association", "Collective"]
ACADEMIC = [
    "University of {city}",
    "{city} University",
    "{city} Institute of Technology",
    "{city} Centre for Security Studies",
    "{city} School of Law",
    "{city} Institute for Peace Research",
    "{city} Centre for Internet and Society",
    "{city} Academy of Public Administration",
]
NGO = [
    "{cause} Watch",
    "{cause} International",
    "{city} Foundation for {cause}",
    "{city} Centre for {cause}",
    "{city} Institute for {cause}",
    "{city} Council for {cause}",
    "{city} Observatory for {cause}",
    "{city} Trust for {cause}",
]
PROFESSIONAL = [
    "{region} Association of {profession}",
    "{region} Network of {profession}",
    "{region} Forum of {profession}",
    "National Association of {profession} of {country}",
]
PROFESSIONS = _items(
    "Prosecutors, Judges, Cybersecurity Professionals, Police Chiefs, Forensic Examiners, "
    "Financial Investigators, Journalists, Internet Service Providers, Data Protection "
    "Officers, Content Moderators"
)
# Region in a name -> the countries (ISO codes) where its meetings take place.
REGIONS = {
    "Asia-Pacific": ["KR", "TH", "ID", "PH", "MY", "SG", "JP", "AU", "NZ", "VN", "CN"],
    "South-East Asia": ["TH", "ID", "PH", "MY", "SG", "VN"],
    "East Asia": ["KR", "JP", "CN"],
    "South Asia": ["IN", "BD", "LK"],
    "Central Asia": ["KZ", "UZ"],
    "Eurasian": ["KZ", "UZ", "RU", "TR"],
    "East Africa": ["KE", "ET", "RW"],
    "West Africa": ["NG", "SN", "GH"],
    "Sahel": ["SN", "NG"],
    "Southern Africa": ["ZA"],
    "North Africa": ["MA", "TN", "EG"],
    "Middle East": ["JO", "EG", "AE", "QA", "SA", "TR"],
    "Gulf": ["AE", "QA", "SA"],
    "Mediterranean": ["MA", "TN", "EG", "ES", "IT", "FR", "TR"],
    "European": ["FR", "DE", "NL", "CH", "AT", "BE", "ES", "IT", "SE", "NO", "GB"],
    "Nordic": ["SE", "NO"],
    "North American": ["US", "CA", "MX"],
    "Latin America": ["MX", "CO", "BR", "AR", "CL"],
    "Andean": ["CO", "CL"],
    "Global": [],
}
REGION_NAMES = list(REGIONS)
SERIES_TOPICS = _items(
    "ICT and CT, Digital Evidence, Online Safety, Critical Infrastructure, "
    "Counter-Narratives, Tech and Security, Cyber-Terrorism, Prevention, Terrorist Financing, "
    "Platform Governance, Justice and Technology, Youth and Tech"
)
SERIES_FORMATS = [
    ("Dialogue", Event.Kind.DIALOGUE),
    ("Forum", Event.Kind.DIALOGUE),
    ("Workshop Series", Event.Kind.WORKSHOP),
    ("Roundtable", Event.Kind.MEETING),
    ("Expert Meeting", Event.Kind.MEETING),
    ("Training Series", Event.Kind.WORKSHOP),
]
STANDALONE_FORMATS = [
    ("Regional workshop on {topic}", Event.Kind.WORKSHOP),
    ("National workshop on {topic}", Event.Kind.WORKSHOP),
    ("Expert meeting on {topic}", Event.Kind.MEETING),
    ("High-level dialogue on {topic}", Event.Kind.DIALOGUE),
    ("Technical consultation on {topic}", Event.Kind.MEETING),
    ("Multi-stakeholder dialogue on {topic}", Event.Kind.DIALOGUE),
    ("Training workshop on {topic}", Event.Kind.WORKSHOP),
]
VENUES = [
    "United Nations Conference Centre",
    "Ministry of Foreign Affairs",
    "National Convention Centre",
    "Grand Riverside Hotel",
    "University campus",
    "Parliament building",
    "Online",
]
INITIATIVE_NAMES = [
    "{city} Process on {topic}",
    "{city} Call on {topic}",
    "{region} Network on {topic}",
    "{region} Partnership for {topic}",
    "{topic} Programme for the {region} region",
    "{region} {topic} Hub",
    "{region} Coalition on {topic}",
]
INITIATIVE_TOPICS = _items(
    "Digital Evidence, Safer Platforms, Counter-Narratives, Critical Infrastructure, Tech "
    "Sector Engagement, Online Prevention, Crisis Response, Terrorist Content Analytics, "
    "Prosecutorial Cooperation, Financial Intelligence"
)

# Given names, by the honorific that fits them.
FIRST_NAMES = {
    "Ms.": _items(
        "Amina, Aiko, Ana, Aylin, Beatriz, Elena, Fatima, Grace, Hana, Ingrid, Isabel, Kamala, "
        "Laila, Leila, Lucía, Maria, Mei, Nadia, Naledi, Noura, Olga, Priya, Rania, Sakura, "
        "Sara, Sofia, Sun-hee, Thandiwe, Yasmin, Zainab"
    ),
    "Mr.": _items(
        "Ahmed, Alejandro, Anders, Arjun, Chinedu, Daniel, Dmitri, Emeka, François, Hassan, "
        "Jae-won, James, Joseph, Karim, Kofi, Lars, Marco, Miguel, Nikolai, Omar, Rahul, Ravi, "
        "Samuel, Siddharth, Somchai, Tariq, Tomás"
    ),
    "": _items("Chen, Jin, Minh, Wei, Yuki, Alex, Sam"),
}
LAST_NAMES = _items(
    "Abdullah, Adeyemi, Al-Hashimi, Andersen, Banerjee, Bianchi, Chowdhury, Costa, Dubois, "
    "Eriksson, Fernández, Fischer, García, Haddad, Hoang, Ivanova, Jung, Kamau, Kaur, Khan, "
    "Kim, Kowalski, Lee, Li, Mahlangu, Martin, Mensah, Moreau, Mukherjee, Nakamura, Nguyen, "
    "Novak, Okafor, Osei, Park, Petrov, Rahman, Rossi, Santos, Sato, Schmidt, Silva, Srisuk, "
    "Suzuki, Tanaka, Traoré, Wang, Watanabe, Yilmaz, Zhang"
)
OTHER_HONORIFICS = ["Dr.", "Prof.", ""]
OFFICIAL_HONORIFICS = [*OTHER_HONORIFICS, "H.E."]
POSITIONS = {
    Kind.MEMBER_STATE: [
        "Director-General for International Security",
        "Deputy Permanent Representative",
        "Senior Counter-Terrorism Adviser",
        "Head of the Cybercrime Unit",
        "Ambassador-at-Large for Counter-Terrorism",
    ],
    Kind.UN_ENTITY: [
        "Senior Legal Officer",
        "Programme Management Officer",
        "Director, Policy and Coordination",
        "Human Rights Officer",
    ],
    Kind.INTERGOVERNMENTAL: ["Head of Counter-Terrorism Policy", "Senior Analyst"],
    Kind.PRIVATE_SECTOR: [
        "Head of Trust and Safety",
        "Public Policy Manager",
        "Chief Information Security Officer",
        "Counter-Terrorism Policy Lead",
    ],
    Kind.CIVIL_SOCIETY: ["Executive Director", "Programme Coordinator", "Founder"],
    Kind.ACADEMIA: ["Professor of International Law", "Research Fellow", "Lecturer"],
    Kind.PROFESSIONAL: ["President", "Secretary-General", "Board Member"],
    Kind.NGO: ["Director", "Senior Researcher", "Policy Officer"],
}
STAKEHOLDER_GROUPS = {
    Kind.MEMBER_STATE: "Representatives of Member States",
    Kind.PRIVATE_SECTOR: "Representatives of the private sector",
    Kind.CIVIL_SOCIETY: "Representatives of civil society",
    Kind.ACADEMIA: "Representatives of academia",
    Kind.UN_ENTITY: "Representatives of UN entities",
    Kind.INTERGOVERNMENTAL: "Representatives of regional organisations",
}
TALK_TITLES = [
    "Opening remarks",
    "Keynote: {topic}",
    "Lessons learned on {topic}",
    "National experience with {topic}",
    "What platforms can do about {topic}",
    "Closing remarks",
    "Panel on {topic}",
]
# (language, verbatim words) - all written for this generator.
QUOTATIONS = [
    ("en", "No single government or company can solve this alone; we need each other."),
    ("en", "Evidence that arrives a year late is, for a prosecutor, evidence that never came."),
    ("en", "We can’t moderate our way out of radicalisation; prevention starts offline."),  # noqa: RUF001
    ("en", "Transparency is what turns a takedown policy into a policy people can trust."),
    ("en", "Small platforms need tools, not only rules."),
    ("en", "Respect for human rights is not an obstacle to effective counter-terrorism."),
    (
        "fr",
        "La coopération entre les États et les entreprises est indispensable pour "
        "prévenir l’exploitation d’Internet à des fins terroristes.",  # noqa: RUF001
    ),
    (
        "es",
        "Ninguna respuesta al terrorismo en línea será eficaz si no respeta los derechos humanos.",
    ),
    ("ru", "Обмен электронными доказательствами должен быть быстрым и законным."),
    (
        "ar",
        "إن مكافحة الإرهاب على الإنترنت مسؤولية مشتركة بين الحكومات والقطاع الخاص والمجتمع المدني.",
    ),
    ("zh", "打击网络恐怖主义需要政府、企业和社会的共同努力。"),
]
SUMMARY_SENTENCES = [
    "Participants compared national approaches to {topic}.",
    "The meeting looked at practical ways to apply the relevant Security Council "
    "resolutions on {topic}.",
    "Experts from government, industry and civil society discussed {topic}.",
    "Discussions focused on {topic} and on cooperation across borders.",
]
BODY_SENTENCES = [
    "Delegations from {place} shared their experience of {topic}.",
    "Speakers stressed that responses must respect human rights and the rule of law.",
    "Technology companies presented the tools they use to detect and remove terrorist content.",
    "Civil-society groups called for more transparency and for meaningful consultation.",
    "Prosecutors described how long it can take to obtain data held abroad.",
    "Several participants asked for closer cooperation between small and large platforms.",
    "The discussion turned to how {topic} will change as new technologies spread.",
    "Researchers presented recent findings on {topic}.",
]
OUTCOMES = [
    "A set of recommendations on {topic}, shared with all participants.",
    "Agreement to set up an informal working group on {topic}.",
    "A summary of good practices on {topic}.",
]
EXPECTED_OUTCOMES = [
    "Agreement on general principles on {topic}.",
    "Recommendations for future work on {topic}.",
    "A shared action plan on {topic}.",
]

PRECISIONS = [
    DatePrecision.DAY,
    DatePrecision.MONTH,
    DatePrecision.HALF_YEAR,
    DatePrecision.YEAR,
]


# --- Helpers ----------------------------------------------------------------


class UniqueValues:
    """Hands out values not yet taken, numbering the repeats: x, x-2, x-3 ..."""

    def __init__(self, taken, separator="-"):
        self.taken = set(taken)
        self.separator = separator
        self.last_number = {}

    def claim(self, base: str) -> str:
        value = base
        number = self.last_number.get(base, 1)
        while value in self.taken:
            number += 1
            value = f"{base}{self.separator}{number}"
        self.last_number[base] = number
        self.taken.add(value)
        return value


class Slugs(UniqueValues):
    def __init__(self, model):
        super().__init__(model.objects.values_list("slug", flat=True))
        self.max_length = model._meta.get_field("slug").max_length - 8

    def claim(self, text: str) -> str:
        base = slugify(text)[: self.max_length].strip("-") or "item"
        return super().claim(base)


def ordinal(number: int) -> str:
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def lower_words(text: str) -> str:
    """ "Tech and Security" -> "tech and security"; acronyms such as ICT stay."""
    return " ".join(word if word.isupper() else word.lower() for word in text.split())


@dataclass
class GenerationReport:
    seed: int
    counts: Counter = field(default_factory=Counter)

    def add(self, model, number: int) -> None:
        self.counts[model._meta.verbose_name_plural] += number

    def lines(self) -> list[str]:
        return [f"{name}: {number} created" for name, number in self.counts.items()]


@dataclass
class _OpenSeries:
    series: EventSeries
    kind: str
    next_edition: int
    next_date: datetime.date
    last_edition: int
    countries: list[str]
    previous_end: datetime.date | None = None

    def follow(self, event: Event, gap_days: int) -> None:
        """Move on to the edition after ``event``, ``gap_days`` after it ends."""
        self.next_edition += 1
        self.previous_end = event.end_date or event.start_date
        self.next_date = self.previous_end + datetime.timedelta(days=gap_days)

    @property
    def over(self) -> bool:
        return self.next_edition > self.last_edition or self.next_date.year > LAST_YEAR


@dataclass
class _Plan:
    """What planning carries from one batch to the next: the open series, names taken."""

    series_names: UniqueValues
    series_slugs: Slugs
    event_slugs: Slugs
    open_series: list[_OpenSeries] = field(default_factory=list)

    @classmethod
    def from_database(cls) -> "_Plan":
        return cls(
            series_names=UniqueValues(EventSeries.objects.values_list("name", flat=True), " "),
            series_slugs=Slugs(EventSeries),
            event_slugs=Slugs(Event),
        )


class _ByYear:
    """Rows sorted by a year, to pick among those of a given year or earlier."""

    def __init__(self, rows, year_of: Callable):
        self.rows = sorted(rows, key=year_of)
        self.years = [year_of(row) for row in self.rows]


def _ministries_by_country(organizations: list[Organization]) -> dict[str, list[Organization]]:
    """Government bodies by country code, and all of them under "" for events anywhere."""
    ministries = {"": []}
    for organization in organizations:
        if organization.kind == Kind.MEMBER_STATE:
            ministries.setdefault(organization.country.code, []).append(organization)
            ministries[""].append(organization)
    return ministries


@dataclass
class _Pools:
    """The rows that generated events draw their links from."""

    themes: list[Theme]
    organizations: list[Organization]
    people: list[Person]
    initiatives: _ByYear
    resolutions: _ByYear
    ministries_by_country: dict[str, list[Organization]] = field(init=False)

    def __post_init__(self):
        self.ministries_by_country = _ministries_by_country(self.organizations)


def _shared_bodies():
    """(name, acronym, kind, country) of the bodies everybody meets, reused if there.

    The UN entities, the intergovernmental organisations and the first three
    ministries of every country.
    """
    for name, acronym in UN_ENTITIES:
        yield name, acronym, Kind.UN_ENTITY, ""
    for name, acronym, country in INTERGOVERNMENTAL:
        yield name, acronym, Kind.INTERGOVERNMENTAL, country
    for code, country_name, _cities in COUNTRIES:
        for ministry in MINISTRIES[:3]:
            yield f"{ministry} of {country_name}", "", Kind.MEMBER_STATE, code


class _NewOrganizations:
    """The organisations a run adds, under names and slugs not yet taken."""

    def __init__(self, generator: "_Generator"):
        self.generator = generator
        self.existing = {org.name: org for org in Organization.objects.all()}
        self.names = UniqueValues(self.existing, separator=" ")
        self.slugs = Slugs(Organization)
        self.added: list[Organization] = []

    def reuse(self, name, acronym, kind, country) -> Organization:
        """The organisation of that name already in the database, else a new one."""
        if name in self.existing:
            return self.existing[name]
        return self.add(name, acronym, kind, country)

    def add(self, name, acronym, kind, country) -> Organization:
        rng = self.generator.rng
        name = self.names.claim(name)
        website = f"https://www.{slugify(acronym or name)[:40].strip('-')}.example.org/"
        organization = Organization(
            name=name,
            acronym=acronym,
            slug=self.slugs.claim(name),
            kind=kind,
            country=country,
            website=website if rng.random() < 0.7 else "",
            description=f"A {Kind(kind).label.lower()} taking part in the dialogue.",
            **self.generator.publication(datetime.date(FIRST_YEAR, 6, 1)),
        )
        self.added.append(organization)
        return organization


# --- The generator ----------------------------------------------------------


class _Generator:
    def __init__(self, *, seed: int, today: datetime.date, batch_size: int):
        self.rng = random.Random(seed)  # noqa: S311 - reproducible content, not secrets
        self.today = today
        self.now = timezone.now()
        self.batch_size = batch_size
        self.report = GenerationReport(seed=seed)
        self.event_number = 0

    # Reference data ------------------------------------------------------

    def publication(self, day: datetime.date, draft_share: float = 0.02) -> dict:
        status = DRAFT if self.rng.random() < draft_share else PUBLISHED
        moment = datetime.datetime(day.year, day.month, day.day, 9, tzinfo=datetime.UTC)
        moment -= datetime.timedelta(days=self.rng.randint(7, 120))
        return {"publication_status": status, "publish_at": min(moment, self.now)}

    def ensure_themes(self) -> list[Theme]:
        wanted = [(data["name"], data["description"]) for data in SOURCE_THEMES] + EXTRA_THEMES
        themes = []
        for name, description in wanted:
            slug = slugify(name)
            theme = Theme.objects.filter(Q(slug=slug) | Q(name=name)).first()
            if theme is None:
                theme = Theme(
                    name=name,
                    slug=slug,
                    description=description,
                    publication_status=PUBLISHED,
                    publish_at=datetime.datetime(FIRST_YEAR, 1, 1, tzinfo=datetime.UTC),
                )
                theme.full_clean()
                theme.save()
                self.report.add(Theme, 1)
            themes.append(theme)
        return themes

    def ensure_organizations(self, number: int) -> list[Organization]:
        """The named bodies everybody meets (reused), then ``number`` new ones."""
        new = _NewOrganizations(self)
        organizations = [new.reuse(*body) for body in _shared_bodies()]
        for _ in range(number):
            name, kind, country = self.made_up_organization(new.names.taken)
            organizations.append(new.add(name, "", kind, country))
        Organization.objects.bulk_create(new.added, batch_size=self.batch_size)
        self.report.add(Organization, len(new.added))
        return organizations

    def made_up_organization(self, taken) -> tuple[str, str, str]:
        """(name, kind, country) of a new organisation, of a kind drawn by weight."""
        makers = [
            self.company,
            self.civil_society,
            self.academia,
            self.ngo,
            self.professional,
            self.ministry,
        ]
        maker = self.rng.choices(makers, weights=[30, 20, 15, 15, 12, 8])[0]
        # When the names of a kind run out, a company (of which there are many) it is.
        return self.first_free(taken, maker, self.company)

    # Each maker of an organisation returns (name, kind, country).

    def company(self):
        rng = self.rng
        name = (
            f"{rng.choice(COMPANY_FIRST)}{rng.choice(COMPANY_SECOND)} "
            f"{rng.choice(COMPANY_KIND)}{rng.choice(REGION_SUFFIX)}"
        )
        return name, Kind.PRIVATE_SECTOR, self.city()[0]

    def civil_society(self):
        code, city = self.city()
        return (
            f"{city} {self.rng.choice(CAUSES)} {self.rng.choice(GROUPS)}",
            Kind.CIVIL_SOCIETY,
            code,
        )

    def academia(self):
        code, city = self.city()
        return self.rng.choice(ACADEMIC).format(city=city), Kind.ACADEMIA, code

    def ngo(self):
        code, city = self.city()
        name = self.rng.choice(NGO).format(city=city, cause=self.rng.choice(CAUSES))
        return name, Kind.NGO, code

    def professional(self):
        rng = self.rng
        code, country_name, _cities = rng.choice(COUNTRIES)
        name = rng.choice(PROFESSIONAL).format(
            region=rng.choice(REGION_NAMES),
            profession=rng.choice(PROFESSIONS),
            country=country_name,
        )
        return name, Kind.PROFESSIONAL, code if country_name in name else ""

    def ministry(self):
        code, country_name, _cities = self.rng.choice(COUNTRIES)
        return f"{self.rng.choice(MINISTRIES)} of {country_name}", Kind.MEMBER_STATE, code

    def ensure_people(self, number: int, organizations: list[Organization]) -> list[Person]:
        slugs = Slugs(Person)
        people = [self.new_person(slugs, organizations) for _ in range(number)]
        Person.objects.bulk_create(people, batch_size=self.batch_size)
        self.report.add(Person, len(people))
        return people

    def new_person(self, slugs: Slugs, organizations: list[Organization]) -> Person:
        honorific = self.rng.choice(list(FIRST_NAMES))
        name = f"{self.rng.choice(FIRST_NAMES[honorific])} {self.rng.choice(LAST_NAMES)}"
        organization = self.rng.choice(organizations) if self.rng.random() < 0.85 else None
        kind = organization.kind if organization else Kind.ACADEMIA
        if not honorific or self.rng.random() < 0.3:
            # Only officials of a government are Excellencies.
            honorific = self.rng.choice(
                OFFICIAL_HONORIFICS if kind == Kind.MEMBER_STATE else OTHER_HONORIFICS
            )
        return Person(
            honorific=honorific,
            name=name,
            slug=slugs.claim(name),
            position=self.rng.choice(POSITIONS[kind]),
            organization=organization,
            bio=(
                f"{name} works on counter-terrorism and technology policy."
                if self.rng.random() < 0.5
                else ""
            ),
            **self.publication(datetime.date(FIRST_YEAR, 6, 1)),
        )

    def ensure_initiatives(
        self, number: int, organizations: list[Organization], themes: list[Theme]
    ) -> list[Initiative]:
        names = UniqueValues(Initiative.objects.values_list("name", flat=True), separator=" ")
        slugs = Slugs(Initiative)
        initiatives = [self.new_initiative(names, slugs) for _ in range(number)]
        Initiative.objects.bulk_create(initiatives, batch_size=self.batch_size)
        self.report.add(Initiative, len(initiatives))

        partnerships, theme_links = [], []
        for initiative in initiatives:
            partnerships += self.partners(initiative, organizations)
            theme_links += [
                Initiative.themes.through(initiative_id=initiative.pk, theme_id=theme.pk)
                for theme in self.rng.sample(themes, k=self.rng.randint(1, 3))
            ]
        InitiativePartner.objects.bulk_create(partnerships, batch_size=self.batch_size)
        Initiative.themes.through.objects.bulk_create(theme_links, batch_size=self.batch_size)
        self.report.add(InitiativePartner, len(partnerships))
        return initiatives

    def new_initiative(self, names: UniqueValues, slugs: Slugs) -> Initiative:
        name = names.claim(self.first_free(names.taken, self.initiative_name)[0])
        launched = self.rng.randint(FIRST_YEAR, LAST_YEAR - 2)
        return Initiative(
            name=name,
            slug=slugs.claim(name),
            launched=launched,
            website=f"https://{slugify(name)[:50].strip('-')}.example.org/",
            summary=(
                f"Launched in {launched}, it brings governments, companies and civil "
                "society together on a practical programme of work."
            ),
            **self.publication(datetime.date(launched, 6, 1)),
        )

    def initiative_name(self) -> tuple[str]:
        pattern = self.rng.choice(INITIATIVE_NAMES)
        name = pattern.format(
            city=self.city()[1],
            region=self.rng.choice(REGION_NAMES),
            topic=self.rng.choice(INITIATIVE_TOPICS),
        )
        return (name,)

    def partners(
        self, initiative: Initiative, organizations: list[Organization]
    ) -> list[InitiativePartner]:
        """1 to 4 partners of ``initiative``, the first of them its lead."""
        chosen = self.rng.sample(organizations, k=min(len(organizations), self.rng.randint(1, 4)))
        return [
            InitiativePartner(
                initiative=initiative,
                organization=organization,
                role=InitiativePartner.Role.LEAD if order == 0 else InitiativePartner.Role.PARTNER,
                order=order,
            )
            for order, organization in enumerate(chosen)
        ]

    def city(self, codes=()) -> tuple[str, str]:
        """A country code and one of its cities, among ``codes`` if any are given."""
        code = self.rng.choice(codes) if codes else self.rng.choice(COUNTRIES)[0]
        return code, self.rng.choice(CITIES[code])

    # Events --------------------------------------------------------------

    def first_free(self, taken, *makers, tries: int = 8):
        """A made-up value whose first item is not ``taken``, trying each maker in turn.

        If every try clashes, the last one is returned, for the caller to number it.
        """
        for maker in makers:
            for _attempt in range(tries):
                made = maker()
                if made[0] not in taken:
                    return made
        return made

    def new_series(self, names: UniqueValues, slugs: Slugs) -> _OpenSeries:
        label, kind = self.rng.choice(SERIES_FORMATS)
        name, topic, countries = self.first_free(
            names.taken, partial(self.regional_series, label), partial(self.hosted_series, label)
        )
        name = names.claim(name)
        first_year = self.rng.randint(FIRST_YEAR, LAST_YEAR - 2)
        first_day = datetime.date(first_year, self.rng.randint(1, 12), self.rng.randint(1, 28))
        series = EventSeries(
            name=name,
            slug=slugs.claim(name),
            description=(
                f"A recurring {label.lower()} on {lower_words(topic)} "
                "between governments, technology companies, civil society and researchers."
            ),
            **self.publication(first_day, draft_share=0.01),
        )
        return _OpenSeries(
            series=series,
            kind=kind,
            next_edition=1,
            next_date=first_day,
            last_edition=self.rng.randint(3, 30),
            countries=countries,
        )

    # Each maker of a series returns (name, topic, countries where it meets).

    def regional_series(self, label: str):
        region, topic = self.rng.choice(REGION_NAMES), self.rng.choice(SERIES_TOPICS)
        return f"{region} {topic} {label}", topic, REGIONS[region]

    def hosted_series(self, label: str):
        code, city = self.city()
        topic = self.rng.choice(SERIES_TOPICS)
        return f"{city} {topic} {label}", topic, [code]

    def dates(self, start: datetime.date, precision: str) -> tuple[datetime.date, datetime.date]:
        if precision == DatePrecision.DAY:
            end = start + datetime.timedelta(days=self.rng.choice([0, 0, 1, 1, 1, 2, 4]))
            return start, (end if end != start or self.rng.random() < 0.5 else None)
        return period_start(start, precision), period_end(start, precision)

    def status(self, last_day: datetime.date, precision: str) -> str:
        roll = self.rng.random()
        if last_day < self.today:
            if roll < 0.88:
                return Event.Status.HELD
            return Event.Status.POSTPONED if roll < 0.94 else Event.Status.CANCELLED
        if precision != DatePrecision.DAY and roll < 0.6:
            return Event.Status.TENTATIVE
        if roll < 0.65:
            return Event.Status.PLANNED
        if roll < 0.87:
            return Event.Status.TENTATIVE
        return Event.Status.POSTPONED if roll < 0.94 else Event.Status.CANCELLED

    def precision(self) -> str:
        if self.event_number < len(PRECISIONS):
            return PRECISIONS[self.event_number]
        return self.rng.choices(PRECISIONS, weights=[75, 12, 7, 6])[0]

    def build_event(self, open_series, event_slugs, themes):
        """One unsaved event and what to hang on it once it has a primary key."""
        event_themes = self.rng.sample(themes, k=self.rng.choice([1, 1, 2, 2, 3]))
        topic = lower_first(event_themes[0].name)
        series, edition, title, kind, wanted = self.heading(open_series, topic)
        start, end, precision = self.event_dates(wanted, open_series)
        status = self.status(end or start, precision)
        code, city = self.event_city(open_series, precision)
        body = self.event_body(code, topic)
        publication = self.event_publication(start)
        event = Event(
            series=series,
            edition=edition,
            title=title,
            slug=event_slugs.claim(f"{title} {city} {start.year}"),
            kind=kind,
            status=status,
            start_date=start,
            end_date=end,
            date_precision=precision,
            city=city,
            country=code,
            body=body,
            **self.event_texts(status, topic, city=city),
            **publication,
        )
        self.event_number += 1
        return event, event_themes, topic

    def heading(self, open_series, topic: str):
        """(series, edition, title, kind, wanted start) of the next edition, or of an
        event outside any series on a day of a random year."""
        if open_series is not None:
            series, edition = open_series.series, open_series.next_edition
            title = f"{ordinal(edition)} {series.name}"
            return series, edition, title, open_series.kind, open_series.next_date
        start = datetime.date(self.rng.randint(FIRST_YEAR, LAST_YEAR), 1, 1)
        start += datetime.timedelta(days=self.rng.randint(0, 364))
        pattern, kind = self.rng.choice(STANDALONE_FORMATS)
        return None, None, pattern.format(topic=topic), kind, start

    def event_dates(self, wanted: datetime.date, open_series):
        """(start, end, precision) of an event wanted on ``wanted``."""
        precision = self.precision()
        start, end = self.dates(wanted, precision)
        if (
            open_series is not None
            and open_series.previous_end
            and start <= open_series.previous_end
        ):
            # A fuzzy period would reach back before the previous edition: keep the
            # editions in order by knowing this one to the day.
            precision = DatePrecision.DAY
            start, end = self.dates(wanted, precision)
        return start, end, precision

    def event_city(self, open_series, precision: str) -> tuple[str, str]:
        """Where the event takes place; an event not known to the day may have no place."""
        code, city = self.city(open_series.countries if open_series else ())
        if precision != DatePrecision.DAY and self.rng.random() < 0.5:
            return "", ""
        return code, city

    def event_body(self, code: str, topic: str) -> str:
        place = f"{COUNTRY_NAMES[code]} and the region" if code else "across the region"
        sentences = self.rng.sample(BODY_SENTENCES, k=self.rng.randint(2, 5))
        return "".join(
            f"<p>{sentence.format(place=place, topic=topic)}</p>" for sentence in sentences
        )

    def event_publication(self, start: datetime.date) -> dict:
        """Published ahead of ``start``, except one event in twenty, left in draft."""
        publication = self.publication(start, draft_share=0)
        if self.event_number % 20 == 7:
            publication["publication_status"] = DRAFT
        return publication

    def event_texts(self, status: str, topic: str, *, city: str) -> dict:
        """Venue, summary, and the outcome expected or reached, as fits ``status``."""
        rng = self.rng
        return {
            "venue": rng.choice(VENUES) if city and rng.random() < 0.7 else "",
            "summary": rng.choice(SUMMARY_SENTENCES).format(topic=topic),
            "expected_outcome": (
                rng.choice(EXPECTED_OUTCOMES).format(topic=topic)
                if status in {Event.Status.PLANNED, Event.Status.TENTATIVE}
                else ""
            ),
            "outcome": (
                rng.choice(OUTCOMES).format(topic=topic) if status == Event.Status.HELD else ""
            ),
        }

    def participations(self, event, organizations, ministries_by_country):
        rng = self.rng
        rows = []
        hosts = ministries_by_country.get(event.country.code) or ministries_by_country[""]
        chosen = rng.sample(hosts, k=min(len(hosts), rng.choice([1, 1, 2])))
        for organization in chosen:
            rows.append((organization, "", Participation.Role.CO_HOST, ""))
        others = rng.sample(organizations, k=rng.randint(1, 6))
        for index, organization in enumerate(others):
            if organization in chosen:
                continue
            role = (
                Participation.Role.ORGANISER
                if index == 0 and organization.kind in {Kind.UN_ENTITY, Kind.INTERGOVERNMENTAL}
                else rng.choice([Participation.Role.PARTNER] + [Participation.Role.PARTICIPANT] * 3)
            )
            rows.append((organization, "", role, ""))
        for group in rng.sample(list(STAKEHOLDER_GROUPS), k=rng.choice([0, 0, 1, 2, 3, 4])):
            rows.append((None, group, Participation.Role.PARTICIPANT, STAKEHOLDER_GROUPS[group]))
        return [
            Participation(
                event=event,
                organization=organization,
                stakeholder_kind=group,
                role=role,
                description=description,
                order=order,
            )
            for order, (organization, group, role, description) in enumerate(rows)
        ]

    def contributions(self, event, people, topic):
        rng = self.rng
        if event.status == Event.Status.CANCELLED:
            return []
        speakers = rng.sample(people, k=min(len(people), rng.choice([0, 1, 2, 3, 3, 4, 6])))
        rows = []
        for order, person in enumerate(speakers):
            if order == 0:
                role = rng.choice([Contribution.Role.ADDRESS, Contribution.Role.KEYNOTE])
            elif order == len(speakers) - 1 and len(speakers) > 2:
                role = Contribution.Role.MODERATOR
            else:
                role = rng.choice([Contribution.Role.PANELLIST, Contribution.Role.REMARKS])
            language, quotation = "en", ""
            if event.status == Event.Status.HELD and rng.random() < 0.25:
                language, quotation = rng.choice(QUOTATIONS)
            rows.append(
                Contribution(
                    event=event,
                    person=person,
                    role=role,
                    title=rng.choice(TALK_TITLES).format(topic=topic),
                    summary=(f"{person.name} spoke about {topic}." if rng.random() < 0.6 else ""),
                    quotation=quotation,
                    quotation_language=language,
                    order=order,
                )
            )
        return rows

    def pick_earlier(self, by_year: _ByYear, year: int, *, share: float, most: int) -> list:
        """With chance ``share``, 1 to ``most`` of the rows of ``year`` or earlier."""
        available = bisect.bisect_right(by_year.years, year)
        if not available or self.rng.random() >= share:
            return []
        indexes = self.rng.sample(range(available), k=min(available, self.rng.randint(1, most)))
        return [by_year.rows[index] for index in indexes]

    def plan_batch(self, size: int, plan: _Plan, themes: list[Theme]):
        """``size`` unsaved events (with their themes and topic), and the new series."""
        new_series, planned = [], []
        for _ in range(size):
            current = self.pick_series(plan, new_series)
            event, event_themes, topic = self.build_event(current, plan.event_slugs, themes)
            planned.append((event, event_themes, topic))
            if current is not None:
                current.follow(event, gap_days=self.rng.randint(60, 400))
                if current.over:
                    plan.open_series.remove(current)
        return new_series, planned

    def pick_series(self, plan: _Plan, new_series: list[EventSeries]) -> _OpenSeries | None:
        """The open series the next event is an edition of, new if need be, or None."""
        if self.rng.random() >= 0.35:
            return None
        if len(plan.open_series) < 6 or self.rng.random() < 0.05:
            current = self.new_series(plan.series_names, plan.series_slugs)
            plan.open_series.append(current)
            new_series.append(current.series)
            return current
        return self.rng.choice(plan.open_series)

    def write_batch(self, new_series, planned, pools: _Pools) -> None:
        """Save a planned batch and everything hanging on its events, in bulk."""
        EventSeries.objects.bulk_create(new_series, batch_size=self.batch_size)
        events = [event for event, _themes, _topic in planned]
        for event in events:
            if event.series is not None:
                event.series_id = event.series.pk
        Event.objects.bulk_create(events, batch_size=self.batch_size)

        rows = defaultdict(list)
        for event, event_themes, topic in planned:
            for model, event_rows in self.rows_on(event, event_themes, topic, pools).items():
                rows[model] += event_rows
        for model, model_rows in rows.items():
            model.objects.bulk_create(model_rows, batch_size=self.batch_size)
        self.report.add(EventSeries, len(new_series))
        self.report.add(Event, len(events))
        self.report.add(Participation, len(rows[Participation]))
        self.report.add(Contribution, len(rows[Contribution]))

    def rows_on(self, event: Event, event_themes, topic: str, pools: _Pools) -> dict:
        """The rows that hang on the saved ``event``, by model; drawn in this order."""
        # Only what already existed in the event's year: launched, or adopted.
        year = event.start_date.year
        return {
            Event.themes.through: [
                Event.themes.through(event_id=event.pk, theme_id=theme.pk) for theme in event_themes
            ],
            Participation: self.participations(
                event, pools.organizations, pools.ministries_by_country
            ),
            Contribution: self.contributions(event, pools.people, topic),
            Initiative.events.through: [
                Initiative.events.through(initiative_id=initiative.pk, event_id=event.pk)
                for initiative in self.pick_earlier(pools.initiatives, year, share=0.3, most=2)
            ],
            Resolution.events.through: [
                Resolution.events.through(resolution_id=resolution.pk, event_id=event.pk)
                for resolution in self.pick_earlier(pools.resolutions, year, share=0.25, most=3)
            ],
        }

    def ensure_pools(self, total: int) -> _Pools:
        """The rows events draw from, with as many new ones as ``total`` events want."""
        with transaction.atomic():
            themes = self.ensure_themes()
            organizations = self.ensure_organizations(max(30, total // 20))
            people = self.ensure_people(max(20, total // 8), organizations)
            initiatives = self.ensure_initiatives(max(4, total // 100), organizations, themes)
        return _Pools(
            themes=themes,
            organizations=organizations,
            people=people,
            initiatives=_ByYear(initiatives, attrgetter("launched")),
            resolutions=_ByYear(Resolution.objects.all(), attrgetter("year")),
        )

    def run(self, total: int, progress: Callable[[int], None] | None) -> GenerationReport:
        if not connection.features.can_return_rows_from_bulk_insert:  # pragma: no cover
            raise RuntimeError("The database must return primary keys from bulk inserts.")
        pools = self.ensure_pools(total)
        plan = _Plan.from_database()
        for done in range(0, total, self.batch_size):
            size = min(self.batch_size, total - done)
            new_series, planned = self.plan_batch(size, plan, pools.themes)
            with transaction.atomic():
                self.write_batch(new_series, planned, pools)
            if progress is not None:
                progress(size)
        return self.report


def generate_content(
    *,
    events: int,
    seed: int = 2018,
    batch_size: int = 2000,
    today: datetime.date | None = None,
    progress: Callable[[int], None] | None = None,
) -> GenerationReport:
    """Add ``events`` generated events, with everything around them, to the database.

    ``progress`` is called with the number of events written after each batch.
    """
    if events < 0:
        raise ValueError("The number of events cannot be negative.")
    generator = _Generator(seed=seed, today=today or timezone.localdate(), batch_size=batch_size)
    report = generator.run(events, progress)
    refresh_planner_statistics()
    return report


def refresh_planner_statistics() -> None:
    """After a bulk load PostgreSQL's statistics are stale until autovacuum runs, and
    its plans can be a hundred times slower (a full-text filter was 6.7 s instead of
    30 ms here): refresh them at once."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
