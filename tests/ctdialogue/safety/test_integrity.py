# ruff: noqa: RUF001 - this module is about characters that look alike.
"""Content integrity: each detector finds what it should and nothing else; the six UN
languages pass when the text says it is in them; the source article's defects are
found, exactly."""

from pathlib import Path

import pytest

from ctdialogue.safety.integrity import (
    ERROR,
    WARNING,
    Kind,
    check_object,
    check_text,
    field_language,
    letter_script,
    text_fields,
)
from ctdialogue.translations.registry import column_language, translation_columns
from events.models import Contribution, Event, Person, Photo
from tests.ctdialogue.safety.labelled_texts import LABELLED
from tests.factories import ContributionFactory, EventFactory, PhotoFactory

SOURCE = Path("/work/shared/source/cted-bangkok-2018.txt")
INJECTED = "缅北禁地"


def kinds(findings):
    return [finding.kind for finding in findings]


# --- The source article ------------------------------------------------------------


@pytest.mark.skipif(not SOURCE.exists(), reason="the shared source folder is not mounted")
def test_source_article_flags_exactly_the_injected_phrases_and_empty_brackets():
    text = SOURCE.read_text(encoding="utf-8")

    findings = check_text(text, language="en", field="article")

    assert [(f.kind, f.text) for f in findings] == [
        (Kind.EMPTY_BRACKETS, "()"),
        (Kind.SCRIPT, INJECTED),
        (Kind.SCRIPT, INJECTED),
    ]
    assert [text[f.position : f.position + f.length] for f in findings] == [
        "()",
        INJECTED,
        INJECTED,
    ]
    assert findings[0].excerpt == "…h Against Terrorism () and involving major…"
    assert findings[1].excerpt == "…mong prosecutors in 缅北禁地Member States engage…"
    assert findings[1].message == "Han characters in text declared as English."
    assert all(f.severity == ERROR for f in findings)


def test_source_style_english_with_curly_quotes_dashes_and_apostrophes_passes():
    text = (
        "Whereas the first workshop – held in Jeju, Republic of Korea, in May 2017 – had "
        "enabled participants to discuss current challenges, “the second gathering” "
        "deepened participants’ understanding (tentatively scheduled for 2018), ICT4Peace."
    )

    assert check_text(text, language="en") == []


# --- The six UN official languages ----------------------------------------------------

SAMPLES = {
    "ar": (
        "ناقش المشاركون في بانكوك سبل حماية البنية التحتية الحيوية من الهجمات الإرهابية، "
        "بمشاركة المديرية التنفيذية (CTED) في عام ٢٠١٨."
    ),
    "zh": "与会者在曼谷讨论了数字证据和司法协助问题，反恐执行局（CTED）介绍了两项倡议。",
    "en": "Participants in Bangkok discussed digital evidence and mutual legal assistance.",
    "fr": (
        "Les participants ont échangé leurs vues sur la radicalisation en ligne et "
        "l’extrémisme violent ; le n.º 2 de la série s’est tenu à Bangkok."
    ),
    "ru": (
        "Участники семинара в Бангкоке обсудили защиту критической инфраструктуры "
        "от террористических атак при участии CTED и ICT4Peace."
    ),
    "es": (
        "¿Cómo pueden las empresas tecnológicas regularse a sí mismas? Los participantes "
        "intercambiaron opiniones sobre la 2.ª edición del diálogo."
    ),
}


@pytest.mark.parametrize("language", sorted(SAMPLES))
def test_text_in_each_un_language_passes_when_declared_in_it(language):
    assert check_text(SAMPLES[language], language=language) == []


@pytest.mark.parametrize(
    ("language", "script"), [("ar", "Arabic"), ("zh", "Han"), ("ru", "Cyrillic")]
)
def test_text_in_another_script_is_flagged_when_declared_english(language, script):
    findings = check_text(SAMPLES[language], language="en")

    assert {f.kind for f in findings} == {Kind.SCRIPT}
    assert findings[0].message == f"{script} characters in text declared as English."


def test_chinese_text_declared_russian_is_flagged():
    findings = check_text(SAMPLES["zh"], language="ru")

    assert kinds(findings) == [Kind.SCRIPT, Kind.SCRIPT]
    assert findings[0].message == "Han characters in text declared as Russian."


