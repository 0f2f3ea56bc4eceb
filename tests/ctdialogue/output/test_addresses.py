"""Absolute addresses on the public site, for feeds, exports and structured data."""

from ctdialogue.output.addresses import absolute


def test_absolute_puts_a_path_on_the_public_site(settings):
    settings.SITE_URL = "https://ctd.example.org"

    assert absolute("/media/a.png") == "https://ctd.example.org/media/a.png"


def test_absolute_keeps_an_absolute_url(settings):
    settings.SITE_URL = "https://ctd.example.org"

    assert absolute("https://cdn.example.org/a.png") == "https://cdn.example.org/a.png"
    assert absolute("//cdn.example.org/a.png") == "//cdn.example.org/a.png"
