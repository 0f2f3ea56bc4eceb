"""Exports of filtered lists as CSV and JSON, streamed in blocks of rows.

An export takes the same query string as the HTML list it belongs to and returns
every matching published record (not just one page), in the same order. Rows are read
from the database in chunks, so 100,000 events never sit in memory at once. Each
export says up front how many records it holds (``X-Record-Count``; in JSON also
``meta.count``), and a JSON file ends with its closing brackets: a file cut off by a
dropped connection or a killed worker is recognisably incomplete. Each
content app declares its columns (``Column``); the same list documents the data on
the /data/ page.

A spreadsheet opening a CSV file runs a cell that starts like a formula. A text cell
that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is written with
a single quote before it (OWASP's advice on CSV injection), and every text cell is in
double quotes, so that a separator inside it cannot start a new cell in a spreadsheet
that splits on another character. Numbers are numbers: a column of whole numbers is
written unquoted and never changed, so -2 stays -2. JSON gives every value exactly.
"""

import csv
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.http import HttpResponse, StreamingHttpResponse
from django.urls import re_path
from django.utils.functional import lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views import View
from django_countries import countries

from ctdialogue.database.lookups import AmongIds
from ctdialogue.pages.filters import BAD_PARAMETERS, BAD_PARAMETERS_HEADING
from ctdialogue.publishing.models import public_q
from ctdialogue.translations.registry import shown_language, shown_while_iterating, stored

from .addresses import absolute

CHUNK_SIZE = 2000
#: The number of records the export holds, sent before its first row.
COUNT_HEADER = "X-Record-Count"
LIST_SEPARATOR = "; "


def list_cell(items: Iterable[str] | dict) -> str:
    """Several values in one CSV cell, separated by "; ". A backslash or a semicolon
    inside a value gets a backslash before it, so reading the cell from left to right
    (a backslash keeps the character after it as it is; any other "; " separates)
    gives back exactly the values, even a resolution title that holds "; " itself. A
    mapping is written as its pairs, ``key=value``."""
    if isinstance(items, dict):
        items = [f"{key}={value}" for key, value in items.items()]
    return LIST_SEPARATOR.join(
        str(item).replace("\\", "\\\\").replace(";", "\\;") for item in items
    )


#: How a spreadsheet formula may begin (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value):
    """``value`` as a spreadsheet cell that cannot run: text that starts like a
    formula gets a single quote before it; numbers, dates and empty cells are kept."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


@dataclass(frozen=True)
class Column:
    name: str
    description: str
    value: Callable[[object], object]
    is_list: bool = False
    #: A mapping ({"title": "fr"}): an object in JSON, its pairs in a CSV cell.
    is_mapping: bool = False


def shown_languages(*names: str) -> Callable:
    """What the ``text_languages`` column of a model instance's row holds: the language
    each of its texts ``names`` is shown in, the empty ones left out."""
    return lambda r: {name: shown_language(r, name) for name in names if stored(r, name)}


def record_columns(
    page: str,
    texts: Callable,
    uid: Callable = lambda r: r.uid,
    url: Callable = lambda r: absolute(r.get_absolute_url()),
    language: Callable = lambda r: r.language,
) -> list[Column]:
    """The first columns of every export: the record's permanent identifier, the
    address of its ``page`` (translated: "the event's page"), the language its texts
    are written in, and the language each text is given in (``texts``:
    ``shown_languages``); ``uid``, ``url`` and ``language`` read them from a record (a
    model instance by default)."""
    return [
        Column("id", _("Permanent identifier (UUID); never changes."), lambda r: str(uid(r))),
        Column("url", interpolate_lazy(_("Address of %(page)s."), page=page), url),
        Column(
            "language",
            _(
                "The language the record's texts are written in, by the UN's code: ar, zh, "
                "en, fr, ru or es (the headers and words such as dates and country names "
                "are in the language of the export's address)."
            ),
            language,
        ),
        Column(
            "text_languages",
            _(
                "The language each text of the row is given in, by the UN's code "
                "(title=fr): its translation into the language of the export's address, "
                "else its original. Names of linked records are translated likewise."
            ),
            texts,
            is_mapping=True,
        ),
    ]


def _interpolate(message, values: dict) -> str:
    return str(message) % values


_interpolate_lazy = lazy(_interpolate, str)


def interpolate_lazy(message, **values):
    """``message % values``, worked out only when shown, in the language active then:
    for texts made at import, such as the columns' descriptions."""
    return _interpolate_lazy(message, values)


