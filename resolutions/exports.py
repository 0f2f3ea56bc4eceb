"""CSV and JSON exports of the resolution catalogue (see ``ctdialogue.output.exports``)."""

from django.utils.translation import gettext_lazy as _

from ctdialogue.output.exports import (
    Column,
    ExportView,
    interpolate_lazy,
    names,
    record_columns,
    shown_languages,
)

from .filters import ResolutionFilter
from .models import ResolutionRelation


def _count(value):
    return "" if value is None else value


def _relation_columns() -> list[Column]:
    """Two list columns per kind of relation: the earlier resolutions this one refers
    to that way, and the later ones that refer to it that way (symbols)."""
    columns = []
    for kind, label in ResolutionRelation.Kind.choices:
        inverse_name, inverse_label = ResolutionRelation.INVERSE[kind]
        columns += [
            Column(
                kind,
                interpolate_lazy(
                    _("%(relation)s (symbols of earlier resolutions)."), relation=label
                ),
                lambda r, kind=kind: [x.target.symbol for x in r.relations.all() if x.kind == kind],
                is_list=True,
            ),
            Column(
                inverse_name,
                interpolate_lazy(
                    _("%(relation)s (symbols of later resolutions)."), relation=inverse_label
                ),
                lambda r, kind=kind: [
                    x.source.symbol for x in r.referenced_by.all() if x.kind == kind
                ],
                is_list=True,
            ),
        ]
    return columns


RESOLUTION_COLUMNS = [
    *record_columns(
        _("the resolution's page"),
        shown_languages("title", "official_title", "agenda_item", "summary"),
    ),
    Column("number", _("Resolution number."), lambda r: r.number),
    Column("symbol", _("Document symbol, e.g. S/RES/2396 (2017)."), lambda r: r.symbol),
    Column("year", _("Year of adoption."), lambda r: r.year),
    Column(
        "adopted_on",
        _("Date of adoption (ISO 8601)."),
        lambda r: r.adopted_on.isoformat() if r.adopted_on else "",
    ),
    Column("title", _("Its subject, briefly, in this site's words."), lambda r: r.title),
    Column(
        "official_title",
        _(
            "The title the United Nations gives it; empty where not yet copied from the "
            "official record."
        ),
        lambda r: r.official_title,
    ),
    Column("agenda_item", _("Security Council agenda item."), lambda r: r.agenda_item),
    Column(
        "meeting_record",
        _("Symbol of the adopting meeting's record, e.g. S/PV.8148; empty if not recorded."),
        lambda r: r.meeting_record,
    ),
    Column(
        "vote",
        _("recorded (put to the vote), without_vote, or empty while not recorded."),
        lambda r: r.vote,
    ),
    Column(
        "votes_for", _("Votes in favour (a recorded vote only)."), lambda r: _count(r.votes_for)
    ),
    Column(
        "votes_against",
        _("Votes against (a recorded vote only)."),
        lambda r: _count(r.votes_against),
    ),
    Column(
        "abstentions", _("Abstentions (a recorded vote only)."), lambda r: _count(r.abstentions)
    ),
    Column("official_url", _("The official text."), lambda r: r.official_url),
    Column("themes", _("Themes."), lambda r: names(r.themes.all()), is_list=True),
    Column(
        "initiatives",
        _("Initiatives it recognises."),
        lambda r: names(r.initiatives.all()),
        is_list=True,
    ),
    Column(
        "events",
        _("Events that discussed it (titles)."),
        lambda r: names(r.events.all()),
        is_list=True,
    ),
    *_relation_columns(),
]


class ResolutionExportView(ExportView):
    filterset_class = ResolutionFilter
    columns = RESOLUTION_COLUMNS
    filename = "resolutions"

    def prepare(self, queryset):
        return queryset.with_links()