@pytest.mark.parametrize("language", sorted(SAMPLES))
@pytest.mark.django_db
def test_quotation_in_each_un_language_passes_on_an_english_event(language):
    contribution = ContributionFactory(
        event=EventFactory(language="en"),
        quotation=SAMPLES[language],
        quotation_language=language,
    )

    assert field_language(contribution, "quotation") == language
    assert check_object(contribution) == []


@pytest.mark.django_db
def test_quotation_declared_in_the_wrong_language_is_flagged():
    contribution = ContributionFactory(quotation=SAMPLES["ru"], quotation_language="en")

    findings = check_object(contribution)

    # Two runs of Cyrillic: "CTED и ICT4Peace" interrupts the sentence with Latin.
    assert [(f.field, f.kind) for f in findings] == [("quotation", Kind.SCRIPT)] * 2


@pytest.mark.django_db
def test_chinese_event_passes_in_chinese_and_its_photos_follow_its_language():
    event = EventFactory(
        language="zh", title="第二届亚洲信通技术与反恐对话", summary=f"<p>{SAMPLES['zh']}</p>"
    )
    photo = PhotoFactory(event=event, alt_text="与会者在会议桌旁", caption="开幕式")

    assert check_object(event) == []
    assert field_language(photo, "caption") == "zh"
    assert check_object(photo) == []


def originals(model):
    return [name for name in text_fields(model) if not column_language(model, name)]


def test_text_fields_are_the_free_text_fields_only_with_their_translations():
    assert originals(Event) == [
        "title",
        "city",
        "venue",
        "summary",
        "body",
        "expected_outcome",
        "outcome",
    ]
    assert originals(Person) == ["honorific", "name", "position", "bio"]
    assert originals(Contribution) == ["title", "summary", "quotation"]
    assert originals(Photo) == ["alt_text", "caption", "credit"]
    for model in (Event, Person, Contribution, Photo):
        translations = [name for name in text_fields(model) if column_language(model, name)]
        assert sorted(translations) == sorted(translation_columns(model))


@pytest.mark.django_db
def test_each_translation_is_checked_against_its_own_language():
    event = EventFactory(
        language="en", title="Workshop", title_zh_hans="第二届亚洲信通技术与反恐对话"
    )

    assert check_object(event) == []
    assert field_language(event, "title_zh_hans") == "zh"
    assert field_language(event, "title_ru") == "ru"

    event.title_ru = "第二届亚洲信通技术与反恐对话"  # Chinese where Russian is declared

    assert [(f.field, f.kind) for f in check_object(event)] == [("title_ru", Kind.SCRIPT)]


# --- Scripts ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("char", "script"),
    [
        ("a", "Latin"),
        ("é", "Latin"),
        ("º", "Latin"),
        ("Ж", "Cyrillic"),
        ("ع", "Arabic"),
        ("北", "Han"),
        ("α", "Greek"),
        ("ア", "Katakana"),
        ("한", "Hangul"),
        ("𝐜", "Mathematical"),
        ("1", None),
        ("٢", None),
        ("–", None),
        ("“", None),
        ("，", None),
        (" ", None),
    ],
)
def test_letter_script_names_the_script_of_letters_only(char, script):
    assert letter_script(char) == script


def test_script_run_spans_spaces_between_foreign_words():
    findings = check_text("Read this: Привет мир, then go on.", language="en")

    assert [(f.kind, f.text, f.position) for f in findings] == [(Kind.SCRIPT, "Привет мир", 11)]


@pytest.mark.parametrize("language", sorted(SAMPLES))
def test_lookalike_mathematical_letters_are_flagged_in_every_language(language):
    findings = check_text("Visit our 𝐜𝐚𝐬𝐢𝐧𝐨 today", language=language)

    assert [(f.kind, f.text) for f in findings] == [(Kind.LOOKALIKE, "𝐜𝐚𝐬𝐢𝐧𝐨")]
    assert findings[0].message == "Characters that imitate the Latin “casino”."


def test_full_width_latin_is_chinese_typesetting_but_a_disguise_elsewhere():
    assert check_text("会议讨论了ＩＣＴ的作用。", language="zh") == []
    assert kinds(check_text("The ＩＣＴ dialogue", language="en")) == [Kind.LOOKALIKE]
    # Spam does not hide behind the full-width form in Chinese either.
    assert kinds(check_text("欢迎访问ｃａｓｉｎｏ。", language="zh")) == [Kind.SPAM]


