"""What the tests of the site search share: the search itself, and one record of
every kind with a word in its name."""

from django.urls import reverse

import events.search
import resolutions.search
from ctdialogue.search.engine import search_everything
from tests.factories import (
    EventFactory,
    InitiativeFactory,
    OrganizationFactory,
    PersonFactory,
    ResolutionFactory,
    ThemeFactory,
)

SEARCH_URL = reverse("search")


ALL_KINDS = ["events", "themes", "initiatives", "organizations", "people", "resolutions"]


SOURCES = (*events.search.SOURCES, *resolutions.search.SOURCES)


def search_all(query):
    return search_everything(query, SOURCES)


def make_one_of_each(word, n=0, **traits):
    """One object of every kind with ``word`` in its title or name."""
    return [
        EventFactory(title=f"{word} workshop {n}", **traits),
        ThemeFactory(name=f"{word} theme {n}", **traits),
        InitiativeFactory(name=f"{word} initiative {n}", **traits),
        OrganizationFactory(name=f"{word} foundation {n}", **traits),
        PersonFactory(name=f"{word} Speaker {n}", **traits),
        ResolutionFactory(title=f"{word} resolution {n}", **traits),
    ]


def search(client, status=200, **params):
    """The search page for ``params``; it answers ``status`` (400 for a search it could
    not understand, shown with its message)."""
    response = client.get(SEARCH_URL, params)
    assert response.status_code == status
    return response, response.content.decode()
