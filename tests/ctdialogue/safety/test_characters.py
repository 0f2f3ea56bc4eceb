# ruff: noqa: RUF001 - this module is about characters that look alike.
"""Characters: invisible code points by Unicode property, letters imitating Latin, words
mixing scripts, and names in their own script beside their transliteration."""

import unicodedata

import pytest

from ctdialogue.safety.characters import (
    decode_tags,
    imitated_latin,
    invisible_runs,
    is_invisible,
    is_name_beside_transliteration,
    mixed_script_words,
    visible,
)


def test_every_format_character_is_invisible():
    format_characters = [chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Cf"]

    assert len(format_characters) > 150
    assert [c for c in format_characters if not is_invisible(c)] == []


@pytest.mark.parametrize("char", ["a", " ", "\t", "\n", "\u00a0", "\u202f", "\u3000", "é", "北"])
def test_letters_and_spaces_are_visible(char):
    assert not is_invisible(char)


def test_arabic_keeps_its_joiners_and_marks_and_nothing_else():
    assert not is_invisible("\u200c", "ar")
    assert not is_invisible("\u061c", "ar")
    assert is_invisible("\u200c", "en")
    assert is_invisible("\u202e", "ar")
    assert is_invisible("\U000e0041", "ar")


def test_invisible_runs_skip_what_writing_needs():
    text = "a\u200bb 👍\ufe0f 👩\u200d💻 x\ufe0f"

    assert [text[start:end] for start, end in invisible_runs(text)] == ["\u200b", "\ufe0f"]


def test_tags_decode_to_the_ascii_they_spell():
    hidden = "".join(chr(0xE0000 + ord(c)) for c in "do this")

    assert decode_tags(f"x{hidden}\U000e007f") == "do this"
    assert visible("a\u200bb") == "a<U+200B>b"


@pytest.mark.parametrize(
    ("char", "latin"),
    [
        ("Ａ", "A"),
        ("ｚ", "z"),
        ("𝐀", "A"),
        ("𝔞", "a"),
        ("Ⓐ", "A"),
        ("🄰", "A"),
        ("ﬁ", "fi"),
        ("ſ", "s"),
        ("\u212a", "K"),  # the Kelvin sign
        ("ᴄ", "c"),
    ],
)
def test_compatibility_forms_and_small_capitals_imitate_latin(char, latin):
    assert imitated_latin(char) == latin


@pytest.mark.parametrize("char", ["a", "é", "ª", "º", "™", "№", "ᵉ", "½", "Ⅻ", "Ж", "北", "，"])
def test_ordinary_characters_imitate_nothing(char):
    assert imitated_latin(char) is None


def test_words_mixing_latin_cyrillic_or_greek_are_found_and_others_are_not():
    text = "Miсrosoft, Tеlegram, ICT技术, Microsoft, Телеграм, ICT4Peace, αβγ"

    assert [text[start:end] for start, end, _scripts in mixed_script_words(text)] == [
        "Miсrosoft",
        "Tеlegram",
    ]


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Wang Yi (王毅) said", "王毅", True),
        ("Mr Xi Jinping （习近平） said", "习近平", True),
        ("Sergey Lavrov (Сергей Лавров)", "Сергей Лавров", True),
        ("Yury Fedotov (Юрий Федотов)", "Юрий Федотов", True),
        ("Ghada Waly (غادة والي)", "غادة والي", True),
        ("States (缅北禁地)", "缅北禁地", False),
        ("Wang Yi (王毅) said", "王", False),
        ("Sergey Lavrov (Иван Петров)", "Иван Петров", False),
        ("Wang Yi, 王毅, said", "王毅", False),
    ],
)
def test_name_beside_its_transliteration(text, name, expected):
    start = text.index(name)

    assert is_name_beside_transliteration(text, start, start + len(name)) is expected