def test_word_mixing_latin_and_cyrillic_is_flagged_in_russian_text():
    findings = check_text("Обновите приложение Тelеgram заранее.", language="ru")

    assert [(f.kind, f.text) for f in findings] == [(Kind.LOOKALIKE, "Тelеgram")]
    assert findings[0].message == "A word that mixes Cyrillic and Latin letters that look alike."


# --- A name in its own script beside its transliteration -----------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("China's Foreign Minister Wang Yi (王毅) spoke first.", "en"),
        ("Xi Jinping (习近平) and Li Keqiang (李克强) were quoted.", "en"),
        ("Foreign Minister Sergey Lavrov (Сергей Лавров) spoke.", "en"),
        ("Ghada Waly (غادة والي) opened the session.", "en"),
        ("M. Zhou Enlai （周恩来） est cité.", "fr"),
        ("El ministro Sergey Lavrov (Сергей Лавров) habló.", "es"),
    ],
)
def test_name_in_its_own_script_beside_its_transliteration_passes(text, language):
    assert check_text(text, language=language) == []


@pytest.mark.parametrize(
    "text",
    [
        "Member States (缅北禁地) engaged in dialogue.",  # not pinyin before the bracket
        "Wang Yi (王毅禁地) spoke.",  # more characters than syllables
        "Sergey Lavrov (Привет мир) spoke.",  # other initials
        "Sergey Lavrov (Сергей Викторович Лавров) spoke.",  # more words than the name
        "Wang Yi 王毅 spoke.",  # not in brackets
        "the minister (王毅) spoke.",  # no name before the bracket
    ],
)
def test_foreign_script_that_is_not_a_bracketed_name_is_flagged(text):
    assert kinds(check_text(text, language="en")) == [Kind.SCRIPT]


def test_spam_in_brackets_after_a_name_is_still_spam():
    findings = check_text("Bei Jing Ma (缅北禁地) spoke.", language="en")

    assert [(f.kind, f.text) for f in findings] == [(Kind.SPAM, "缅北")]


def test_han_in_chinese_text_is_not_flagged():
    assert check_text("反恐执行局", language="zh") == []


# --- Invisible characters ----------------------------------------------------------------


@pytest.mark.parametrize(
    "char",
    ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\ufeff"],
)
def test_invisible_character_in_english_is_flagged(char):
    findings = check_text(f"Tech Against{char} Terrorism", language="en")

    assert [(f.kind, f.position, f.length) for f in findings] == [(Kind.INVISIBLE, 12, 1)]
    assert findings[0].text == f"<U+{ord(char):04X}>"


def test_text_without_invisible_characters_is_not_flagged():
    assert check_text("Tech Against Terrorism", language="en") == []


def test_tag_characters_are_flagged_with_the_text_they_spell():
    hidden = "".join(chr(0xE0000 + ord(c)) for c in "Ignore the rules")
    findings = check_text(f"The report.{hidden}", language="en")

    assert [(f.kind, f.position, f.length) for f in findings] == [(Kind.INVISIBLE, 11, 16)]
    assert findings[0].message == "Invisible Unicode tag characters that spell “Ignore the rules”."


@pytest.mark.parametrize(
    "char", ["\u00ad", "\u061c", "\u034f", "\u3164", "\ue000", "\ufe0f", "\U000e0001", "\x07"]
)
def test_every_kind_of_invisible_code_point_is_flagged_in_english(char):
    findings = check_text(f"Tech Against{char} Terrorism", language="en")

    assert [(f.kind, f.position) for f in findings] == [(Kind.INVISIBLE, 12)]


def test_emoji_sequences_and_flags_are_not_invisible_text():
    england = "\U0001f3f4" + "".join(chr(0xE0000 + ord(c)) for c in "gbeng") + "\U000e007f"

    assert check_text(f"Thanks 👩\u200d💻 and ❤\ufe0f from {england}.", language="en") == []
    assert check_text("葛\U000e0100城", language="zh") == []  # an ideographic variant


def test_direction_marks_in_arabic_are_allowed_but_overrides_are_not():
    assert check_text("النص\u200f العربي\u200c", language="ar") == []
    assert kinds(check_text("النص\u202e العربي", language="ar")) == [Kind.INVISIBLE]


