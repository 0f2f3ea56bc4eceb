"""Settings read from the environment: what each variable accepts and refuses."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from ctdialogue.settings import env_trusted_proxies


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, 0),
        ("", 0),
        ("0", 0),
        ("2", 2),
        ("10.0.0.0/8, fd00::/8", ["10.0.0.0/8", "fd00::/8"]),
        ("192.0.2.10", ["192.0.2.10"]),
    ],
)
def test_trusted_proxies_are_a_count_or_networks(monkeypatch, value, expected):
    if value is None:
        monkeypatch.delenv("DJANGO_TRUSTED_PROXIES", raising=False)
    else:
        monkeypatch.setenv("DJANGO_TRUSTED_PROXIES", value)

    assert env_trusted_proxies("DJANGO_TRUSTED_PROXIES") == expected


@pytest.mark.parametrize("value", ["nginx", "10.0.0.0/33", "-1"])
def test_trusted_proxies_that_are_neither_stop_the_start_saying_why(monkeypatch, value):
    monkeypatch.setenv("DJANGO_TRUSTED_PROXIES", value)

    with pytest.raises(ImproperlyConfigured, match="a number of proxies or networks"):
        env_trusted_proxies("DJANGO_TRUSTED_PROXIES")
