"""One search over published content, grouped by kind.

``search_everything(query, sources)`` returns the matches grouped by kind (each content
app declares its ``Source``s), each group with its count and its best results; the
view only renders them. A group costs two queries (its count, then its best rows)
whatever the number of results, one when nothing matches.

Each record is searched in the language its texts are written in, whatever the
language of the page: a query is matched against the French records with French
stemming, against the Chinese ones by pairs of characters, and so on (``documents.py``),
so that /zh-hans/search/?q=反恐 finds the Chinese records and "terrorisme" the French
ones, and a name or an acronym is found in every language. The words of a query that
are stop words of the page's language are not looked for.

On PostgreSQL the search is full-text: ``websearch_to_tsquery`` in the configuration
of each language (so "workshops" finds "workshop", quotes make a phrase and a minus
sign leaves a word out), ranked with ``ts_rank`` over weighted fields (a title counts
more than a body), the matching rows found through the partial GIN expression indexes
that this app's migrations build, one per kind and language (the tests check that the
planner uses them).

Elsewhere (SQLite) the same parsed query (``query.parse_query``: phrases, ``or``, a
minus sign) is matched word by word: each word by its Snowball stem at the start of a
word in English, French, Russian and Spanish (PostgreSQL uses the same stemmers),
anywhere in a word in Chinese and, without its article, in Arabic, a simpler
approximation of PostgreSQL's Arabic stemming. ``matches()`` is the one matcher:
/search/, the ``q`` filter of every list and the API all use it, and an event is also
found by the words of its public speeches.

A source may name an exact match (a resolution by its number or symbol): it comes
first, and its group too.
"""

import operator
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce
from urllib.parse import urlencode

import snowballstemmer
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchRank,
    SearchVector,
    SearchVectorExact,
)
from django.db import connection, models
from django.db.models import Case, F, Q, Value, When
from django.db.models.functions import Concat
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from ctdialogue.languages import text_language
from ctdialogue.publishing.models import public_q
from ctdialogue.safety.html import plain_text
from ctdialogue.translations.registry import stored

from .documents import (
    CONFIGS,
    LANGUAGES,
    in_language,
    translated_document,
    websearch,
    weighted_vector,
)
from .query import ParsedQuery, Term, is_han, parse_query

# PostgreSQL's configurations stem with Snowball's stemmers; the fallback stems with the
# same ones, so "workshops" finds "workshop" on every database.
_STEMMERS = {code: snowballstemmer.stemmer(CONFIGS[code]) for code in ("en", "fr", "ru", "es")}
# The Arabic definite article, alone or after a conjunction or preposition.
_ARABIC_ARTICLE = re.compile(r"^(?:و|ف|ب|ك)?(?:ال|لل)(?=\w{2})")


def stem(word: str, language: str = "en") -> str:
    return _STEMMERS[language].stemWord(word.casefold())


# The fallback matches no shorter beginning of a word than this.
MIN_PREFIX = 3

RESULTS_PER_GROUP = 10
RANK_WINDOW = 500

# Private-use characters mark the matched words inside a snippet while it is still
# plain text; they become <mark> only after everything else has been escaped.
MARK_START = "\ue000"
MARK_STOP = "\ue001"

# The SQLite fallback scores a word found in a field with these points, in the spirit
# of ts_rank's default weights {D: 0.1, C: 0.2, B: 0.4, A: 1.0}.
FALLBACK_POINTS = {"A": 10, "B": 4, "C": 2, "D": 1}


