"""A translated text reads in the page's language when it has been translated, else
as its record's original; everything that writes or queries it means the original."""

import pytest
from django.db import connection
from django.forms.models import model_to_dict
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from ctdialogue.translations.registry import (
    original_language,
    showing_translations,
    shown_language,
    text_columns,
    translated_fields,
    un_code,
)
from events.models import Event, Theme
from resolutions.models import Resolution
from tests.factories import ContributionFactory, EventFactory, PersonFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def test_a_text_reads_in_the_page_language_else_in_its_records_original():
    theme = ThemeFactory(language="fr", name="Preuves numériques", name_en="Digital evidence")

    shown = {}
    for language in ("fr", "en", "ru", "zh-hans"):
        with translation.override(language), showing_translations():
            shown[language] = (theme.name, shown_language(theme, "name"))

    assert shown == {
        "fr": ("Preuves numériques", "fr"),
        "en": ("Digital evidence", "en"),
        # Not translated into Russian: the French original, not the English translation.
        "ru": ("Preuves numériques", "fr"),
        "zh-hans": ("Preuves numériques", "fr"),
    }


def test_an_empty_translation_is_no_translation():
    theme = ThemeFactory(name="Digital evidence", name_fr="")

    with translation.override("fr"), showing_translations():
        assert (theme.name, shown_language(theme, "name")) == ("Digital evidence", "en")


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_writing_a_text_writes_the_original_whatever_the_page_language(language):
    with translation.override(language), showing_translations():
        theme = ThemeFactory(name="Digital evidence", name_es="Pruebas digitales")
        theme.description = "Obtaining data"
        theme.full_clean()
        theme.save()

    theme = Theme.objects.get(pk=theme.pk)
    assert model_to_dict(theme, ["name", "description"]) == {
        "name": "Digital evidence",
        "description": "Obtaining data",
    }
    assert [getattr(theme, f"name_{code}") for code in ("ar", "en", "fr")] == [None] * 3
    assert theme.name_es == "Pruebas digitales"


def test_saving_while_a_translation_is_shown_keeps_the_original():
    theme = ThemeFactory(name="Digital evidence", name_fr="Preuves numériques")

    with translation.override("fr"), showing_translations():
        assert theme.name == "Preuves numériques"
        theme.full_clean()
        theme.save()

    assert Theme.objects.values_list("name", "name_fr").get() == (
        "Digital evidence",
        "Preuves numériques",
    )


def test_outside_a_page_texts_read_as_stored():
    theme = ThemeFactory(name="Digital evidence", name_fr="Preuves numériques")

    with translation.override("fr"):
        assert (theme.name, shown_language(theme, "name")) == ("Digital evidence", "en")


def test_queries_mean_the_original_column_in_every_language():
    ThemeFactory(name="Beta", name_fr="Alpha")
    ThemeFactory(name="Alpha", name_fr="Zeta")

    with (
        translation.override("fr"),
        showing_translations(),
        CaptureQueriesContext(connection) as queries,
    ):
        names = [theme.name for theme in Theme.objects.filter(name__startswith="Be")]
        ordered = list(Theme.objects.order_by("name").values_list("name", flat=True))

    assert names == ["Alpha"]  # found by its original, shown in French
    assert ordered == ["Alpha", "Beta"]
    assert "name_fr" not in queries.captured_queries[1]["sql"]
    assert not type(Theme.objects).__module__.startswith("modeltranslation")


def test_forms_and_history_read_the_original():
    theme = ThemeFactory(name="Digital evidence", name_fr="Preuves numériques")

    with translation.override("fr"):
        assert model_to_dict(theme, ["name", "name_fr"]) == {
            "name": "Digital evidence",
            "name_fr": "Preuves numériques",
        }


def test_a_quotation_has_its_own_language_and_a_speechs_other_texts_follow_the_event():
    contribution = ContributionFactory(
        event=EventFactory(language="fr"),
        title="Allocution",
        quotation="Цифровые доказательства",
        quotation_language="ru",
        title_en="Address",
    )

    assert original_language(contribution, "quotation") == "ru"
    assert original_language(contribution, "title") == "fr"
    with translation.override("en"), showing_translations():
        assert (contribution.title, shown_language(contribution, "title")) == ("Address", "en")
        assert shown_language(contribution, "quotation") == "ru"


def test_a_derived_text_is_in_the_language_of_the_text_it_is_made_of():
    person = PersonFactory(language="en", honorific="Mr.", name="Andrei Kovalenko")
    person.name_ru = "Андрей Коваленко"
    person.honorific_ru = "г-н"  # noqa: RUF001

    with translation.override("ru"), showing_translations():
        assert person.full_name == "г-н Андрей Коваленко"  # noqa: RUF001
        assert shown_language(person, "full_name") == "ru"


def test_text_columns_are_what_showing_a_text_needs():
    assert text_columns(Theme, "slug", "name") == [
        "slug",
        "name",
        "name_ar",
        "name_zh_hans",
        "name_en",
        "name_fr",
        "name_ru",
        "name_es",
        "language",
    ]


def test_only_with_text_columns_reads_translations_without_more_queries(
    django_assert_num_queries,
):
    ThemeFactory(name="Digital evidence", name_fr="Preuves numériques")

    with translation.override("fr"), showing_translations(), django_assert_num_queries(1):
        [theme] = Theme.objects.only(*text_columns(Theme, "name"))
        assert theme.name == "Preuves numériques"


def test_every_content_text_is_translated_and_no_identifier_is():
    assert translated_fields(Event) == (
        "title",
        "summary",
        "body",
        "city",
        "venue",
        "expected_outcome",
        "outcome",
    )
    assert translated_fields(Resolution) == ("title", "official_title", "agenda_item", "summary")
    assert "slug" not in translated_fields(Theme)


@pytest.mark.parametrize(
    ("code", "expected"),
    [("zh-hans", "zh"), ("zh-Hans", "zh"), ("fr", "fr"), ("ar", "ar"), ("de", "en"), ("", "en")],
)
def test_un_code_is_the_un_code_of_a_language(code, expected):
    with translation.override("en"):
        assert un_code(code) == expected


def test_un_code_is_by_default_the_active_languages():
    with translation.override("ru"):
        assert un_code() == "ru"