@lru_cache(maxsize=4096)
def country_name(code: str, language: str | None) -> str:
    """The name of the country ``code`` in ``language`` (the active one, which the
    cache key holds): looked up once per export rather than once per row."""
    return countries.name(code) or "" if code else ""


def country_columns(
    code: Callable = lambda r: r.country.code,
    language: Callable = lambda r: get_language(),
) -> list[Column]:
    """The country's code and name; ``code`` reads the code from a record, ``language``
    the language it is written in."""
    return [
        Column("country", _("Country code (ISO 3166-1 alpha-2)."), lambda r: code(r) or ""),
        Column("country_name", _("Country name."), lambda r: country_name(code(r), language(r))),
    ]


def names(items) -> list[str]:
    return [str(item) for item in items]


# --- Writers --------------------------------------------------------------------


class _Echo:
    """A file-like object whose write returns the line, for streaming csv."""

    def write(self, value):
        return value


def records(source: Iterable, columns: list[Column]) -> Iterator[dict]:
    """Each record of ``source`` (model instances or rows of values) as its columns."""
    for obj in source:
        yield {column.name: column.value(obj) for column in columns}


#: About how much of an export a server sends at once: one write per block, not per row.
BLOCK_SIZE = 64 * 1024


def blocks(pieces: Iterable[str], size: int = BLOCK_SIZE) -> Iterator[str]:
    """``pieces`` joined into blocks of at least ``size`` characters (the last one may
    be shorter)."""
    block: list[str] = []
    length = 0
    for piece in pieces:
        block.append(piece)
        length += len(piece)
        if length >= size:
            yield "".join(block)
            block, length = [], 0
    if block:
        yield "".join(block)


# --- Rows of values, for the largest exports ---------------------------------------


def batched(items: Iterable, size: int) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def ordering(model, prefix: str) -> list[str]:
    """``model``'s default ordering across a relation: "-number" -> "-resolution__number"."""
    return [
        f"-{prefix}{name[1:]}" if name.startswith("-") else f"{prefix}{name}"
        for name in model._meta.ordering
    ]


def grouped(pairs: Iterable[tuple]) -> dict:
    """{key: [value, ...]} from (key, value) pairs, each list in the order given."""
    groups: defaultdict = defaultdict(list)
    for key, value in pairs:
        groups[key].append(value)
    return groups


def linked(record_model, relation: str, ids: list, *fields: str) -> dict:
    """{record id: [the ``fields`` of each public linked record (one value, or a tuple
    of several), in the linked model's order]} for a many-to-many ``relation`` of
    ``record_model``, read from its link table in one query."""
    relation_field = record_model._meta.get_field(relation)
    if relation_field.auto_created:  # declared on the other model
        through, own, other = (
            relation_field.through,
            relation_field.field.m2m_reverse_field_name(),
            relation_field.field.m2m_field_name(),
        )
    else:
        through, own, other = (
            relation_field.remote_field.through,
            relation_field.m2m_field_name(),
            relation_field.m2m_reverse_field_name(),
        )
    linked = relation_field.related_model
    rows = (
        through.objects.filter(AmongIds(f"{own}_id", ids))
        .filter(public_q(linked, f"{other}__"))
        .order_by(*ordering(linked, f"{other}__"))
        .values_list(f"{own}_id", *(f"{other}__{field}" for field in fields))
    )
    if len(fields) == 1:
        return grouped(rows)
    return grouped((row[0], row[1:]) for row in rows)


