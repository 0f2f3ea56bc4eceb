"""What a search query means: the words to look for, and the words left out.

The syntax is PostgreSQL's web-search syntax (``websearch_to_tsquery``): quotes make a
phrase and a minus sign leaves a word out. A query is read in one language (a UN code):
its stop words are PostgreSQL's for that language (``stopwords/<code>.txt``, copied from
its ``tsearch_data``; Arabic and Chinese have none), so a query of only such words is
refused in the same way on every database. Chinese is written without spaces: there a
word is a run of Chinese characters, and a single character is too short to look for
(the index holds pairs of characters, see ``documents.py``).
"""

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ctdialogue.translations.registry import un_code

MAX_QUERY_LENGTH = 200
MAX_WORDS = 12

STOP_WORDS_DIRECTORY = Path(__file__).parent / "stopwords"

#: The CJK unified ideographs (with extension A and the compatibility block).
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_RUN = re.compile(f"[{HAN}]+")
# A run of Chinese characters, or a run of other letters and digits.
_SCRIPT_RUN = re.compile(f"[{HAN}]+|[^\\W_{HAN}]+")


@cache
def stop_words(language: str) -> frozenset[str]:
    """PostgreSQL's stop words for ``language`` (a UN code); none where it has none."""
    path = STOP_WORDS_DIRECTORY / f"{language}.txt"
    return frozenset(path.read_text(encoding="utf-8").split()) if path.exists() else frozenset()


def is_han(word: str) -> bool:
    return HAN_RUN.fullmatch(word) is not None


WORD = re.compile(r"[^\W_]+")
# A quoted phrase (its closing quote may be missing) or a run of other characters,
# each perhaps after a minus sign: the tokens of the web-search syntax.
TOKEN = re.compile(r'(-?)(?:"([^"]*)"?|([^\s"]+))')


@dataclass(frozen=True)
class Term:
    """Words that must stand together (one word, or a quoted phrase), or be absent."""

    words: tuple[str, ...]
    negated: bool = False


@dataclass(frozen=True)
class ParsedQuery:
    """A query as ``websearch_to_tsquery`` reads it: every clause must hold, and a clause
    holds when any of its terms does ("a b or c" is a AND (b OR c))."""

    text: str
    clauses: tuple[tuple[Term, ...], ...] = ()
    language: str = "en"  # a UN code: whose stop words were left out

    @property
    def words(self) -> tuple[str, ...]:
        """The words looked for (not those left out), for ranking and highlighting."""
        found: dict[str, str] = {}
        for clause in self.clauses:
            for term in clause:
                if not term.negated:
                    for word in term.words:
                        found.setdefault(word.casefold(), word)
        return tuple(found.values())

    @property
    def is_searchable(self) -> bool:
        """Whether anything is looked for: PostgreSQL, too, finds nothing for a query of
        stop words, punctuation and words left out."""
        return bool(self.words)

    def in_language(self, language: str) -> "ParsedQuery":
        """The same text read in another language (without that language's stop words)."""
        return self if language == self.language else parse_query(self.text, language)


def normalise(text: str) -> str:
    return " ".join(text.replace("\x00", " ").split())[:MAX_QUERY_LENGTH]


def parse_query(text: str, language: str | None = None) -> ParsedQuery:
    """The clauses of ``text`` in the web-search syntax, without stop words and
    punctuation, at most ``MAX_WORDS`` words, read in ``language`` (a UN code; by
    default the language of the page)."""
    text = normalise(text)
    language = language or un_code()
    clauses: list[list[Term]] = []
    join_next = False
    budget = MAX_WORDS
    for minus, phrase, bare in TOKEN.findall(text):
        if phrase == "" and bare.casefold() == "or" and not minus:
            join_next = bool(clauses)
            continue
        words = _meaningful_words(phrase if bare == "" else bare, language)[:budget]
        if not words:
            continue
        budget -= len(words)
        terms = (
            [Term(words, negated=bool(minus))]
            if phrase or len(words) == 1 or minus
            else [Term((word,)) for word in words]
        )
        if join_next:
            clauses[-1].append(terms[0])
            terms = terms[1:]
        clauses.extend([term] for term in terms)
        join_next = False
        if budget <= 0:
            break
    return ParsedQuery(
        text=text, clauses=tuple(tuple(clause) for clause in clauses), language=language
    )


def _meaningful_words(text: str, language: str) -> tuple[str, ...]:
    if language == "zh":
        # Chinese runs apart from other letters ("UNOCT反恐" is two words), and a
        # single character is too short to look for.
        words = _SCRIPT_RUN.findall(text)
        return tuple(word for word in words if not (len(word) == 1 and is_han(word)))
    unwanted = stop_words(language)
    return tuple(word for word in WORD.findall(text) if word.casefold() not in unwanted)
