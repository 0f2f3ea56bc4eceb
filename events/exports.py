"""The dialogue's lists as CSV and JSON: the columns of each, and the export views.

The column definitions are the single source of the data documentation page.
"""

from django.db.models import Prefetch

from ctdialogue.output.exports import (
    Column,
    ExportView,
    country_columns,
    names,
    record_columns,
)
from ctdialogue.safety.html import plain_text

from .filters import EventFilter, InitiativeFilter, OrganizationFilter, PersonFilter
from .models import (
    Contribution,
    Event,
    EventSeries,
    Initiative,
    Participation,
    Theme,
)

# --- Column sets ----------------------------------------------------------------


def _speakers(event):
    speakers = []
    for contribution in event.contributions.all():
        if contribution.is_attributable:
            speakers.append(contribution.person.full_name)
        else:
            speakers.append("A participant (Chatham House rule)")
    return speakers


def _participants(event):
    return [
        f"{p.participant_display} ({p.get_role_display().lower()})"
        for p in event.participations.all()
    ]


EVENT_COLUMNS = [
    *record_columns("event"),
    Column("title", "Title of the event.", lambda e: e.title),
    Column("series", "Series the event belongs to.", lambda e: e.series.name if e.series else ""),
    Column("edition", "Its number in the series.", lambda e: e.edition or ""),
    Column("kind", "workshop, dialogue or meeting.", lambda e: e.kind),
    Column("status", "planned, tentative, held, postponed or cancelled.", lambda e: e.status),
    Column("dates", "The dates in words, at their true precision.", lambda e: e.date_display),
    Column(
        "start_date",
        "First day (ISO 8601); for a fuzzy date, the first day of its period.",
        lambda e: e.start_date.isoformat(),
    ),
    Column(
        "end_date",
        "Last day (ISO 8601); empty for a one-day event.",
        lambda e: e.end_date.isoformat() if e.end_date else "",
    ),
    Column(
        "date_precision",
        "How exactly the date is known: day, month, half_year or year.",
        lambda e: e.date_precision,
    ),
    Column("city", "City.", lambda e: e.city),
    *country_columns(),
    Column("themes", "Themes discussed.", lambda e: names(e.themes.all()), is_list=True),
    Column(
        "participants",
        "Organisations and stakeholder groups, with their role.",
        _participants,
        is_list=True,
    ),
    Column("speakers", "People who spoke.", _speakers, is_list=True),
    Column(
        "initiatives", "Initiatives discussed.", lambda e: names(e.initiatives.all()), is_list=True
    ),
    Column(
        "resolutions",
        "Security Council resolutions the event relates to, by symbol.",
        lambda e: [r.symbol for r in e.resolutions.all()],
        is_list=True,
    ),
    Column("summary", "Short summary, as plain text.", lambda e: plain_text(e.summary)),
]

INITIATIVE_COLUMNS = [
    *record_columns("initiative"),
    Column("name", "Name.", lambda i: i.name),
    Column("acronym", "Acronym.", lambda i: i.acronym),
    Column("launched", "Year launched.", lambda i: i.launched or ""),
    Column("website", "Website.", lambda i: i.website),
    Column("themes", "Themes.", lambda i: names(i.themes.all()), is_list=True),
    Column(
        "partners",
        "Partner organisations with their role (lead or partner).",
        lambda i: [
            f"{p.organization.name} ({p.get_role_display().lower()})" for p in i.partnerships.all()
        ],
        is_list=True,
    ),
    Column(
        "resolutions",
        "Resolutions that recognise it, by symbol.",
        lambda i: [r.symbol for r in i.resolutions.all()],
        is_list=True,
    ),
    Column("summary", "Summary, as plain text.", lambda i: plain_text(i.summary)),
]

ORGANIZATION_COLUMNS = [
    *record_columns("stakeholder"),
    Column("name", "Name.", lambda o: o.name),
    Column("acronym", "Acronym.", lambda o: o.acronym),
    Column("kind", "Stakeholder kind (code).", lambda o: o.kind),
    Column("kind_name", "Stakeholder kind in words.", lambda o: o.get_kind_display()),
    *country_columns(),
    Column("website", "Website.", lambda o: o.website),
]

PERSON_COLUMNS = [
    *record_columns("speaker"),
    Column("honorific", "Mr., Ms., Dr., H.E. ...", lambda p: p.honorific),
    Column("name", "Name.", lambda p: p.name),
    Column("position", "Position.", lambda p: p.position),
    Column(
        "organization",
        "Organisation.",
        lambda p: p.organization.name if p.organization else "",
    ),
    Column(
        "organization_id",
        "Permanent identifier of the organisation.",
        lambda p: str(p.organization.uid) if p.organization else "",
    ),
]


EVENT_EXPORT_FIELDS = (
    "uid", "slug", "title", "series", "edition", "kind", "status", "start_date",
    "end_date", "date_precision", "city", "country", "summary", "chatham_house_rule",
)  # fmt: skip


def event_export_queryset(queryset):
    """Only the fields the columns read: at 100,000 rows, building model instances
    and parsing unused timestamps is most of the cost."""
    resolution_model = Event._meta.get_field("resolutions").related_model
    return (
        queryset.only(*EVENT_EXPORT_FIELDS)
        .with_public(
            Prefetch("series", queryset=EventSeries.objects.only("name")),
            Prefetch("themes", queryset=Theme.objects.only("name")),
            Prefetch(
                "participations",
                queryset=Participation.objects.select_related("organization")
                .only(
                    "event_id", "role", "stakeholder_kind", "description", "order",
                    "organization__name", "organization__kind",
                )
                .order_by("order", "pk"),
            ),
            # The prefetch sets each contribution's event to its parent row.
            Prefetch(
                "contributions",
                queryset=Contribution.objects.select_related("person")
                .only("event_id", "role", "chatham_house_rule", "order", "person__honorific",
                      "person__name")
                .order_by("order", "pk"),
            ),
            Prefetch("initiatives", queryset=Initiative.objects.only("name")),
            Prefetch("resolutions", queryset=resolution_model.objects.only("number", "year")),
        )
    )  # fmt: skip


def initiative_export_queryset(queryset):
    resolution_model = Initiative._meta.get_field("resolutions").related_model
    return queryset.with_partners().with_public(
        Prefetch("themes", queryset=Theme.objects.only("name")),
        Prefetch("resolutions", queryset=resolution_model.objects.only("number", "year")),
    )


class EventExportView(ExportView):
    filterset_class = EventFilter
    columns = EVENT_COLUMNS
    filename = "events"
    prepare = staticmethod(event_export_queryset)  # in the order the filter sorts


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