@dataclass(frozen=True)
class Source:
    """One kind of content: where to look, and how to show what was found.

    What is searched, and how much each field weighs, is the model's
    ``search_document``; what is shown of a result is ``describe(record)`` (its title
    and a line of facts) and a snippet from ``snippet_fields``.
    """

    model: type[models.Model]
    key: str
    label: str  # "Stakeholders": the group's heading; its nouns follow from it
    describe: Callable[[models.Model], tuple[str, str]]
    snippet_fields: tuple[str, ...]
    order: tuple[str, ...] = ("name",)
    list_url_name: str = ""
    #: Further reads of the public records (``with_organization``), for ``describe``.
    read: Callable[[models.QuerySet], models.QuerySet] = lambda queryset: queryset
    exact: Callable[[ParsedQuery], Q | None] = lambda parsed: None
    #: How many were found, in words: ``ngettext_lazy("%(shown)s event", "%(shown)s
    #: events", "count")``; without it, the count and the label's English plural.
    counted: object = None

    def queryset(self) -> models.QuerySet:
        return self.read(self.model._default_manager.public())

    @property
    def fields(self) -> tuple[tuple[str, str], ...]:
        """(field, weight) in the order of the indexed expression."""
        return self.model.search_document

    @property
    def plural(self) -> str:
        return self.label.lower()

    @property
    def noun(self) -> str:
        return self.plural.removesuffix("s")

    def vector(self, language: str = "en") -> SearchVector:
        """The weighted document in ``language``, exactly as its GIN index stores it."""
        return weighted_vector(self.fields, language)

    def snippet_source(self):
        if len(self.snippet_fields) == 1:
            return F(self.snippet_fields[0])
        parts = []
        for name in self.snippet_fields:
            parts += [F(name), Value("\n")]
        return Concat(*parts[:-1], output_field=models.TextField())


# --- Results ----------------------------------------------------------------


@dataclass(frozen=True)
class SearchResult:
    title: str
    url: str
    snippet: SafeString
    meta: str = ""
    exact: bool = False
    language: str = ""  # its title's, as shown (``languages.text_language``)


@dataclass(frozen=True)
class ResultGroup:
    key: str
    label: str
    noun: str
    plural: str
    count: int
    results: tuple[SearchResult, ...]
    more_url: str = ""
    counted: object = None

    @property
    def has_more(self) -> bool:
        return self.count > len(self.results)

    @property
    def count_display(self) -> str:
        """ "1 event", "10,595 events"."""
        shown = number_format(self.count, force_grouping=True)
        if self.counted is not None:
            return self.counted % {"count": self.count, "shown": shown}
        return f"{shown} {self.noun if self.count == 1 else self.plural}"


def matches(model, parsed: ParsedQuery) -> Q:
    """The one matcher of the site: the condition that a record of ``model`` matches
    ``parsed``, for /search/, the ``q`` filter of every list and the API alike.

    A record matches when its own ``search_document`` does, or when one of the public
    records it names in ``search_related`` does (an event matches by the words of its
    speeches). On PostgreSQL each document is the GIN-indexed full-text vector and the
    query is ``websearch_to_tsquery``; elsewhere the same clauses are matched word by
    word, each word by its English stem at the start of a word.
    """
    # Each document is matched in a subquery of its own, so that PostgreSQL reads it
    # from its GIN index once, rather than building every row's vector to test it.
    condition = Q(pk__in=model._base_manager.filter(_document_matches(model, parsed)).values("pk"))
    for name in getattr(model, "search_related", ()):
        relation = model._meta.get_field(name)
        related = relation.related_model
        condition |= Q(
            pk__in=related._default_manager.filter(public_q(related))
            .filter(_document_matches(related, parsed))
            .values(relation.field.name)
        )
    return condition


def _document_matches(model, parsed: ParsedQuery) -> Q:
    """The records whose own document matches, each in its language, or whose
    translation into a language matches in that language."""
    condition = Q(pk__in=[])
    for language in LANGUAGES:
        condition |= in_language(model, language) & _matches_in(
            model.search_document, parsed, language
        )
        translated = translated_document(model, language)
        if translated:
            condition |= _matches_in(translated, parsed, language)
    return condition


