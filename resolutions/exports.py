"""CSV and JSON exports of the resolution catalogue (see ``ctdialogue.output.exports``)."""

from ctdialogue.output.exports import (
    Column,
    ExportView,
    names,
    record_columns,
)

from .filters import ResolutionFilter

RESOLUTION_COLUMNS = [
    *record_columns("resolution"),
    Column("number", "Resolution number.", lambda r: r.number),
    Column("symbol", "Document symbol, e.g. S/RES/2396 (2017).", lambda r: r.symbol),
    Column("year", "Year of adoption.", lambda r: r.year),
    Column(
        "adopted_on",
        "Date of adoption (ISO 8601).",
        lambda r: r.adopted_on.isoformat() if r.adopted_on else "",
    ),
    Column("title", "Its subject, briefly, in this site's words.", lambda r: r.title),
    Column(
        "official_title",
        "The title the United Nations gives it; empty where not yet copied from the "
        "official record.",
        lambda r: r.official_title,
    ),
    Column("agenda_item", "Security Council agenda item.", lambda r: r.agenda_item),
    Column("official_url", "The official text.", lambda r: r.official_url),
    Column("themes", "Themes.", lambda r: names(r.themes.all()), is_list=True),
    Column(
        "initiatives",
        "Initiatives it recognises.",
        lambda r: names(r.initiatives.all()),
        is_list=True,
    ),
    Column(
        "events",
        "Events that discussed it (titles).",
        lambda r: names(r.events.all()),
        is_list=True,
    ),
]


class ResolutionExportView(ExportView):
    filterset_class = ResolutionFilter
    columns = RESOLUTION_COLUMNS
    filename = "resolutions"

    def prepare(self, queryset):
        return queryset.with_links()
