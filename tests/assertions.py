"""Assertions shared by test modules."""

from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings


def assert_not_found(response):
    """A 404 answered with the site's own "Page not found" page."""
    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in response.content.decode()


def count_queries(client, url) -> int:
    """How many queries the page at ``url`` makes to answer one GET (it must answer
    200); the page cache is off, so this is what every cache miss costs on top of
    the cache's own reads (tests/ctdialogue/caching)."""
    with override_settings(PAGE_CACHE_SECONDS=0), CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def assert_queries_do_not_grow(client, url, add_row):
    """The page at ``url`` makes as many queries with three rows as with one:
    ``add_row()`` adds one row of what the page lists."""
    add_row()
    with_one_row = count_queries(client, url)
    add_row()
    add_row()
    assert count_queries(client, url) == with_one_row
