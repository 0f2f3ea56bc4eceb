"""Record texts carry their language where it is not the page's, isolated from the
text around them, so that an English title on an Arabic page reads left to right with
its full stop on its own side."""

import pytest
from django.template import Context, Template
from django.test import override_settings
from django.utils import translation

from tests.ctdialogue.test_languages import SIX
from tests.factories import ContributionFactory, EventFactory

pytestmark = pytest.mark.django_db


def render(source: str, **context) -> str:
    return Template("{% load texts %}" + source).render(Context(context))


class Quotation:
    quotation = "الإرهاب"
    quotation_language = "ar"
    summary = "Remarks <on> record."


def test_a_text_in_the_pages_language_is_only_escaped():
    with translation.override("en"):
        assert render('{{ q|text:"summary" }}', q=Quotation()) == "Remarks &lt;on&gt; record."
        assert render('<p{{ q|text_attributes:"summary" }}>', q=Quotation()) == "<p>"


def test_a_text_in_another_language_is_isolated_and_names_its_language():
    with translation.override("ar"):
        assert render('{{ q|text:"summary" }}', q=Quotation()) == (
            '<bdi lang="en">Remarks &lt;on&gt; record.</bdi>'
        )
        assert render('<p{{ q|text_attributes:"summary" }}>', q=Quotation()) == (
            '<p lang="en" dir="ltr">'
        )
        assert render('{{ q|text:"quotation" }}', q=Quotation()) == "الإرهاب"
    with translation.override("en"):
        assert render('{{ q|text:"quotation" }}', q=Quotation()) == '<bdi lang="ar">الإرهاب</bdi>'
        assert render('<p{{ q|text_attributes:"quotation" }}>', q=Quotation()) == (
            '<p lang="ar" dir="rtl">'
        )


def test_chinese_quotations_use_the_html_code_of_simplified_chinese():
    quotation = Quotation()
    quotation.quotation, quotation.quotation_language = "反恐", "zh"
    with translation.override("en"):
        assert render('{{ q|text:"quotation" }}', q=quotation) == '<bdi lang="zh-Hans">反恐</bdi>'


@override_settings(LANGUAGES=SIX)
def test_an_arabic_page_marks_the_english_texts_of_the_record(client):
    event = EventFactory(title="Bangkok workshop", summary="<p>Two days.</p>")
    ContributionFactory(event=event, quotation="Words on record.", quotation_language="en")

    address = event.get_absolute_url()  # before a request activates another language
    arabic = client.get(f"/ar{address}").content.decode()
    english = client.get(address).content.decode()

    assert '<h1><bdi lang="en">Bangkok workshop</bdi></h1>' in arabic
    search = client.get("/ar/search/", {"q": "Bangkok"}).content.decode()
    assert '<bdi lang="en">Bangkok workshop</bdi></a>' in search
    assert '<div class="lead" lang="en" dir="ltr">' in arabic
    assert '<blockquote lang="en" dir="auto">' in arabic
    assert "<h1>Bangkok workshop</h1>" in english
    assert '<div class="lead">' in english


@override_settings(LANGUAGES=SIX)
def test_a_record_page_in_another_language_says_its_texts_are_not_translated(client):
    EventFactory(slug="bangkok", title="Bangkok workshop")
    EventFactory(slug="doha", title="حلقة عمل الدوحة", language="ar")

    english_on_french = client.get("/fr/events/bangkok/").content.decode()
    english_on_english = client.get("/events/bangkok/").content.decode()
    arabic_on_english = client.get("/events/doha/").content.decode()
    arabic_on_arabic = client.get("/ar/events/doha/").content.decode()

    note = 'class="notice notice--language" role="note"'
    assert note in english_on_french
    assert "(anglais) : ils n’ont pas encore été traduits." in english_on_french  # noqa: RUF001
    assert note not in english_on_english
    assert note not in arabic_on_arabic
    assert "written in (Arabic): they have not been translated yet." in arabic_on_english
    assert '<h1><bdi lang="ar">حلقة عمل الدوحة</bdi></h1>' in arabic_on_english
    assert "<h1>حلقة عمل الدوحة</h1>" in arabic_on_arabic


@override_settings(LANGUAGES=SIX)
def test_a_translated_record_shows_its_translation_and_says_what_is_not_translated(client):
    EventFactory(
        slug="bangkok",
        title="Bangkok workshop",
        summary="<p>Two days.</p>",
        title_fr="Atelier de Bangkok",
        summary_fr="<p>Deux jours.</p>",
        body="<p>Long report.</p>",
        title_ru="Семинар в Бангкоке",
    )

    french = client.get("/fr/events/bangkok/").content.decode()
    russian = client.get("/ru/events/bangkok/").content.decode()

    note = 'class="notice notice--language" role="note"'
    # Translated into French, except the body: the note says so.
    assert "<h1>Atelier de Bangkok</h1>" in french
    assert '<div class="lead">' in french
    assert "Deux jours." in french
    assert "Certains textes de cette fiche n’ont pas encore été traduits" in french  # noqa: RUF001
    assert '<div class="prose" lang="en" dir="ltr">' in french
    # Only the title in Russian: the summary falls back to the English original.
    assert "<h1>Семинар в Бангкоке</h1>" in russian
    assert '<div class="lead" lang="en" dir="ltr">' in russian
    assert "Two days." in russian
    assert note in russian


@override_settings(LANGUAGES=SIX)
def test_a_quotation_stays_as_it_was_said_with_our_translation_beside_it(client):
    event = EventFactory(slug="bangkok", title="Bangkok workshop")
    ContributionFactory(
        event=event,
        quotation="Terrorists exploit the Internet.",
        quotation_language="en",
        quotation_fr="Les terroristes exploitent Internet.",
    )

    french = client.get("/fr/events/bangkok/").content.decode()
    english = client.get("/events/bangkok/").content.decode()

    assert '<blockquote lang="en" dir="auto"><p>Terrorists exploit the Internet.</p>' in french
    assert (
        '<p class="quote__translation"><span class="muted">Notre traduction :</span> '
        "Les terroristes exploitent Internet.</p>"
    ) in french
    assert "quote__translation" not in english