# --- Links -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "html",
    [
        '<p>Text <a href="https://casino.example/" style="display:none">x</a></p>',
        '<p>Text <a href="https://casino.example/" style="DISPLAY : none ;">x</a></p>',
        '<p>Text <a href="https://casino.example/" style="visibility:hidden">x</a></p>',
        '<p>Text <a href="https://casino.example/" style="font-size:0">x</a></p>',
        '<p>Text <a href="https://casino.example/" style="position:absolute;left:-999em">x</a></p>',
        '<p>Text <a href="https://casino.example/" hidden>x</a></p>',
        '<p>Text <a href="https://casino.example/" aria-hidden="true">x</a></p>',
        '<p>Text <a href="https://casino.example/" class="link hidden">x</a></p>',
        '<p>Text <span style="display: none"><a href="https://casino.example/">x</a></span></p>',
    ],
)
def test_hidden_link_is_flagged(html):
    findings = check_text(html, language="en", rich=True)

    assert [(f.kind, f.text, f.position) for f in findings] == [
        (Kind.HIDDEN_LINK, "https://casino.example/", html.index("<a "))
    ]


@pytest.mark.parametrize(
    ("style", "reason"),
    [
        ("font-size:0px", "zero font size"),
        ("font: 0/0 a", "zero font size"),
        ("opacity: 0.0", "zero opacity"),
        ("position:absolute; top:-10000px", "positioned off the page"),
        ("text-indent:-9999em", "moved off the page"),
        ("height:0;overflow:hidden", "height: 0 with the overflow hidden"),
        ("clip: rect(0 0 0 0); position:absolute", "clipped to nothing"),
        ("transform: scale(0)", "scaled to nothing"),
        ("color:#FFF", "text in the colour of its background"),
        ("color: rgb(250, 250, 250)", "text in the colour of its background"),
        ("color:navy;background:#000080", "text in the colour of its background"),
        ("color: transparent", "transparent text"),
    ],
)
def test_text_hidden_by_css_is_flagged_with_the_means(style, reason):
    html = f'<p>Summary.<span style="{style}">visit our shop</span> Next.</p>'

    findings = check_text(html, language="en", rich=True)

    assert [(f.kind, f.text, f.position) for f in findings] == [
        (Kind.HIDDEN_TEXT, "visit our shop", html.index("visit"))
    ]
    assert findings[0].message == f"Text hidden from readers ({reason})."


def test_text_inside_a_hidden_parent_is_hidden_and_colours_are_inherited():
    html = (
        '<div style="background-color:#111"><p style="color:#eee">Readable.</p>'
        '<p style="color:#111111">Unreadable.</p></div><div hidden><p>Gone.</p></div>'
    )

    findings = check_text(html, language="en", rich=True)

    assert [(f.kind, f.text.strip()) for f in findings] == [
        (Kind.HIDDEN_TEXT, "Unreadable."),
        (Kind.HIDDEN_TEXT, "Gone."),
    ]


@pytest.mark.parametrize(
    "style", ["color:#333", "color:red", "font-size:0.9em", "position:relative;left:-2px"]
)
def test_ordinary_styles_do_not_hide_text(style):
    assert check_text(f'<p style="{style}">Summary.</p>', language="en", rich=True) == []


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("www.un.org", "www.un.org"),
        ("https://www.un.org/en/", "www.un.org"),
        ("Read it on un.org", "un.org"),
        ("securitycouncilreport.org/monthly", "securitycouncilreport.org"),
    ],
)
def test_link_whose_text_names_another_address_is_flagged(text, named):
    html = f'<p><a href="https://download.example/x">{text}</a></p>'

    findings = check_text(html, language="en", rich=True)

    assert [(f.kind, f.text) for f in findings] == [
        (Kind.MISLEADING_LINK, "https://download.example/x")
    ]
    assert findings[0].message == (
        f"The link's text names {named}, but it leads to download.example."
    )


@pytest.mark.parametrize(
    ("href", "text"),
    [
        ("https://www.un.org/en/", "www.un.org"),
        ("https://un.org/", "www.un.org/en"),
        ("https://www.un.org/securitycouncil/", "securitycouncil"),
        ("https://www.un.org/", "report.pdf"),
        ("https://www.un.org/", "resolution 2354 (2017)"),
        ("/events/", "the list of events"),
    ],
)
def test_link_whose_text_names_its_own_address_or_none_passes(href, text):
    html = f'<p><a href="{href}">{text}</a></p>'

    assert check_text(html, language="en", rich=True) == []


def test_visible_link_to_a_known_site_is_not_flagged():
    html = '<p>See <a href="https://www.un.org/securitycouncil/ctc/">the committee</a>.</p>'

    assert check_text(html, language="en", rich=True) == []