def _matches_in(fields, parsed: ParsedQuery, language: str) -> Q:
    own = parsed.in_language(language)
    if not (parsed.is_searchable and own.is_searchable):
        return Q(pk__in=[])
    if connection.vendor == "postgresql":
        return Q(SearchVectorExact(weighted_vector(fields, language), websearch(own, language)))
    condition = Q()
    for clause in own.clauses:
        condition &= reduce(
            operator.or_, (_term_matches(fields, term, language) for term in clause)
        )
    return condition


def _word_pattern(word: str, language: str) -> str:
    if language == "zh":
        return re.escape(word) if is_han(word) else rf"\b{re.escape(word)}\w*"
    if language == "ar":
        return rf"{re.escape(_ARABIC_ARTICLE.sub('', word))}\w*"
    return rf"\b{re.escape(stem_prefix(word, language))}\w*"


def stem_prefix(word: str, language: str) -> str:
    """What every form of ``word`` starts with: its stem, or as much of the stem as the
    word itself starts with (French "numériques" stems to "numer")."""
    stemmed = stem(word, language)
    pairs = zip(word.casefold(), stemmed, strict=False)
    shared = next((at for at, (a, b) in enumerate(pairs) if a != b), len(stemmed))
    return stemmed[:shared] if shared >= MIN_PREFIX else stemmed


def _term_matches(fields, term: Term, language: str = "en") -> Q:
    # Each word from the start of a word, by its stem; a phrase's words one after another.
    between = r"\W*" if language == "zh" else r"\W+"
    pattern = between.join(_word_pattern(word, language) for word in term.words)
    found = reduce(operator.or_, (Q(**{f"{name}__iregex": pattern}) for name, _ in fields))
    return ~found if term.negated else found


def matching(source: Source, parsed: ParsedQuery) -> models.QuerySet:
    """Every public object of one kind that matches, unordered, with ``exact`` (it is
    the resolution the query names). On PostgreSQL the condition is answered by the
    kind's GIN index."""
    condition = matches(source.model, parsed)
    exact = source.exact(parsed)
    if exact is not None:
        condition |= exact
    return source.queryset().filter(condition).annotate(exact=_is_exact(exact))


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
        queryset = queryset.annotate(
            rank=_each_language(
                source.model,
                lambda language: SearchRank(source.vector(language), websearch(parsed, language)),
                default=0.0,
            )
            + _translations_rank(source.model, parsed),
            headline=_each_language(
                source.model,
                lambda language: _headline(source, parsed, language),
                default=None,
                output_field=models.TextField(),
            ),
        )
    else:
        queryset = queryset.annotate(rank=_fallback_score(source, parsed))
    return queryset.order_by("-exact", "-rank", *source.order, "pk")


def _each_language(model, expression, *, default, output_field=None):
    """``expression(language)`` of each row's own language: one CASE, one query."""
    cases = []
    for code in LANGUAGES:
        value = expression(code)
        if value is not None:
            cases.append(When(in_language(model, code), then=value))
    return Case(*cases, default=Value(default), output_field=output_field)


def _translations_rank(model, parsed: ParsedQuery):
    """What the translations add to a record's rank: each in its language."""
    rank = Value(0.0)
    for language in LANGUAGES:
        translated = translated_document(model, language)
        if translated:
            rank += SearchRank(weighted_vector(translated, language), websearch(parsed, language))
    return rank


def _headline(source: Source, parsed: ParsedQuery, language: str):
    """The matched words in context; Chinese has none (PostgreSQL cannot cut it into
    words), and its snippet is cut by ``excerpt``."""
    if language == "zh":
        return None
    return SearchHeadline(
        source.snippet_source(),
        websearch(parsed, language),
        config=CONFIGS[language],
        start_sel=MARK_START,
        stop_sel=MARK_STOP,
        max_words=20,
        min_words=10,
        max_fragments=2,
        fragment_delimiter=" … ",
    )


def _is_exact(exact: Q | None):
    if exact is None:
        return Value(False)
    return Case(When(exact, then=Value(True)), default=Value(False))


