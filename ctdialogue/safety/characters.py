# ruff: noqa: RUF001, RUF002 - this module is about characters that look alike.
"""Characters: which script a letter belongs to, which code points render as nothing,
which imitate Latin letters, and which foreign-script words are a name written in its
own script beside its transliteration.

The rules are Unicode properties, not lists of attacks seen so far:

- *invisible*: every format character (category Cf: zero-width characters, direction
  controls, the soft hyphen, the whole tag block U+E0000–E007F), every control and
  private-use character, and the other default-ignorable code points (variation
  selectors, fillers, the combining grapheme joiner). Each is allowed only where
  writing needs it: joiners and direction marks in Arabic, a variation selector after
  a symbol or an ideograph, a zero-width joiner inside an emoji sequence, tag
  characters inside an emoji flag.
- *lookalike*: a character whose compatibility form (NFKC) is Latin letters but which
  is not one itself (full-width ``Ａ``, mathematical ``𝐀``, circled ``Ⓐ``, ligatures),
  small capitals, and a word that mixes Latin, Cyrillic and Greek letters (``pаypal``
  with a Cyrillic ``а``).
"""

import re
import unicodedata

# --- Scripts ------------------------------------------------------------------

# First word(s) of a letter's Unicode name -> its script, where that word is not the
# script's own name.
SCRIPT_ALIASES = {
    "CJK": "Han",
    "IDEOGRAPHIC": "Han",
    "FULLWIDTH LATIN": "Latin",
    "FEMININE ORDINAL": "Latin",  # ª, as in "1.ª"
    "MASCULINE ORDINAL": "Latin",  # º, as in "n.º"
}
LETTER_CATEGORIES = {"Lu", "Ll", "Lt", "Lo", "Nl"}


def letter_script(char: str) -> str | None:
    """The script of a letter ("Latin", "Han", "Cyrillic", ...); None for what every
    script shares: digits, punctuation, symbols, spaces, marks and modifier letters."""
    category = unicodedata.category(char)
    if (category not in LETTER_CATEGORIES and char != "\u3005") or is_invisible(char):
        return None
    name = unicodedata.name(char, "")
    if not name:
        return "Unknown"
    for prefix, script in SCRIPT_ALIASES.items():
        if name.startswith(prefix):
            return script
    if category == "Nl":  # letter-like numbers: Roman numerals are shared
        return None
    return name.split()[0].capitalize()


# --- Invisible characters -------------------------------------------------------

# Default-ignorable code points outside category Cf: they render as nothing too.
IGNORABLE_RANGES = (
    (0x034F, 0x034F),  # combining grapheme joiner
    (0x115F, 0x1160),  # Hangul fillers
    (0x17B4, 0x17B5),  # Khmer inherent vowels
    (0x180B, 0x180F),  # Mongolian variation selectors and vowel separator
    (0x2028, 0x2029),  # line and paragraph separators
    (0x2800, 0x2800),  # Braille blank
    (0x3164, 0x3164),  # Hangul filler
    (0xFE00, 0xFE0F),  # variation selectors
    (0xFFA0, 0xFFA0),  # half-width Hangul filler
    (0xE0100, 0xE01EF),  # variation selectors supplement
)
VARIATION_SELECTORS = ((0xFE00, 0xFE0F), (0xE0100, 0xE01EF))
ZERO_WIDTH_JOINER = "\u200d"
BLACK_FLAG, CANCEL_TAG = "\U0001f3f4", "\U000e007f"
TAGS = (0xE0000, 0xE007F)
# Arabic typesetting uses the joiners and the direction marks (and the Arabic letter
# mark) legitimately.
ALLOWED_INVISIBLE = {"ar": {0x061C, 0x200C, 0x200D, 0x200E, 0x200F}}


def _within(code: int, ranges) -> bool:
    return any(low <= code <= high for low, high in ranges)


def is_invisible(char: str, language: str = "") -> bool:
    """True for a code point that renders as nothing (or as whatever a font puts in a
    private-use slot), unless ``language`` needs it."""
    code = ord(char)
    if code in ALLOWED_INVISIBLE.get(language, ()):
        return False
    category = unicodedata.category(char)
    if category in {"Cf", "Co"} or _within(code, IGNORABLE_RANGES):
        return True
    return category == "Cc" and char not in "\t\n\r"


def _is_pictograph(char: str) -> bool:
    return unicodedata.category(char) in {"So", "Sk"}  # emoji and skin-tone modifiers


