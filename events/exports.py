"""The dialogue's lists as CSV and JSON: the columns of each, and the export views.

The column definitions are the single source of the data documentation page.
"""

from collections.abc import Iterator
from functools import lru_cache

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ctdialogue.database.lookups import AmongIds
from ctdialogue.output.addresses import absolute
from ctdialogue.output.exports import (
    CHUNK_SIZE,
    Column,
    ExportView,
    batched,
    country_columns,
    grouped,
    linked,
    names,
    record_columns,
    shown_languages,
)
from ctdialogue.publishing.models import public_q
from ctdialogue.safety.html import plain_text
from ctdialogue.translations.registry import column, pick_shown, text_columns, un_code

from .filters import EventFilter, InitiativeFilter, OrganizationFilter, PersonFilter
from .models import (
    ANONYMOUS_SPEAKER,
    Contribution,
    Event,
    EventSeries,
    Initiative,
    Participation,
    Theme,
    event_dates,
    event_known_date,
    full_name,
    is_attributable,
    participant_name,
)

# --- Column sets ----------------------------------------------------------------

# Events are exported from rows of values (``event_rows``): at 100,000 events, model
# instances and their related managers were nearly all of the cost.

EVENT_PAGE = "events:event-detail"


def event_address() -> tuple[str, str]:
    """What comes before and after the slug in an event's address, reversed once per
    export rather than once per row."""
    before, after = reverse(EVENT_PAGE, kwargs={"slug": "slug"}).rsplit("slug", 1)
    return absolute(before), after


ROLES = dict(Participation.Role.choices)


@lru_cache(maxsize=16384)
def _participant(values: tuple, language: str | None) -> str:
    """A participation as a cell reads it, in ``language`` (the active one, which the
    cache key holds): the same organisation in the same role recurs across thousands
    of events."""
    organization, description, stakeholder_kind, organization_kind, role = values
    kind = organization_kind if organization is not None else stakeholder_kind
    return f"{participant_name(organization, description, kind)} ({ROLES[role].lower()})"


@lru_cache(maxsize=2048)  # rows come in date order: recent dates recur
def _dates(start, end, precision: str, status: str, language: str | None) -> str:
    """``event_dates`` in ``language`` (the active one, which the cache key holds): many
    events share their dates."""
    return event_dates(start, end, precision, status)


def _speaker(event_rule: bool, values) -> str:
    session_rule, honorific, name = values
    if not is_attributable(session_rule, event_rule):
        return str(ANONYMOUS_SPEAKER)
    return full_name(honorific, name)


EVENT_COLUMNS = [
    *record_columns(
        _("the event's page"),
        texts=lambda e: e["text_languages"],
        uid=lambda e: e["uid"],
        url=lambda e: e["url"],
        language=lambda e: e["language"],
    ),
    Column("title", _("Title of the event."), lambda e: e["title"]),
    Column("series", _("Series the event belongs to."), lambda e: e["series_name"]),
    Column("edition", _("Its number in the series."), lambda e: e["edition"] or ""),
    Column("kind", _("workshop, dialogue or meeting."), lambda e: e["kind"]),
    Column("status", _("planned, tentative, held, postponed or cancelled."), lambda e: e["status"]),
    Column(
        "dates",
        _("The dates in words, at their true precision."),
        lambda e: _dates(
            e["start_date"],
            e["end_date"],
            e["date_precision"],
            e["status"],
            e["interface_language"],
        ),
    ),
    Column(
        "start_date",
        _("First day (ISO 8601); for a fuzzy date, the first day of its period."),
        lambda e: e["start_date"].isoformat(),
    ),
    Column(
        "end_date",
        _("Last day (ISO 8601); empty for a one-day event."),
        lambda e: e["end_date"].isoformat() if e["end_date"] else "",
    ),
    Column(
        "date_precision",
        _("How exactly the date is known: day, month, half_year or year."),
        lambda e: e["date_precision"],
    ),
    Column(
        "edtf",
        _(
            "The dates in EDTF (Extended Date/Time Format, ISO 8601-2), only as exact as "
            "known: 2018-01-24/2018-01-25, 2017-05, 2018-41 (second half of 2018), 2019; "
            "a tentative date ends in ? (a tentative half-year cannot be marked: see status)."
        ),
        lambda e: event_known_date(
            e["start_date"], e["end_date"], e["date_precision"], e["status"]
        ).edtf(),
    ),
    Column("city", _("City."), lambda e: e["city"]),
    *country_columns(code=lambda e: e["country"], language=lambda e: e["interface_language"]),
    Column("themes", _("Themes discussed."), lambda e: e["themes"], is_list=True),
    Column(
        "participants",
        _("Organisations and stakeholder groups, with their role."),
        lambda e: [_participant(values, e["interface_language"]) for values in e["participations"]],
        is_list=True,
    ),
    Column(
        "speakers",
        _("People who spoke."),
        lambda e: [_speaker(e["chatham_house_rule"], v) for v in e["contributions"]],
        is_list=True,
    ),
    Column("initiatives", _("Initiatives discussed."), lambda e: e["initiatives"], is_list=True),
    Column(
        "resolutions",
        _("Security Council resolutions the event relates to, by symbol."),
        lambda e: [f"S/RES/{number} ({year})" for number, year in e["resolutions"]],
        is_list=True,
    ),
    Column("summary", _("Short summary, as plain text."), lambda e: plain_text(e["summary"])),
]

