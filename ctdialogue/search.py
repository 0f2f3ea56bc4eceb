"""One search over all published content: events, themes, initiatives, stakeholders,
speakers and resolutions.

``search_everything(query)`` returns the matches grouped by kind, each group with its
count and its best results; the view only renders them. A group costs two queries (its
count, then its best rows) whatever the number of results, one when nothing matches.

On PostgreSQL the search is full-text: ``websearch_to_tsquery`` with the "english"
configuration (so "workshops" finds "workshop", quotes make a phrase and a minus sign
leaves a word out), ranked with ``ts_rank`` over weighted fields (a title counts more
than a body), the matching rows found through the GIN expression indexes that
``events/0002_search_indexes`` and ``resolutions/0002_search_indexes`` build from the
same field lists as ``SOURCES`` below: change one, change the other in a new migration
(tests/site/test_search.py checks that the planner still uses them).

On SQLite the same interface falls back to "every word appears in some field"
(``icontains``), title matches first.

A query that names a resolution ("2396", "S/RES/2396 (2017)", "resolution 2396")
puts that resolution, and its group, first.
"""

import html
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce
from urllib.parse import urlencode

import nh3
from django import forms
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
)
from django.db import connection, models
from django.db.models import Case, F, Q, Value, When
from django.db.models.functions import Concat
from django.urls import reverse
from django.utils.dateformat import format as format_date
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.views.generic import TemplateView

from events.filters import MAX_QUERY_LENGTH
from events.models import Event, Initiative, Organization, Person, Theme
from events.searching import EVENT_SEARCH_FIELDS, PERSON_SEARCH_FIELDS
from resolutions.models import Resolution

SEARCH_CONFIG = "english"
RESULTS_PER_GROUP = 10
MAX_WORDS = 12
RANK_WINDOW = 500

# PostgreSQL's "english" stop words (tsearch_data/english.stop, from Snowball), so that a
# query of only such words is refused in the same way on both databases.
_ENGLISH_STOP_WORDS = """
    i me my myself we our ours ourselves you your yours yourself yourselves he him his
    himself she her hers herself it its itself they them their theirs themselves what
    which who whom this that these those am is are was were be been being have has had
    having do does did doing a an the and but if or because as until while of at by for
    with about against between into through during before after above below to from up
    down in out on off over under again further then once here there when where why how
    all any both each few more most other some such no nor not only own same so than too
    very s t can will just don should now
"""
STOP_WORDS = frozenset(_ENGLISH_STOP_WORDS.split())

WORD = re.compile(r"[^\W_]+")
# Words a minus sign leaves out (websearch syntax): `-word` or `-"a phrase"`.
NEGATED = re.compile(r'(?:^|(?<=\s))-(?:"[^"]*"?|\S+)')
RESOLUTION_REFERENCE = re.compile(
    r"""^\s*
    (?:S\s*/\s*RES\s*/\s*|(?:resolution|res\.?)\s*)?
    (?P<number>\d{1,5})
    (?:\s*\(\s*(?P<year>\d{4})\s*\))?
    \s*$""",
    re.IGNORECASE | re.VERBOSE,
)

# Private-use characters mark the matched words inside a snippet while it is still
# plain text; they become <mark> only after everything else has been escaped.
MARK_START = "\ue000"
MARK_STOP = "\ue001"

# The SQLite fallback scores a word found in a field with these points, in the spirit
# of ts_rank's default weights {D: 0.1, C: 0.2, B: 0.4, A: 1.0}.
FALLBACK_POINTS = {"A": 10, "B": 4, "C": 2, "D": 1}


# --- What a query means -----------------------------------------------------


@dataclass(frozen=True)
class ParsedQuery:
    text: str
    words: tuple[str, ...]
    excluded: tuple[str, ...] = ()
    resolution_number: int | None = None
    resolution_year: int | None = None

    @property
    def is_searchable(self) -> bool:
        return bool(self.words) or self.resolution_number is not None


def parse_query(text: str) -> ParsedQuery:
    """The words worth looking for (no stop words, no punctuation, none left out with a
    minus sign) and the resolution the query names, if it is just a number or symbol."""
    text = " ".join(text.replace("\x00", " ").split())[:MAX_QUERY_LENGTH]
    words = _meaningful_words(NEGATED.sub(" ", text))
    excluded = _meaningful_words(" ".join(NEGATED.findall(text)))
    reference = RESOLUTION_REFERENCE.match(text)
    number = int(reference["number"]) if reference and int(reference["number"]) else None
    year = int(reference["year"]) if number and reference["year"] else None
    return ParsedQuery(
        text=text,
        words=words,
        excluded=excluded,
        resolution_number=number,
        resolution_year=year,
    )