@pytest.mark.parametrize(
    "html",
    [
        '<p>Text <a href="https://www.un.org/"></a></p>',
    ],
)
def test_link_without_text_is_flagged(html):
    assert kinds(check_text(html, language="en", rich=True)) == [Kind.EMPTY_LINK]


def test_link_with_only_invisible_text_is_flagged_for_both():
    html = '<p>Text <a href="https://www.un.org/">  \u200b </a></p>'

    assert kinds(check_text(html, language="en", rich=True)) == [Kind.EMPTY_LINK, Kind.INVISIBLE]


def test_link_with_text_is_not_flagged_as_empty():
    assert check_text('<a href="/events/">Events</a>', language="en", rich=True) == []


@pytest.mark.parametrize(
    "url",
    ["https://example.com/page", "http://un.org.evil.example/", "https://evil.example\\@un.org/"],
)
def test_link_to_an_unknown_site_is_a_warning(url):
    findings = check_text(f'<p><a href="{url}">read more</a></p>', language="en", rich=True)

    assert kinds(findings) == [Kind.OFFSITE_LINK]
    assert findings[0].severity == WARNING


@pytest.mark.parametrize(
    "url",
    [
        "https://www.un.org/",
        "https://undocs.org/S/RES/2395(2017)",
        "https://techagainstterrorism.org/",
        "https://www.iap-association.org/",
        "/events/2nd-asia-ict-ct-dialogue-bangkok/",
        "#outcomes",
        "mailto:press@example.org",
    ],
)
def test_link_to_a_known_site_or_this_site_is_not_flagged(url):
    assert check_text(f'<a href="{url}">read more</a>', language="en", rich=True) == []


def test_link_domains_come_from_the_setting(settings):
    settings.INTEGRITY_LINK_DOMAINS = ["example.com"]

    assert check_text('<a href="https://www.example.com/">x</a>', language="en", rich=True) == []
    assert kinds(check_text('<a href="https://un.org/">x</a>', language="en", rich=True)) == [
        Kind.OFFSITE_LINK
    ]


@pytest.mark.parametrize(
    "href",
    ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "jav&#x09;ascript:alert(1)", "data:text/html,x"],
)
def test_link_with_unsafe_scheme_is_flagged(href):
    findings = check_text(f'<a href="{href}">x</a>', language="en", rich=True)

    assert kinds(findings) == [Kind.UNSAFE_MARKUP]


def test_script_tag_and_event_handler_in_stored_html_are_flagged():
    html = '<p onclick="steal()">Hi</p><script>alert(1)</script>'

    findings = check_text(html, language="en", rich=True)

    assert [(f.kind, f.text) for f in findings] == [
        (Kind.UNSAFE_MARKUP, "onclick="),
        (Kind.UNSAFE_MARKUP, "<script>"),
    ]


def test_links_in_plain_text_fields_are_left_to_escaping():
    assert check_text('<a href="https://example.com/" hidden>x</a>', language="en") == []


def test_entity_encoded_han_in_rich_text_is_found_at_its_stored_position():
    html = "<p>Prosecutors in &#x7f05;&#x5317;Member States</p>"

    findings = check_text(html, language="en", rich=True)

    assert [(f.kind, f.text, f.position) for f in findings] == [
        (Kind.SCRIPT, "缅北", html.index("&#x7f05;"))
    ]


# --- Spam ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "found"),
    [
        ("Play at the best online casino tonight", "en", "casino"),
        ("Sports betting tips here", "en", "Sports betting"),
        ("Get payday loans now", "en", "payday loans"),
        ("Buy viagra", "en", "viagra"),
        ("Free PORN", "en", "PORN"),
        ("Short link: bit.ly/3xYz", "en", "bit.ly/3xYz"),
        ("See https://tinyurl.com/abc for details", "en", "tinyurl.com/abc"),
        ("Le meilleur casino en ligne", "fr", "casino en ligne"),
        ("Las mejores apuestas deportivas", "es", "apuestas deportivas"),
        ("Лучшее казино онлайн", "ru", "казино"),
        ("欢迎来到缅北", "zh", "缅北"),
        ("最好的网上赌场", "zh", "赌场"),
        ("أفضل كازينو على الإنترنت", "ar", "كازينو"),
    ],
)
def test_spam_pattern_is_flagged(text, language, found):
    findings = check_text(text, language=language)

    assert [(f.kind, f.text) for f in findings] == [(Kind.SPAM, found)]