def _is_emoji_flag_tags(text: str, start: int, end: int) -> bool:
    """A black flag followed by tag letters and the cancel tag: the flags of England,
    Scotland and Wales."""
    tags = text[start:end]
    return (
        start > 0
        and text[start - 1] == BLACK_FLAG
        and tags.endswith(CANCEL_TAG)
        and all(char.isalnum() for char in decode_tags(tags[:-1]))
    )


def _allowed_in_context(text: str, index: int) -> bool:
    """Invisible characters writing needs: a variation selector after a symbol or an
    ideograph, a joiner between two pictographs (an emoji sequence)."""
    char = text[index]
    before = text[index - 1] if index else ""
    if _within(ord(char), VARIATION_SELECTORS):
        return (
            bool(before)
            and not before.isspace()
            and unicodedata.category(before)
            not in {
                "Lu",
                "Ll",
            }
        )
    if char == ZERO_WIDTH_JOINER:
        after = text[index + 1] if index + 1 < len(text) else ""
        selector = index > 1 and _within(ord(before), VARIATION_SELECTORS)
        base = text[index - 2] if selector else before
        return bool(after) and _is_pictograph(base) and _is_pictograph(after)
    return False


def invisible_runs(text: str, language: str = ""):
    """(start, end) of each run of characters that render as nothing and that
    ``language`` and the context do not need."""
    index, length = 0, len(text)
    while index < length:
        if not is_invisible(text[index], language) or _allowed_in_context(text, index):
            index += 1
            continue
        start = index
        while index < length and is_invisible(text[index], language):
            index += 1
        if not _is_emoji_flag_tags(text, start, index):
            yield start, index


def decode_tags(text: str) -> str:
    """The ASCII text that Unicode tag characters spell (U+E0041 is a hidden "A")."""
    return "".join(chr(ord(char) - 0xE0000) for char in text if 0xE0020 <= ord(char) <= 0xE007E)


def visible(text: str) -> str:
    """``text`` with invisible characters written out as <U+200B>, for reports."""
    return "".join(f"<U+{ord(c):04X}>" if is_invisible(c) else c for c in text)


# --- Lookalikes -------------------------------------------------------------------

# Compatibility forms that are ordinary writing: Spanish and Portuguese ordinals.
ORDINARY_COMPATIBILITY = {"ª", "º"}
# Compatibility decompositions that draw a letter in another shape.
IMITATING_FORMS = {"<font>", "<wide>", "<circle>", "<square>"}
# Scripts with letters that look like Latin ones, and so hide a word inside another.
LOOKALIKE_SCRIPTS = {"Latin", "Cyrillic", "Greek"}
WORD = re.compile(r"[^\W\d_]+")


def imitated_latin(char: str) -> str | None:
    """The Latin letters ``char`` imitates without being them: "A" for full-width "Ａ",
    mathematical "𝐀", circled "Ⓐ" or the Kelvin sign; "fi" for the ligature "ﬁ"; "a"
    for small capital "ᴀ". None for everything else, including symbols that merely
    contain letters ("™", "№") and modifier letters ("1ᵉʳ")."""
    if char.isascii() or char in ORDINARY_COMPATIBILITY:
        return None
    name = unicodedata.name(char, "")
    if name.startswith("LATIN LETTER SMALL CAPITAL"):
        return name.rsplit(" ", 1)[-1].lower()
    folded = unicodedata.normalize("NFKC", char)
    if folded == char or not any(c.isascii() and c.isalpha() for c in folded):
        return None
    tag = unicodedata.decomposition(char).split(" ", 1)[0]
    category = unicodedata.category(char)
    if tag in IMITATING_FORMS or (category in LETTER_CATEGORIES and category != "Nl"):
        return folded
    return None


def form_of(char: str) -> str:
    """The kind of compatibility form ``char`` is: "wide", "font", "circle", ..."""
    return unicodedata.decomposition(char).split(" ", 1)[0].strip("<>")


def lookalike_runs(text: str):
    """(start, end) of each run of characters imitating Latin letters."""
    index, length = 0, len(text)
    while index < length:
        if imitated_latin(text[index]) is None:
            index += 1
            continue
        start = index
        while index < length and (imitated_latin(text[index]) is not None or text[index] == " "):
            index += 1
        while text[index - 1] == " ":
            index -= 1
        yield start, index


def mixed_script_words(text: str):
    """(start, end, scripts) of each word that mixes letters of Latin, Cyrillic and
    Greek, as a disguised word does ("Miсrosoft" with a Cyrillic "с")."""
    for match in WORD.finditer(text):
        scripts = {letter_script(char) for char in match.group()} & LOOKALIKE_SCRIPTS
        if len(scripts) > 1:
            yield match.start(), match.end(), scripts


