"""Assertions shared by test modules."""


def assert_not_found(response):
    """A 404 answered with the site's own "Page not found" page."""
    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in response.content.decode()