def _meaningful_words(text: str) -> tuple[str, ...]:
    words: dict[str, str] = {}
    for word in WORD.findall(text):
        if word.casefold() not in STOP_WORDS:
            words.setdefault(word.casefold(), word)
    return tuple(words.values())[:MAX_WORDS]


# --- What is searched -------------------------------------------------------


def _join(*parts: str) -> str:
    return " · ".join(part for part in parts if part)


def _describe_event(event: Event) -> tuple[str, str]:
    return event.title, _join(event.date_display, event.place_display)


def _describe_theme(theme: Theme) -> tuple[str, str]:
    return theme.name, ""


def _describe_initiative(initiative: Initiative) -> tuple[str, str]:
    launched = f"Launched in {initiative.launched}" if initiative.launched else ""
    return initiative.name, _join(initiative.acronym, launched)


def _describe_organization(organization: Organization) -> tuple[str, str]:
    return str(organization), _join(organization.get_kind_display(), organization.country.name)


def _describe_person(person: Person) -> tuple[str, str]:
    parts = [person.position]
    if person.organization and person.organization.is_published:
        parts.append(person.organization.short_name)
    return person.full_name, ", ".join(part for part in parts if part)


def _describe_resolution(resolution: Resolution) -> tuple[str, str]:
    adopted = (
        f"Adopted on {format_date(resolution.adopted_on, 'j F Y')}" if resolution.adopted_on else ""
    )
    return f"{resolution.symbol}: {resolution.title}", adopted


def _resolution_reference(parsed: ParsedQuery) -> Q | None:
    if parsed.resolution_number is None:
        return None
    condition = Q(number=parsed.resolution_number)
    if parsed.resolution_year:
        condition &= Q(year=parsed.resolution_year)
    return condition


@dataclass(frozen=True)
class Source:
    """One kind of content: where to look, how much each field weighs, how to show it."""

    key: str
    label: str
    noun: str
    plural: str
    queryset: Callable[[], models.QuerySet]
    #: (field, weight) in the order of the indexed expression: keep it in step with the
    #: GinIndex built by the app's 0002_search_indexes migration.
    fields: tuple[tuple[str, str], ...]
    snippet_fields: tuple[str, ...]
    order: tuple[str, ...]
    describe: Callable[[models.Model], tuple[str, str]]
    list_url_name: str = ""
    exact: Callable[[ParsedQuery], Q | None] = lambda parsed: None

    def vector(self) -> SearchVector:
        """The weighted document, exactly as the GIN index stores it."""
        return reduce(
            operator.add,
            (
                SearchVector(name, weight=weight, config=SEARCH_CONFIG)
                for name, weight in self.fields
            ),
        )

    def snippet_source(self):
        if len(self.snippet_fields) == 1:
            return F(self.snippet_fields[0])
        parts = []
        for name in self.snippet_fields:
            parts += [F(name), Value("\n")]
        return Concat(*parts[:-1], output_field=models.TextField())


SOURCES: tuple[Source, ...] = (
    Source(
        key="events",
        label="Events",
        noun="event",
        plural="events",
        queryset=lambda: Event.objects.published(),
        fields=EVENT_SEARCH_FIELDS,
        snippet_fields=("summary", "body"),
        order=("-start_date", "title"),
        describe=_describe_event,
        list_url_name="events:event-list",
    ),
    Source(
        key="themes",
        label="Themes",
        noun="theme",
        plural="themes",
        queryset=lambda: Theme.objects.published(),
        fields=(("name", "A"), ("description", "B")),
        snippet_fields=("description",),
        order=("name",),
        describe=_describe_theme,
    ),
    Source(
        key="initiatives",
        label="Initiatives",
        noun="initiative",
        plural="initiatives",
        queryset=lambda: Initiative.objects.published(),
        fields=(("name", "A"), ("acronym", "A"), ("summary", "B")),
        snippet_fields=("summary",),
        order=("name",),
        describe=_describe_initiative,
    ),
    Source(
        key="organizations",
        label="Stakeholders",
        noun="stakeholder",
        plural="stakeholders",
        queryset=lambda: Organization.objects.published(),
        fields=(("name", "A"), ("acronym", "A"), ("description", "B")),
        snippet_fields=("description",),
        order=("name",),
        describe=_describe_organization,
    ),
    Source(
        key="people",
        label="Speakers",
        noun="speaker",
        plural="speakers",
        queryset=lambda: Person.objects.published().with_organization(),
        fields=PERSON_SEARCH_FIELDS,
        snippet_fields=("position",),
        order=("name",),
        describe=_describe_person,
    ),
    Source(
        key="resolutions",
        label="Resolutions",
        noun="resolution",
        plural="resolutions",
        queryset=lambda: Resolution.objects.published(),
        fields=(("title", "A"), ("summary", "B"), ("agenda_item", "C")),
        snippet_fields=("summary",),
        order=("-number",),
        describe=_describe_resolution,
        exact=_resolution_reference,
    ),
)
SOURCES_BY_KEY = {source.key: source for source in SOURCES}


