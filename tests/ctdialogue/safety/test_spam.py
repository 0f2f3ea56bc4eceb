# ruff: noqa: RUF001 - spam disguises itself in characters that look alike.
"""Spam phrasing in the six UN languages, found through invisible characters and
compatibility forms, at its place in the original text."""

import pytest

from ctdialogue.safety.spam import SPAM_FRAGMENTS, SPAM_WORDS, is_spam, skeleton, spam_spans


def test_there_is_spam_phrasing_for_each_un_language():
    assert sorted([*SPAM_WORDS, *SPAM_FRAGMENTS]) == ["ar", "en", "es", "fr", "ru", "zh"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Earn money fast with us", "Earn money fast"),
        ("Gagnez de l'argent rapidement ici", "Gagnez de l'argent rapidement"),
        ("Gana dinero desde casa hoy", "Gana dinero desde casa"),
        ("Займы онлайн без отказа", "Займы онлайн"),
        ("اربح المال الآن", "اربح المال"),
        ("网赌平台", "网赌"),
        ("See bit.ly/abc now", "bit.ly/abc"),
    ],
)
def test_spam_is_found_in_each_language(text, found):
    assert [text[start:end] for start, end in spam_spans(text)] == [found]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("our ｃａｓｉｎｏ", "ｃａｓｉｎｏ"),
        ("our 𝐜𝐚𝐬𝐢𝐧𝐨", "𝐜𝐚𝐬𝐢𝐧𝐨"),
        ("our cas\u00adi\u200bno", "cas\u00adi\u200bno"),
        ("访问casino。", "casino"),
    ],
)
def test_disguised_spam_is_found_at_its_place_in_the_original(text, found):
    assert [text[start:end] for start, end in spam_spans(text)] == [found]


@pytest.mark.parametrize(
    "text",
    [
        "The Casablanca meeting",
        "occasional papers",
        "loans to small businesses were discussed",
        "Les paris de la coopération",
        "Кредитные организации",
        "贷记卡",
    ],
)
def test_ordinary_text_is_not_spam(text):
    assert not is_spam(text)


def test_skeleton_maps_each_character_back():
    text, offsets = skeleton("ﬁ\u200bＡ")

    assert (text, offsets) == ("fiA", [0, 0, 2])
