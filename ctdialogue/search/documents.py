"""Search documents: a model's ``search_document`` ((field, weight), ...) as PostgreSQL
full text, in the language its texts are written in.

A record's texts are in its ``language`` (a speech's words in its
``quotation_language``: a model names its column in ``search_language_field``), so
each record is indexed in the text-search configuration of that language: "french"
stems French ("terroristes" and "terrorisme" both become "terror"), "arabic" Arabic,
and so on. PostgreSQL has no configuration for Chinese, which is written without
spaces between words: there the document is the text followed by every pair of
adjacent Chinese characters (most Chinese words are two characters long), in the
"simple" configuration, and a query's Chinese words become phrases of such pairs, so
that 反恐怖主义 finds the text that holds it.

Each (model, language) has its own GIN index, partial on the language column, built by
this app's migrations from the same lists: change a model's ``search_document`` and the
indexes must be rebuilt in a new migration of this app (a test compares them).
"""

import operator
from functools import reduce

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import models
from django.db.models import F, Func, Q

from ctdialogue.translations.registry import column, translated_fields

from .query import ParsedQuery, is_han

#: The text-search configuration of each of the six languages, by UN code.
CONFIGS = {
    "ar": "arabic",
    "zh": "simple",
    "en": "english",
    "fr": "french",
    "ru": "russian",
    "es": "spanish",
}
LANGUAGES = tuple(CONFIGS)


class HanBigrams(Func):
    """``han_bigrams(text)``: the text, then each pair of adjacent Chinese characters in
    it ("反恐怖" gives "反恐怖 反恐 恐怖"). The function is created by migration 0003."""

    function = "han_bigrams"
    output_field = models.TextField()


def language_field(model) -> str:
    """The column that says which language a record's searched texts are in."""
    return getattr(model, "search_language_field", "language")


def in_language(model, language: str) -> Q:
    return Q(**{language_field(model): language})


def translated_document(model, language: str) -> tuple[tuple[str, str], ...]:
    """The model's document made of its translations into ``language`` (title_fr ...),
    for the records translated into it; empty for a model without translations."""
    translated = translated_fields(model)
    return tuple(
        (column(name, language), weight)
        for name, weight in model.search_document
        if name in translated
    )


def weighted_vector(fields, language: str = "en") -> SearchVector:
    """The document of ``fields`` in ``language``, exactly as its GIN index stores it."""
    config = CONFIGS[language]
    return reduce(
        operator.add,
        (
            SearchVector(
                HanBigrams(F(name)) if language == "zh" else name, weight=weight, config=config
            )
            for name, weight in fields
        ),
    )


def websearch(parsed: ParsedQuery, language: str = "en") -> SearchQuery:
    """The query in ``language``: PostgreSQL reads the text itself, except in Chinese,
    where each Chinese word is asked for as the phrase of its pairs of characters."""
    text = parsed.text if language != "zh" else bigram_query(parsed.in_language("zh"))
    return SearchQuery(text, search_type="websearch", config=CONFIGS[language])


def bigrams(word: str) -> list[str]:
    if not is_han(word):
        return [word]
    return [word[start : start + 2] for start in range(len(word) - 1)]


def bigram_query(parsed: ParsedQuery) -> str:
    """The web-search text of a query read in Chinese, its Chinese words as pairs."""
    clauses = []
    for clause in parsed.clauses:
        terms = []
        for term in clause:
            pairs = [pair for word in term.words for pair in bigrams(word)]
            text = pairs[0] if len(pairs) == 1 else '"{}"'.format(" ".join(pairs))
            terms.append(f"-{text}" if term.negated else text)
        clauses.append(" or ".join(terms))
    return " ".join(clauses)