# --- Results ----------------------------------------------------------------


@dataclass(frozen=True)
class SearchResult:
    title: str
    url: str
    snippet: SafeString
    meta: str = ""
    exact: bool = False


@dataclass(frozen=True)
class ResultGroup:
    key: str
    label: str
    noun: str
    plural: str
    count: int
    results: tuple[SearchResult, ...]
    more_url: str = ""

    @property
    def has_more(self) -> bool:
        return self.count > len(self.results)

    @property
    def count_display(self) -> str:
        """ "1 event", "10,595 events"."""
        return f"{self.count:,} {self.noun if self.count == 1 else self.plural}"


def matching(source: Source, parsed: ParsedQuery) -> models.QuerySet:
    """Every published object of one kind that matches, unordered, with ``exact`` (it is
    the resolution the query names). On PostgreSQL the condition is answered by the
    kind's GIN index."""
    queryset = source.queryset()
    if connection.vendor == "postgresql":
        queryset = queryset.alias(document=source.vector())
        condition = Q(document=_tsquery(parsed))
    else:
        condition = _fallback_condition(source, parsed)
    exact = source.exact(parsed)
    if exact is not None:
        condition |= exact
    return queryset.filter(condition).annotate(exact=_is_exact(exact))


def ranked(source: Source, parsed: ParsedQuery) -> models.QuerySet:
    """The matches best first, with ``rank``, ``exact`` and, on PostgreSQL, ``headline``.

    Ranking looks at every row it orders (on PostgreSQL it rebuilds each row's document
    from its fields, which the expression index does not store), so only the
    ``RANK_WINDOW`` latest matches are ranked: for a word found in tens of thousands of
    rows the page shows the best of the latest ones in a fraction of a second. The
    count is not affected.
    """
    candidates = matching(source, parsed).order_by("-exact", *source.order, "pk").values("pk")
    exact = source.exact(parsed)
    queryset = (
        source.queryset().filter(pk__in=candidates[:RANK_WINDOW]).annotate(exact=_is_exact(exact))
    )
    if connection.vendor == "postgresql":
        query = _tsquery(parsed)
        queryset = queryset.annotate(
            rank=SearchRank(source.vector(), query),
            headline=SearchHeadline(
                source.snippet_source(),
                query,
                config=SEARCH_CONFIG,
                start_sel=MARK_START,
                stop_sel=MARK_STOP,
                max_words=20,
                min_words=10,
                max_fragments=2,
                fragment_delimiter=" … ",
            ),
        )
    else:
        queryset = queryset.annotate(rank=_fallback_score(source, parsed))
    return queryset.order_by("-exact", "-rank", *source.order, "pk")


def _is_exact(exact: Q | None):
    if exact is None:
        return Value(False)
    return Case(When(exact, then=Value(True)), default=Value(False))


def _tsquery(parsed: ParsedQuery) -> SearchQuery:
    return SearchQuery(parsed.text, search_type="websearch", config=SEARCH_CONFIG)


def _fallback_condition(source: Source, parsed: ParsedQuery) -> Q:
    """Every word in at least one field, and no excluded word in any."""
    if not parsed.words:
        return Q(pk__in=[])
    condition = Q()
    for word in parsed.words:
        condition &= _in_any_field(source, word)
    for word in parsed.excluded:
        condition &= ~_in_any_field(source, word)
    return condition


def _in_any_field(source: Source, word: str) -> Q:
    return reduce(operator.or_, (Q(**{f"{name}__icontains": word}) for name, _ in source.fields))


def _fallback_score(source: Source, parsed: ParsedQuery):
    """Points for each word in each field, more for heavier fields (a title)."""
    score = Value(0)
    for word in parsed.words:
        for name, weight in source.fields:
            score += Case(
                When(Q(**{f"{name}__icontains": word}), then=Value(FALLBACK_POINTS[weight])),
                default=Value(0),
            )
    return score


