"""Staff write translations below a record's own texts, one fieldset per language."""

import pytest
from django.utils import translation

from events.models import Event, Theme
from tests.admin_forms import admin_url, form_data
from tests.factories import EventFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def fieldset_names(response):
    return [str(fieldset.name) for fieldset in response.context["adminform"]]


def test_a_records_form_has_a_folded_fieldset_per_other_language(staff_client):
    theme = ThemeFactory(language="en", name="Digital evidence", name_ru="Цифровые доказательства")

    response = staff_client.get(admin_url(Theme, "change", theme.pk))

    names = fieldset_names(response)
    assert [name for name in names if name.startswith("Translation")] == [
        "Translation into Arabic",
        "Translation into Simplified Chinese",
        "Translation into French",
        "Translation into Russian",
        "Translation into Spanish",
    ]
    assert names.index("Translation into Spanish") < names.index("Publishing")
    html = response.content.decode()
    # Folded while empty; the Russian one holds a text, so it is open.
    folded = {
        str(fieldset.name): "collapse" in fieldset.classes
        for fieldset in response.context["adminform"]
    }
    assert folded["Translation into French"] is True
    assert folded["Translation into Russian"] is False
    assert 'name="name_ru" value="Цифровые доказательства"' in html
    assert 'name="name_en"' not in html  # English is the original


def test_a_translation_saved_in_the_admin_shows_on_the_page_in_its_language(staff_client):
    event = EventFactory(title="Workshop on digital evidence", summary="<p>Two days.</p>")
    url = admin_url(Event, "change", event.pk)
    page = event.get_absolute_url()

    data = form_data(staff_client.get(url), title_fr="Atelier sur les preuves numériques")
    checked = staff_client.post(url, {**data, "summary_fr": "<p>Deux jours.</p><script>"})
    response = staff_client.post(url, {**data, "summary_fr": "<p>Deux jours.</p>"})

    # A translation is checked as its original is.
    assert "Summary [fr]: Markup the sanitiser removes (&lt;script&gt;)" in (
        checked.content.decode()
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    event.refresh_from_db()
    assert event.__dict__["title"] == "Workshop on digital evidence"  # the original kept
    assert event.title_fr == "Atelier sur les preuves numériques"
    assert event.summary_fr == "<p>Deux jours.</p>"
    with translation.override("fr"):
        french = staff_client.get(f"/fr{page}").content.decode()
    english = staff_client.get(page).content.decode()
    assert "Atelier sur les preuves numériques" in french
    assert "Workshop on digital evidence" in english
    assert "Atelier" not in english


def test_a_translation_into_the_records_own_language_is_refused_with_a_reason(staff_client):
    theme = ThemeFactory(language="en", name="Digital evidence")
    url = admin_url(Theme, "change", theme.pk)

    data = form_data(staff_client.get(url), language="fr", name_fr="Preuves numériques")
    response = staff_client.post(url, data)

    assert response.status_code == 200
    assert "The record is written in French: this text is its original." in (
        response.content.decode()
    )
    theme.refresh_from_db()
    assert (theme.language, theme.name_fr) == ("en", None)


def test_each_translation_in_the_form_is_checked_in_its_own_language(staff_client):
    event = EventFactory(title="Workshop on digital evidence")
    url = admin_url(Event, "change", event.pk)
    data = form_data(staff_client.get(url))

    saved = staff_client.post(url, {**data, "title_zh_hans": "数字证据研讨会"})
    refused = staff_client.post(url, {**data, "title_ru": "数字证据研讨会"})

    assert saved.status_code == 302
    assert "Title [ru]: Han characters in text declared as Russian." in refused.content.decode()