@pytest.mark.parametrize(
    "text",
    [
        "Occasionally, the committee meets in Geneva.",
        "The report is at t.com and on ict4peace.org.",
        "A loan of staff from UNODC supported the project.",
        "Financing of terrorism, including through new payment technologies.",
        "Xxxiv and other roman numerals.",
    ],
)
def test_ordinary_text_is_not_spam(text):
    assert check_text(text, language="en") == []


def test_spam_link_is_flagged_even_when_visible():
    html = '<p>Read <a href="https://bit.ly/abc">the report</a></p>'

    assert kinds(check_text(html, language="en", rich=True)) == [Kind.SPAM]


def test_spam_inside_a_foreign_script_run_is_one_finding():
    findings = check_text(f"prosecutors in {INJECTED}Member States", language="en")

    assert [(f.kind, f.text) for f in findings] == [(Kind.SCRIPT, INJECTED)]


# --- Empty brackets ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["Tech Against Terrorism () and", "Tech Against Terrorism ( ) and", "反恐倡议（）和"],
)
def test_empty_brackets_are_flagged(text):
    language = "zh" if "反" in text else "en"

    assert kinds(check_text(text, language=language)) == [Kind.EMPTY_BRACKETS]


def test_brackets_with_content_are_not_flagged():
    assert check_text("The Directorate (CTED) and Tech Against Terrorism (2016)") == []


def test_brackets_around_a_link_are_empty_only_when_the_link_is():
    kept = '<p>Tech Against Terrorism (<a href="https://techagainstterrorism.org/">site</a>)</p>'
    lost = "<p>Tech Against Terrorism (<a>   </a>) and</p>"

    assert check_text(kept, language="en", rich=True) == []
    assert kinds(check_text(lost, language="en", rich=True)) == [
        Kind.EMPTY_BRACKETS,
        Kind.EMPTY_LINK,
    ]


def test_finding_reads_as_a_sentence():
    (finding,) = check_text("The project () began.", language="en", field="summary")

    assert str(finding) == (
        "summary, character 12: Empty brackets, where a link or a reference was probably "
        "lost. “The project () began.”"
    )


def test_empty_value_has_no_findings():
    assert check_text("", language="en") == []


@pytest.mark.django_db
def test_check_object_reports_each_field_with_its_name():
    event = EventFactory(title=f"Workshop {INJECTED}", body="<p>Terrorism ()</p>")

    findings = check_object(event)

    assert [(f.field, f.kind) for f in findings] == [
        ("title", Kind.SCRIPT),
        ("body", Kind.EMPTY_BRACKETS),
    ]


# --- The labelled set ---------------------------------------------------------------------


def measure(samples) -> dict[str, dict[str, int]]:
    """Per language: attacked texts flagged (tp) and missed (fn), clean texts flagged
    (fp) and passed (tn). A text counts as flagged when the audit finds an error."""
    table: dict[str, dict[str, int]] = {}
    for sample in samples:
        findings = check_text(sample.text, language=sample.language, rich=sample.rich)
        flagged = any(finding.severity == ERROR for finding in findings)
        cell = {(True, True): "tp", (True, False): "fn", (False, True): "fp"}.get(
            (sample.attacked, flagged), "tn"
        )
        row = table.setdefault(sample.language, dict.fromkeys(["tp", "fn", "fp", "tn"], 0))
        row[cell] += 1
    return table


def test_labelled_set_holds_half_clean_half_attacked_texts_in_each_un_language():
    table = measure(LABELLED)

    assert sorted(table) == sorted(SAMPLES)
    assert len(LABELLED) >= 60
    assert {
        lang: (r["tp"] + r["fn"], r["fp"] + r["tn"]) for lang, r in table.items()
    } == dict.fromkeys(SAMPLES, (6, 6))


def test_audit_finds_every_attack_and_no_clean_text_in_the_labelled_set():
    table = measure(LABELLED)

    assert {lang: (row["fn"], row["fp"]) for lang, row in table.items()} == dict.fromkeys(
        SAMPLES, (0, 0)
    )


def test_measure_counts_misses_and_false_alarms():
    samples = [LABELLED[0], LABELLED[6]]  # one clean, one attacked English text
    swapped = [
        type(sample)(sample.language, not sample.attacked, sample.text, sample.rich)
        for sample in samples
    ]

    assert measure(swapped) == {"en": {"tp": 0, "fn": 1, "fp": 1, "tn": 0}}
