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
# Words a minus sign leaves out (websearch syntax): `-word` or `-"a phrase"`.
NEGATED = re.compile(r'(?:^|(?<=\s))-(?:"[^"]*"?|\S+)')
WORD = re.compile(r"[^\W_]+")
# Words a minus sign leaves out (websearch syntax): `-word` or `-"a phrase"`.
NEGATED = re.compile(r'(?:^|(?<=\s))-(?:"[^"]*"?|\S+)')


@dataclass(frozen=True)
class ParsedQuery:
    text: str
    words: tuple[str, ...]
    excluded: tuple[str, ...] = ()

    @property
    def is_searchable(self) -> bool:
        return bool(self.words)


def parse_query(text: str) -> ParsedQuery:
    """The words worth looking for (no stop words, no punctuation, none left out with a
    minus sign)."""
    text = " ".join(text.replace("\x00", " ").split())[:MAX_QUERY_LENGTH]
    words = _meaningful_words(NEGATED.sub(" ", text))
    excluded = _meaningful_words(" ".join(NEGATED.findall(text)))
    return ParsedQuery(text=text, words=words, excluded=excluded)


def _meaningful_words(text: str) -> tuple[str, ...]:
    words: dict[str, str] = {}
    for word in WORD.findall(text):
        if word.casefold() not in STOP_WORDS:
            words.setdefault(word.casefold(), word)
    return tuple(words.values())[:MAX_WORDS]