def search_group(source: Source, parsed: ParsedQuery, *, limit: int = RESULTS_PER_GROUP):
    """The best ``limit`` matches of one kind and their count: two queries, or one
    when nothing matches."""
    count = matching(source, parsed).count()
    rows = list(ranked(source, parsed)[:limit]) if count else []
    results = []
    for row in rows:
        title, meta = source.describe(row)
        if hasattr(row, "headline"):
            snippet = render_marked(plain_text(row.headline))
        else:
            text = plain_text("\n".join(getattr(row, name) for name in source.snippet_fields))
            snippet = excerpt(text, parsed.words)
        results.append(
            SearchResult(
                title=title, url=row.get_absolute_url(), snippet=snippet, meta=meta, exact=row.exact
            )
        )
    more_url = ""
    if count and source.list_url_name:
        more_url = f"{reverse(source.list_url_name)}?{urlencode({'q': parsed.text})}"
    return ResultGroup(
        key=source.key,
        label=source.label,
        noun=source.noun,
        plural=source.plural,
        count=count,
        results=tuple(results),
        more_url=more_url,
    )


def search_everything(query: str, *, limit: int = RESULTS_PER_GROUP) -> list[ResultGroup]:
    """The groups that have matches, in a fixed order; the group of a resolution named
    by number or symbol comes first. At most two queries per kind of content."""
    parsed = parse_query(query)
    if not parsed.is_searchable:
        return []
    groups = [search_group(source, parsed, limit=limit) for source in SOURCES]
    groups = [group for group in groups if group.count]
    # sorted() is stable: the group holding an exact match moves to the top.
    return sorted(groups, key=lambda group: not (group.results and group.results[0].exact))


# --- Snippets ---------------------------------------------------------------


def plain_text(text: str) -> str:
    """Stored rich text as plain text: tags (and script content) dropped, entities decoded,
    white space collapsed. The result is not safe HTML until escaped."""
    text = nh3.clean(text.replace("<", " <"), tags=set())
    return " ".join(html.unescape(text).split())


def render_marked(text: str) -> SafeString:
    """Escape plain text and turn the match markers into balanced <mark> elements."""
    pieces = text.split(MARK_START)
    parts = [escape(pieces[0].replace(MARK_STOP, ""))]
    for piece in pieces[1:]:
        marked, _, rest = piece.partition(MARK_STOP)
        if marked:
            parts.append(f"<mark>{escape(marked)}</mark>")
        parts.append(escape(rest.replace(MARK_STOP, "")))
    return mark_safe("".join(parts))  # noqa: S308 - every piece escaped just above


def excerpt(text: str, words: tuple[str, ...], *, width: int = 220) -> SafeString:
    """About ``width`` characters around the first word found, the words marked."""
    text = text.replace(MARK_START, "").replace(MARK_STOP, "")
    pattern = (
        re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.I)
        if words
        else None
    )
    found = pattern.search(text) if pattern else None
    start = max(0, found.start() - width // 4) if found else 0
    if start:
        space = text.find(" ", start, found.start())
        start = space + 1 if space != -1 else start
    end = start + width
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    window = text[start:end]
    if pattern:
        window = pattern.sub(lambda match: f"{MARK_START}{match[0]}{MARK_STOP}", window)
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return render_marked(f"{prefix}{window}{suffix}")


# --- The page ---------------------------------------------------------------


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search events, themes, initiatives, stakeholders, speakers and resolutions",
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": (
                "Your search is too long (at most %(limit_value)d characters; "
                "it has %(show_value)d). Please shorten it."
            ),
            "null_characters_not_allowed": (
                "Your search contains a NUL character, which cannot be searched for. "
                "Please remove it."
            ),
        },
    )

    def clean_q(self):
        query = self.cleaned_data["q"]
        if query and not parse_query(query).is_searchable:
            raise forms.ValidationError(
                "Your search “%(query)s” has no words to look for: punctuation and very "
                "common words such as “the” or “and” are ignored, and a word after a "
                "minus sign is one to leave out. Try more specific words.",
                params={"query": query},
                code="no_words",
            )
        return query

    @property
    def shown_query(self) -> str:
        """What to put back in the box: what was typed, without NULs, at most the limit."""
        value = self.data.get("q", "") if self.is_bound else ""
        return " ".join(value.replace("\x00", "").split())[:MAX_QUERY_LENGTH]


class SearchView(TemplateView):
    template_name = "search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = SearchForm(self.request.GET)
        query = form.cleaned_data["q"] if form.is_valid() else ""
        groups = search_everything(query) if query else []
        context.update(
            form=form,
            query=query,
            groups=groups,
            total=sum(group.count for group in groups),
            max_query_length=MAX_QUERY_LENGTH,
        )
        return context