def csv_lines(source: Iterable, columns: list[Column]) -> Iterator[str]:
    """The header and a line for each record of ``source``, its cells read straight
    from the columns."""
    # Text quoted, numbers not (see the module's docstring).
    writer = csv.writer(_Echo(), quoting=csv.QUOTE_NONNUMERIC)
    # A byte order mark lets spreadsheet software detect UTF-8.
    yield "\ufeff" + writer.writerow([column.name for column in columns])
    cells = [(column.value, column.is_list or column.is_mapping) for column in columns]
    for obj in source:
        yield writer.writerow(
            [
                spreadsheet_cell(list_cell(value(obj)) if is_list else value(obj))
                for value, is_list in cells
            ]
        )


def json_chunks(items: Iterable[dict], meta: dict) -> Iterator[str]:
    yield '{"meta": ' + json.dumps(meta, ensure_ascii=False) + ', "records": ['
    first = True
    for record in items:
        yield ("" if first else ",") + "\n" + json.dumps(record, ensure_ascii=False)
        first = False
    yield "\n]}\n"


def bad_parameters(problems: list[str], as_json: bool = False) -> HttpResponse:
    """HTTP 400 with what could not be understood (each message names the parameters
    the list takes), as JSON or as plain text: the answer of every export, feed and
    calendar to a parameter or value it cannot use."""
    if as_json:
        body = json.dumps({"error": str(BAD_PARAMETERS), "problems": problems}, ensure_ascii=False)
        return HttpResponse(body, status=400, content_type="application/json; charset=utf-8")
    lines = [str(BAD_PARAMETERS_HEADING), *problems]
    return HttpResponse("\n".join(lines) + "\n", status=400, content_type="text/plain")


class ExportView(View):
    """GET /<list>/export.csv or .json with the list page's query string."""

    filterset_class = None
    columns: list[Column] = []
    filename = "export"

    def get_queryset(self):
        """The public records of the filter's model."""
        return self.filterset_class._meta.model._default_manager.public()

    def prepare(self, queryset):
        """The rows as the columns read them (prefetches, ``only()``)."""
        return queryset

    def source(self, queryset) -> Iterable:
        """What the columns read, record by record: model instances by default."""
        return queryset.iterator(chunk_size=CHUNK_SIZE)

    def get(self, request, fmt):
        filterset = self.filterset_class(
            request.GET or None, queryset=self.get_queryset(), accepts=()
        )
        problems = filterset.problems
        if problems:
            return self.bad_request(fmt, problems)
        queryset = self.prepare(filterset.qs)
        # Counted before the first row is sent: a file with fewer rows was cut off.
        count = queryset.count()
        source = self.source(queryset)
        # Rows are made after the request: in its language, with translations shown.
        language = get_language()
        if fmt == "csv":
            response = StreamingHttpResponse(
                shown_while_iterating(blocks(csv_lines(source, self.columns)), language),
                content_type="text/csv; charset=utf-8",
            )
        else:
            meta = {
                "source": absolute(request.get_full_path()),
                "query": request.GET.urlencode(),
                "columns": [c.name for c in self.columns],
                "count": count,
                "licence": settings.DATA_LICENCE,
            }
            response = StreamingHttpResponse(
                shown_while_iterating(
                    blocks(json_chunks(records(source, self.columns), meta)), language
                ),
                content_type="application/json; charset=utf-8",
            )
        response["Content-Disposition"] = f'attachment; filename="{self.filename}.{fmt}"'
        response[COUNT_HEADER] = str(count)
        response["Access-Control-Expose-Headers"] = COUNT_HEADER
        # Never kept by a browser or a CDN without asking: it would not see a change.
        response["Cache-Control"] = "public, max-age=0"
        return response

    def bad_request(self, fmt, problems):
        return bad_parameters(problems, as_json=fmt == "json")


def export_path(prefix: str, view: type[View], name: str):
    """The URL pattern of a list's exports: ``<prefix>export.csv`` and ``.json``."""
    return re_path(rf"^{prefix}export\.(?P<fmt>csv|json)$", view.as_view(), name=name)
