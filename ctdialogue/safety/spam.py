# ruff: noqa: RUF001, RUF002 - spam disguises itself in characters that look alike.
"""Spam phrasing in the six UN languages, found through disguises.

Gambling, pornography, quick loans, easy money, fake offers and link shorteners,
written as spam writes them in Arabic, Chinese, English, French, Russian and Spanish.
Every list is searched in every field: spam in any language is out of place in an
institutional record, and a field declared French may carry Chinese spam.

Matching reads the *skeleton* of a text: invisible characters removed and each
character folded to its compatibility form, so "ｃａｓｉｎｏ", "𝐜𝐚𝐬𝐢𝐧𝐨" and "cas\u00adino"
are all "casino"; each match is reported at its place in the original text.
"""

import re
import unicodedata

from .characters import is_invisible

URL_SHORTENERS = (
    "bit.ly",
    "tinyurl.com",
    "t.co",
    "goo.gl",
    "ow.ly",
    "is.gd",
    "buff.ly",
    "cutt.ly",
    "rebrand.ly",
    "t.ly",
    "shorturl.at",
    "rb.gy",
    "tiny.cc",
)
SHORTENER_PATTERN = (
    r"(?<![\w.-])(?:" + "|".join(re.escape(domain) for domain in URL_SHORTENERS) + r")/\S*"
)

# Words and phrases, matched whole, in languages that put spaces between words.
SPAM_WORDS = {
    "en": [
        r"casinos?",
        r"online gambling",
        r"sports? betting",
        r"betting tips",
        r"(?:online )?poker online",
        r"online poker",
        r"slot gacor",
        r"judi online",
        r"togel",
        r"porn\w*",
        r"xxx",
        r"(?:payday|quick|instant|easy) loans?",
        r"viagra",
        r"cialis",
        r"escort (?:services?|girls?)",
        r"(?:earn|make) (?:easy |quick |fast )?money (?:fast|online|from home)",
        r"work from home and earn",
        r"(?:free|double your) (?:bitcoin|crypto)",
        r"crypto giveaway",
        r"click here to (?:win|claim)",
        r"claim your (?:free )?(?:prize|reward|bonus)",
        r"100% guaranteed",
        r"buy (?:cheap )?followers",
        r"weight loss pills?",
        r"hot singles",
    ],
    "fr": [
        r"casino en ligne",
        r"paris sportifs",
        r"prêts? rapides?",
        r"crédits? rapides? sans justificatifs?",
        r"gagne[rz]? de l[’']argent (?:facilement|rapidement|en ligne)",
        r"argent facile",
        r"cliquez ici pour (?:gagner|recevoir)",
        r"rencontres? coquines?",
        r"gagnez un iphone",
    ],
    "es": [
        r"casino en línea",
        r"apuestas deportivas",
        r"préstamos? rápidos?",
        r"dinero fácil",
        r"gan[ae] dinero (?:rápido|desde casa|fácil)",
        r"haz clic aquí para (?:ganar|reclamar)",
        r"citas calientes",
        r"tragamonedas",
    ],
    "ru": [
        r"казино",
        r"букмекер\w*",
        r"ставки на спорт",
        r"порно\w*",
        r"займ\w* (?:онлайн|без отказа|без проверки)",
        r"кредит\w* без (?:отказа|справок)",
        r"быстрые деньги",
        r"заработ\w+ (?:в интернете|без вложений)",
        r"интим\w* услуг\w*",
        r"игровые автоматы",
    ],
}
# Fragments matched anywhere, in scripts written without spaces between words or
# where Arabic prefixes join the word ("والكازينو").
SPAM_FRAGMENTS = {
    "zh": [
        "缅北",
        "博彩",
        "赌场",
        "赌博",
        "网赌",
        "娱乐城",
        "百家乐",
        "六合彩",
        "色情",
        "成人视频",
        "网贷",
        "贷款",
        "日赚",
        "刷单",
        "代孕",
        "兼职日结",
        "加微信",
        "免费领取",
        "棋牌",
        "彩票投注",
    ],
    "ar": [
        "كازينو",
        "قمار",
        "مراهنات",
        "إباحي",
        "اباحي",
        "قروض سريعة",
        "اربح المال",
        "ربح المال بسرعة",
        "اضغط هنا لربح",
        "ماكينات القمار",
    ],
}


# Word boundaries against letters of spaced scripts only, so that a Latin word written
# straight after Chinese characters ("访问casino") is still a whole word.
SPACED_LETTER = r"[0-9A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]"
WORD_START, WORD_END = rf"(?<!{SPACED_LETTER})", rf"(?!{SPACED_LETTER})"


def _pattern() -> re.Pattern:
    words = sorted((word for group in SPAM_WORDS.values() for word in group), key=len)
    fragments = [fragment for group in SPAM_FRAGMENTS.values() for fragment in group]
    return re.compile(
        "|".join(
            # Longest first, so that "casino en ligne" is found whole, not as "casino".
            [rf"{WORD_START}(?:{word}){WORD_END}" for word in reversed(words)]
            + [re.escape(fragment) for fragment in fragments]
            + [SHORTENER_PATTERN]
        ),
        re.IGNORECASE,
    )


SPAM_PATTERN = _pattern()


def skeleton(text: str) -> tuple[str, list[int]]:
    """``text`` without invisible characters and in compatibility forms, with the
    offset in ``text`` of each of its characters."""
    chars: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        if is_invisible(char):
            continue
        folded = unicodedata.normalize("NFKC", char) if not char.isascii() else char
        chars.append(folded)
        offsets.extend([index] * len(folded))
    return "".join(chars), offsets


def spam_spans(text: str):
    """(start, end) in ``text`` of each spam phrase, found in its skeleton."""
    folded, offsets = skeleton(text)
    for match in SPAM_PATTERN.finditer(folded):
        yield offsets[match.start()], offsets[match.end() - 1] + 1


def is_spam(text: str) -> bool:
    return next(spam_spans(text), None) is not None