def _fallback_score(source: Source, parsed: ParsedQuery):
    """Points for each word in each field, more for heavier fields (a title), the words
    matched in each row's own language, and in each translation's."""
    score = _each_language(
        source.model, lambda language: _score_in(source.fields, parsed, language), default=0
    )
    for language in LANGUAGES:
        translated = translated_document(source.model, language)
        if translated:
            score += _score_in(translated, parsed, language)
    return score


def _score_in(fields, parsed: ParsedQuery, language: str):
    score = Value(0)
    for word in parsed.in_language(language).words:
        for name, weight in fields:
            score += Case(
                When(
                    _term_matches(((name, weight),), Term((word,)), language),
                    then=Value(FALLBACK_POINTS[weight]),
                ),
                default=Value(0),
            )
    return score


def search_group(source: Source, parsed: ParsedQuery, *, limit: int = RESULTS_PER_GROUP):
    """The best ``limit`` matches of one kind and their count: two queries, or one
    when nothing matches."""
    count = matching(source, parsed).count()
    rows = list(ranked(source, parsed)[:limit]) if count else []
    snippets = {row.pk: own_snippet(source, parsed, row) for row in rows}
    unmarked = [pk for pk, snippet in snippets.items() if "<mark>" not in snippet]
    snippets.update(related_snippets(source.model, parsed, unmarked))
    results = []
    for row in rows:
        title, meta = source.describe(row)
        results.append(
            SearchResult(
                title=title,
                url=row.get_absolute_url(),
                snippet=snippets[row.pk],
                meta=meta,
                exact=row.exact,
                language=text_language(row, source.fields[0][0]),
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
        counted=source.counted,
    )


def own_snippet(source: Source, parsed: ParsedQuery, row) -> SafeString:
    """The headline PostgreSQL cut from the original, or, where the page shows a
    translation (or on SQLite), an excerpt of the text the page shows."""
    shown = [getattr(row, name) or "" for name in source.snippet_fields]
    original = [stored(row, name) or "" for name in source.snippet_fields]
    if getattr(row, "headline", None) is not None and shown == original:
        return render_marked(plain_text(row.headline))
    return excerpt(plain_text("\n".join(shown)), parsed.words)


def related_snippets(model, parsed: ParsedQuery, pks) -> dict:
    """For records found by the words of a related record (an event by a quotation),
    that record's words as their snippet, attributed as it may be: one query."""
    snippets = {}
    for name in getattr(model, "search_related", ()) if pks else ():
        relation = model._meta.get_field(name)
        related, link = relation.related_model, relation.field.name
        found = (
            related._default_manager.filter(public_q(related))
            .filter(**{f"{link}__in": pks})
            .filter(_document_matches(related, parsed))
            .select_related(*getattr(related, "shown_with", ()))
        )
        for obj in found:
            if getattr(obj, f"{link}_id") in snippets:
                continue
            fields = [field for field, _weight in related.search_document]
            text = plain_text(next((getattr(obj, f) for f in fields if getattr(obj, f)), ""))
            attribution = getattr(obj, "attribution", "")
            said_by = f" \u2014 {attribution}" if attribution else ""
            snippets[getattr(obj, f"{link}_id")] = format_html(
                "“{}”{}", excerpt(text, parsed.words), said_by
            )
    return snippets


def search_everything(query: str, sources, *, limit: int = RESULTS_PER_GROUP) -> list[ResultGroup]:
    """The groups that have matches, in a fixed order; the group of a resolution named
    by number or symbol comes first. At most two queries per kind of content."""
    parsed = parse_query(query)
    if not parsed.is_searchable:
        return []
    groups = [search_group(source, parsed, limit=limit) for source in sources]
    groups = [group for group in groups if group.count]
    # sorted() is stable: the group holding an exact match moves to the top.
    return sorted(groups, key=lambda group: not (group.results and group.results[0].exact))


# --- Snippets ---------------------------------------------------------------


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