INITIATIVE_COLUMNS = [
    *record_columns(_("the initiative's page"), shown_languages("name", "acronym", "summary")),
    Column("name", _("Name."), lambda i: i.name),
    Column("acronym", _("Acronym."), lambda i: i.acronym),
    Column("launched", _("Year launched."), lambda i: i.launched or ""),
    Column("website", _("Website."), lambda i: i.website),
    Column("themes", _("Themes."), lambda i: names(i.themes.all()), is_list=True),
    Column(
        "partners",
        _("Partner organisations with their role (lead or partner)."),
        lambda i: [
            f"{p.organization.name} ({p.get_role_display().lower()})" for p in i.partnerships.all()
        ],
        is_list=True,
    ),
    Column(
        "resolutions",
        _("Resolutions that recognise it, by symbol."),
        lambda i: [r.symbol for r in i.resolutions.all()],
        is_list=True,
    ),
    Column("summary", _("Summary, as plain text."), lambda i: plain_text(i.summary)),
]

ORGANIZATION_COLUMNS = [
    *record_columns(_("the stakeholder's page"), shown_languages("name", "acronym")),
    Column("name", _("Name."), lambda o: o.name),
    Column("acronym", _("Acronym."), lambda o: o.acronym),
    Column("kind", _("Stakeholder kind (code)."), lambda o: o.kind),
    Column("kind_name", _("Stakeholder kind in words."), lambda o: o.get_kind_display()),
    *country_columns(),
    Column("website", _("Website."), lambda o: o.website),
]

PERSON_COLUMNS = [
    *record_columns(_("the speaker's page"), shown_languages("name", "position")),
    Column(
        "honorific",
        _("Mr., Ms., Dr., H.E. ..."),
        lambda p: p.shown_honorific,
    ),
    Column("name", _("Name."), lambda p: p.name),
    Column("position", _("Position."), lambda p: p.position),
    Column(
        "organization",
        _("Organisation."),
        lambda p: p.organization.name if p.organization else "",
    ),
    Column(
        "organization_id",
        _("Permanent identifier of the organisation."),
        lambda p: str(p.organization.uid) if p.organization else "",
    ),
]


EVENT_EXPORT_FIELDS = (
    "pk", "uid", "slug", "title", "series_id", "edition", "kind", "status", "start_date",
    "end_date", "date_precision", "city", "country", "summary", "chatham_house_rule",
    "language",
)  # fmt: skip


#: The texts of an event an export gives, in the export's language where translated.
EVENT_TEXTS = ("title", "city", "summary")

# The parts are read for events of a public list: their event is public.
KNOWN = ("event",)


def _shown(row: tuple, language: str) -> tuple[str, str]:
    """(text, its language) from values read as (original, translation into
    ``language``, original's language)."""
    original, translated, original_language = row
    return pick_shown(original, translated, original_language, language)


def _name(values: tuple, language: str) -> str:
    return _shown(values, language)[0]