# --- A name in its own script beside its transliteration ---------------------------

PINYIN_SYLLABLE = re.compile(
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|iao|ian|uai|uan|ang|eng|ing|ong|ai|ei|ui|ao|ou|iu|ie|ue|ve"
    r"|er|an|en|in|un|vn|ia|ua|uo|a|o|e|i|u|v)"
)
# First Latin letters a Cyrillic or Greek initial is transliterated with.
INITIALS = {
    "А": "A", "Б": "B", "В": "VW", "Г": "GH", "Д": "D", "Е": "EY", "Ё": "EY", "Ж": "ZJ",
    "З": "Z", "И": "IY", "Й": "YIJ", "К": "KC", "Л": "L", "М": "M", "Н": "N", "О": "O",
    "П": "P", "Р": "R", "С": "S", "Т": "T", "У": "U", "Ф": "F", "Х": "KH", "Ц": "TC",
    "Ч": "C", "Ш": "S", "Щ": "S", "Э": "E", "Ю": "YIJ", "Я": "YIJ", "Є": "Y", "І": "I",
    "Ї": "Y", "Ґ": "G",
    "Α": "A", "Β": "BV", "Γ": "GY", "Δ": "DT", "Ε": "E", "Ζ": "Z", "Η": "EI", "Θ": "T",
    "Ι": "IY", "Κ": "KC", "Λ": "L", "Μ": "M", "Ν": "N", "Ξ": "XK", "Ο": "O", "Π": "P",
    "Ρ": "R", "Σ": "S", "Τ": "T", "Υ": "YI", "Φ": "FP", "Χ": "CHK", "Ψ": "P", "Ω": "O",
}  # fmt: skip
NAME_BEFORE_BRACKET = re.compile(r"((?:[A-Z][\w'’-]*\.?\s+){0,3}[A-Z][\w'’-]*)\s*[(（]\s*$")
MAX_NAME_WORDS = 4


def _without_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def _pinyin_counts(word: str) -> set[int]:
    """How many pinyin syllables ``word`` can be read as (empty if none)."""
    word = _without_accents(word).lower().replace("ü", "v")
    counts: dict[int, set[int]] = {0: {0}}
    for start in range(len(word)):
        for match_end in _syllable_ends(word, start) if start in counts else ():
            counts.setdefault(match_end, set()).update(n + 1 for n in counts[start])
    return counts.get(len(word), set())


def _syllable_ends(word: str, start: int):
    for end in range(start + 1, min(start + 6, len(word)) + 1):
        if PINYIN_SYLLABLE.fullmatch(word, start, end):
            yield end


def _reads_as_pinyin_of(latin_words: list[str], han: str) -> bool:
    total = {0}
    for word in re.split(r"['’-]", " ".join(latin_words).replace(" ", "-")):
        counts = _pinyin_counts(word)
        if not counts:
            return False
        total = {a + b for a in total for b in counts}
    return len(han) in total


def _initials_match(latin_words: list[str], words: list[str]) -> bool:
    for latin, word in zip(latin_words, words, strict=True):
        options = INITIALS.get(word[0].upper())
        if options is not None and latin[0].upper() not in options:
            return False
    return True


def is_name_beside_transliteration(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]``, in a script the field's language does not use, is
    a name in its own script in brackets right after the same name in Latin letters:
    "Wang Yi (王毅)", "Sergey Lavrov (Сергей Лавров)", "Ghada Waly (غادة والي)".

    Han must read as the pinyin before it, syllable for character; Cyrillic and Greek
    words must begin as the Latin words do; any other script must have as many words.
    """
    if not re.match(r"\s*[)）]", text[end:]):
        return False
    before = NAME_BEFORE_BRACKET.search(text[:start])
    if before is None:
        return False
    latin_words = before.group(1).replace(".", " ").split()
    words = text[start:end].split()
    scripts = {letter_script(char) for char in text[start:end]} - {None}
    if scripts == {"Han"}:
        return (
            len(words) == 1
            and 2 <= len(words[0]) <= MAX_NAME_WORDS
            and any(
                _reads_as_pinyin_of(latin_words[-count:], words[0])
                for count in range(1, len(latin_words) + 1)
            )
        )
    if len(words) > min(len(latin_words), MAX_NAME_WORDS) or len(scripts) != 1:
        return False
    return _initials_match(latin_words[-len(words) :], words)
