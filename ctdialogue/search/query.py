"""What a search query means: the words to look for, and the words left out.

The syntax is PostgreSQL's web-search syntax (``websearch_to_tsquery``): quotes make a
phrase and a minus sign leaves a word out. Stop words are PostgreSQL's "english" ones,
so a query of only such words is refused in the same way on every database.
"""

import re
from dataclasses import dataclass

MAX_QUERY_LENGTH = 200
MAX_WORDS = 12

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


def normalise(text: str) -> str:
    return " ".join(text.replace("\x00", " ").split())[:MAX_QUERY_LENGTH]


def parse_query(text: str) -> ParsedQuery:
    """The clauses of ``text`` in the web-search syntax, without stop words and
    punctuation, at most ``MAX_WORDS`` words."""
    text = normalise(text)
    clauses: list[list[Term]] = []
    join_next = False
    budget = MAX_WORDS
    for minus, phrase, bare in TOKEN.findall(text):
        if phrase == "" and bare.casefold() == "or" and not minus:
            join_next = bool(clauses)
            continue
        words = _meaningful_words(phrase if bare == "" else bare)[:budget]
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
    return ParsedQuery(text=text, clauses=tuple(tuple(clause) for clause in clauses))


def _meaningful_words(text: str) -> tuple[str, ...]:
    return tuple(word for word in WORD.findall(text) if word.casefold() not in STOP_WORDS)