def _event_parts(ids: list, language: str) -> dict[str, dict]:
    """The public parts and links of the events ``ids``, one query each, as values in
    the order their pages show them, names in ``language`` where translated:
    {part: {event id: [values, ...]}}."""
    participations = (
        Participation.objects.filter(AmongIds("event_id", ids))
        .filter(public_q(Participation, known_public=KNOWN))
        .order_by("event_id", "order", "pk")
        .values_list(
            "event_id", "organization__name", f"organization__{column('name', language)}",
            "organization__language", "description", column("description", language),
            "event__language", "stakeholder_kind", "organization__kind", "role",
        )
    )  # fmt: skip
    contributions = (
        Contribution.objects.filter(AmongIds("event_id", ids))
        .filter(public_q(Contribution, known_public=KNOWN))
        .order_by("event_id", "order", "pk")
        .values_list(
            "event_id", "chatham_house_rule", "person__honorific",
            f"person__{column('honorific', language)}", "person__name",
            f"person__{column('name', language)}", "person__language",
        )
    )  # fmt: skip
    named = ("name", column("name", language), "language")
    return {
        "themes": linked(Event, "themes", ids, *named),
        "initiatives": linked(Event, "initiatives", ids, *named),
        "resolutions": linked(Event, "resolutions", ids, "number", "year"),
        "participations": grouped(
            (row[0], _participation(row[1:], language)) for row in participations
        ),
        "contributions": grouped(
            (row[0], _contribution(row[1:], language)) for row in contributions
        ),
    }


def _participation(values: tuple, language: str) -> tuple:
    """The values ``_participant`` reads, names in ``language`` where translated."""
    name, name_translated, name_language, description, translated, event_language, *rest = values
    organization = None if name is None else _name((name, name_translated, name_language), language)
    return (organization, _name((description, translated, event_language), language), *rest)


def _contribution(values: tuple, language: str) -> tuple:
    """(session under the Chatham House rule, honorific, name) in ``language`` where
    translated; no honorific before a name shown in another language than its own."""
    rule, honorific, honorific_translated, name, name_translated, person_language = values
    honorific, honorific_language = _shown(
        (honorific, honorific_translated, person_language), language
    )
    name, name_language = _shown((name, name_translated, person_language), language)
    return rule, honorific if honorific_language == name_language else "", name


def event_rows(queryset) -> Iterator[dict]:
    """The events of ``queryset``, in its order, as dicts of values with their public
    series name and parts and the language they are written in (the active one), read a
    chunk at a time (a server-side cursor). Texts and names are in that language where
    translated, and ``text_languages`` says which."""
    interface_language = get_language()
    language = un_code(interface_language)
    series = {
        pk: _name(values, language)
        for pk, *values in EventSeries.objects.public().values_list(
            "pk", "name", column("name", language), "language"
        )
    }
    before, after = event_address()
    translations = [column(name, language) for name in EVENT_TEXTS]
    rows = queryset.values(*EVENT_EXPORT_FIELDS, *translations).iterator(chunk_size=CHUNK_SIZE)
    for chunk in batched(rows, CHUNK_SIZE):
        parts = _event_parts([row["pk"] for row in chunk], language)
        for row in chunk:
            row["url"] = before + row["slug"] + after
            row["series_name"] = series.get(row["series_id"], "")
            row["interface_language"] = interface_language
            row["text_languages"] = {}
            for name in EVENT_TEXTS:
                text, text_language = pick_shown(
                    row[name], row[column(name, language)], row["language"], language
                )
                row[name] = text
                if text:
                    row["text_languages"][name] = text_language
            for name, by_event in parts.items():
                row[name] = by_event.get(row["pk"], [])
            row["themes"] = [_name(values, language) for values in row["themes"]]
            row["initiatives"] = [_name(values, language) for values in row["initiatives"]]
            yield row


def initiative_export_queryset(queryset):
    resolution_model = Initiative._meta.get_field("resolutions").related_model
    return queryset.with_partners().with_public(
        Prefetch("themes", queryset=Theme.objects.only(*text_columns(Theme, "name"))),
        Prefetch("resolutions", queryset=resolution_model.objects.only("number", "year")),
    )


class EventExportView(ExportView):
    filterset_class = EventFilter
    columns = EVENT_COLUMNS
    filename = "events"
    source = staticmethod(event_rows)  # in the order the filter sorts


class InitiativeExportView(ExportView):
    filterset_class = InitiativeFilter
    columns = INITIATIVE_COLUMNS
    filename = "initiatives"
    prepare = staticmethod(initiative_export_queryset)


class OrganizationExportView(ExportView):
    filterset_class = OrganizationFilter
    columns = ORGANIZATION_COLUMNS
    filename = "stakeholders"


class PersonExportView(ExportView):
    filterset_class = PersonFilter
    columns = PERSON_COLUMNS
    filename = "speakers"

    def prepare(self, queryset):
        return queryset.with_organization()
