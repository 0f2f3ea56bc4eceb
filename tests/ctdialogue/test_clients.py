"""The client's address behind the proxies we trust, and nobody else's word for it."""

import pytest
from axes.helpers import get_client_ip_address
from django.test import RequestFactory
from rest_framework.request import Request

from ctdialogue.clients import client_address
from ctdialogue.output.api import AnonymousRateThrottle

NGINX = "10.0.0.5"
CLIENT = "198.51.100.7"
FORGED = "203.0.113.9"


def request_from(remote: str, forwarded: str | None = None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


@pytest.mark.parametrize("trusted", [0, []])
def test_with_no_trusted_proxy_a_forwarded_for_is_ignored(settings, trusted):
    settings.TRUSTED_PROXIES = trusted

    assert client_address(request_from(CLIENT, f"{FORGED}, 192.0.2.1")) == CLIENT


def test_with_one_proxy_the_rightmost_forwarded_address_is_the_client(settings):
    settings.TRUSTED_PROXIES = 1

    # nginx appended the address it saw to whatever the client wrote.
    assert client_address(request_from(NGINX, f"{FORGED}, {CLIENT}")) == CLIENT
    assert client_address(request_from(NGINX, CLIENT)) == CLIENT


def test_with_two_proxies_the_second_from_the_right_is_the_client(settings):
    settings.TRUSTED_PROXIES = 2

    chain = f"{FORGED}, {CLIENT}, 10.0.0.9"

    assert client_address(request_from(NGINX, chain)) == CLIENT


def test_with_fewer_hops_than_proxies_the_leftmost_is_taken(settings):
    settings.TRUSTED_PROXIES = 2

    assert client_address(request_from(NGINX, CLIENT)) == CLIENT
    assert client_address(request_from(NGINX)) == NGINX


def test_addresses_in_trusted_networks_are_skipped_from_the_right(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8", "fd00::/8"]

    chain = f"{FORGED}, {CLIENT}, 10.1.2.3, fd00::1"

    assert client_address(request_from(NGINX, chain)) == CLIENT


def test_a_request_not_from_a_trusted_network_is_believed_on_its_remote_address(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]

    assert client_address(request_from(CLIENT, f"{FORGED}")) == CLIENT


def test_when_every_hop_is_trusted_the_leftmost_is_the_client(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]

    assert client_address(request_from(NGINX, "10.9.9.9, 10.1.1.1")) == "10.9.9.9"


@pytest.mark.parametrize(
    ("trusted", "chain"),
    [(1, "not-an-address"), (["10.0.0.0/8"], f"{FORGED}, garbage, 10.1.1.1")],
)
def test_what_is_not_an_address_is_never_taken_for_one(settings, trusted, chain):
    settings.TRUSTED_PROXIES = trusted

    found = client_address(request_from(NGINX, chain))

    assert found in {NGINX, "10.1.1.1"}


@pytest.mark.parametrize(
    ("trusted", "expected"), [(0, NGINX), (1, CLIENT), (["10.0.0.0/8"], CLIENT)]
)
def test_the_login_lockout_and_the_api_limit_count_the_same_address(settings, trusted, expected):
    settings.TRUSTED_PROXIES = trusted
    request = request_from(NGINX, f"{FORGED}, {CLIENT}")

    lockout = get_client_ip_address(request)
    throttle = AnonymousRateThrottle().get_ident(Request(request))

    assert lockout == throttle == expected
