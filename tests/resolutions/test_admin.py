"""The Django admin of Security Council resolutions."""

import pytest
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from resolutions.models import Resolution
from tests.assertions import assert_queries_do_not_grow
from tests.factories import EventFactory, InitiativeFactory, ResolutionFactory, ThemeFactory

pytestmark = pytest.mark.django_db

CHANGELIST_URL = reverse("admin:resolutions_resolution_changelist")


def change_url(resolution):
    return reverse("admin:resolutions_resolution_change", args=[resolution.pk])


def make_linked_resolution(**kwargs):
    resolution = ResolutionFactory(**kwargs)
    resolution.themes.set(ThemeFactory.create_batch(2))
    resolution.initiatives.set([InitiativeFactory()])
    resolution.events.set(EventFactory.create_batch(2))
    return resolution


def test_resolution_changelist_shows_the_symbol(staff_client):
    resolution = ResolutionFactory(number=2395, year=2017, title="Threats by terrorist acts")

    response = staff_client.get(CHANGELIST_URL)

    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [resolution]
    content = response.content.decode()
    assert f'<a href="{change_url(resolution)}">S/RES/2395 (2017)</a>' in content
    assert "Threats by terrorist acts" in content
    assert '<td class="field-publication">Published</td>' in content


def test_resolution_changelist_shows_the_year_in_the_symbol_and_adoption_date(staff_client):
    resolution = ResolutionFactory(number=2395, year=2017)

    response = staff_client.get(CHANGELIST_URL)

    content = response.content.decode()
    # No column of its own: it would say the year a third time.
    assert 'class="field-year"' not in content
    assert f'<a href="{change_url(resolution)}">S/RES/2395 (2017)</a>' in content
    assert '<td class="field-adopted_on nowrap">21 Dec 2017</td>' in content


def test_resolution_changelist_queries_do_not_grow_with_rows(staff_client):
    assert_queries_do_not_grow(staff_client, CHANGELIST_URL, make_linked_resolution)


@pytest.mark.parametrize("search", ["2395", "S/RES/2395 (2017)", "s/res/2395", "counter-terrorism"])
def test_resolution_search_with_number_or_symbol_finds_it(staff_client, search):
    wanted = ResolutionFactory(number=2395, title="On counter-terrorism")
    ResolutionFactory(number=2396, title="On something else")

    response = staff_client.get(CHANGELIST_URL, {"q": search})

    assert list(response.context["cl"].result_list) == [wanted]


def test_resolution_search_with_a_word_ignores_numbers(staff_client):
    ResolutionFactory(number=2395, title="On counter-terrorism")

    response = staff_client.get(CHANGELIST_URL, {"q": "abc"})

    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == []


def test_resolution_publication_filter_with_draft_lists_only_drafts(staff_client):
    draft = ResolutionFactory(draft=True)
    ResolutionFactory(scheduled=True)
    ResolutionFactory()

    response = staff_client.get(CHANGELIST_URL, {"publication": "draft"})

    assert list(response.context["cl"].result_list) == [draft]


def test_resolution_add_page_shows_the_form_fields(staff_client):
    response = staff_client.get(reverse("admin:resolutions_resolution_add"))

    assert response.status_code == 200
    content = response.content.decode()
    for field in [
        *Resolution.DESCRIPTION,
        *("themes", "initiatives", "events", "publication_status", "publish_at_0"),
    ]:
        assert f'name="{field}"' in content


def test_resolution_change_page_shows_the_current_values_and_links(staff_client):
    resolution = make_linked_resolution(number=2395, title="Threats by terrorist acts")

    response = staff_client.get(change_url(resolution))

    assert response.status_code == 200
    assert response.context["original"] == resolution
    content = response.content.decode()
    assert 'value="Threats by terrorist acts"' in content
    for linked in [
        *resolution.themes.all(),
        *resolution.initiatives.all(),
        *resolution.events.all(),
    ]:
        assert f'<option value="{linked.pk}" selected>{linked}</option>' in content


def test_resolution_change_page_view_on_site_opens_the_public_page(staff_client):
    resolution = ResolutionFactory(number=2395)
    content_type = ContentType.objects.get_for_model(Resolution)
    link = reverse("admin:view_on_site", args=[content_type.pk, resolution.pk])

    response = staff_client.get(change_url(resolution))
    redirect = staff_client.get(link)

    assert link in response.content.decode()
    assert redirect.url == "http://testserver/resolutions/2395/"


def test_resolution_admin_relations_use_autocomplete():
    model_admin = admin.site._registry[Resolution]

    assert set(model_admin.autocomplete_fields) == {"themes", "initiatives", "events"}


def test_resolution_autocomplete_for_initiatives_finds_them(staff_client):
    initiative = InitiativeFactory(name="Tech Against Terrorism")

    response = staff_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "resolutions",
            "model_name": "resolution",
            "field_name": "initiatives",
            "term": "against",
        },
    )

    assert response.json()["results"] == [{"id": str(initiative.pk), "text": str(initiative)}]
