"""Each translation remembers the original it was made from: staff see and filter the
translations whose original changed since, and those still missing."""

import pytest

from ctdialogue.translations.registry import missing_in, outdated_in, translation_states
from events.models import Contribution, Theme
from tests.admin_forms import admin_action, admin_url
from tests.factories import ContributionFactory, EventFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def refreshed(obj):
    return type(obj).objects.get(pk=obj.pk)


def test_a_translation_is_current_until_the_words_of_its_original_change():
    theme = ThemeFactory(description="<p>Digital evidence.</p>", description_fr="<p>Preuves.</p>")
    assert translation_states(theme, "fr") == {"name": "missing", "description": "current"}

    theme.description = "<p><strong>Digital</strong>  evidence.</p>"  # markup and spaces only
    theme.save()
    assert translation_states(refreshed(theme), "fr")["description"] == "current"

    theme = refreshed(theme)
    theme.description = "<p>Digital evidence held abroad.</p>"
    theme.save()
    assert translation_states(refreshed(theme), "fr")["description"] == "outdated"

    theme = refreshed(theme)
    theme.description_fr = "<p>Preuves détenues à l’étranger.</p>"  # noqa: RUF001
    theme.save()
    assert translation_states(refreshed(theme), "fr")["description"] == "current"

    theme = refreshed(theme)
    theme.description_fr = ""
    theme.save()
    assert translation_states(refreshed(theme), "fr")["description"] == "missing"


def test_texts_written_in_a_language_need_no_translation_into_it():
    theme = ThemeFactory(language="fr", name="Preuves numériques")

    assert translation_states(theme, "fr") == {}
    assert translation_states(theme, "en") == {"name": "missing", "description": "missing"}


def test_the_filters_find_missing_and_out_of_date_translations():
    done = ThemeFactory(name="Done", name_fr="Fait", description="")
    missing = ThemeFactory(name="Missing", description="")
    french = ThemeFactory(name="Français", language="fr", description="")
    stale = ThemeFactory(name="Stale", name_fr="Périmé", description="")
    stale.name = "Stale, renamed"
    stale.save()

    assert set(Theme.objects.filter(missing_in(Theme, "fr"))) == {missing}
    assert set(outdated_in(Theme.objects.all(), "fr")) == {stale}
    assert set(Theme.objects.filter(missing_in(Theme, "en"))) == {french}
    assert done not in outdated_in(Theme.objects.all(), "fr")


def test_a_speech_follows_its_events_language_and_its_quotation_its_own():
    event = EventFactory(language="fr")
    ContributionFactory(
        event=event, title="Allocution", quotation="Words.", quotation_language="en"
    )

    missing_french = Contribution.objects.filter(missing_in(Contribution, "fr"))
    missing_english = Contribution.objects.filter(missing_in(Contribution, "en"))

    assert missing_french.count() == 1  # the quotation, in English
    assert missing_english.count() == 1  # the title, in French


def test_staff_filter_the_changelist_and_mark_translations_up_to_date(staff_client):
    stale = ThemeFactory(name="Stale", name_fr="Périmé", description="")
    stale.name = "Stale, renamed"
    stale.save()
    ThemeFactory(name="Missing", description="")

    outdated = staff_client.get(admin_url(Theme, "changelist"), {"translation": "fr-outdated"})
    missing = staff_client.get(admin_url(Theme, "changelist"), {"translation": "fr-missing"})
    form = staff_client.get(admin_url(Theme, "change", stale.pk)).content.decode()

    assert [str(theme) for theme in outdated.context["cl"].result_list] == ["Stale, renamed"]
    assert [str(theme) for theme in missing.context["cl"].result_list] == ["Missing"]
    assert "Translation into French out of date" in outdated.content.decode()
    assert "Out of date: the original of name changed after it was translated." in form

    admin_action(staff_client, Theme, "translations_still_match", [stale])

    assert translation_states(refreshed(stale), "fr") == {"name": "current"}
