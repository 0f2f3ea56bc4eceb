"""The protected admin: login throttling (django-axes), two-factor login for those with
a device (django-otp), sessions that end with the browser, and the admin's configurable
path. Two-factor sign-in that the site requires: test_two_factor.py."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import PASSWORD
from tests.signing_in import (
    INDEX_URL,
    LOGIN_URL,
    code_for,
    is_logged_in,
    log_in,
    wrong_code_for,
)

pytestmark = pytest.mark.django_db


# --- Throttling ---------------------------------------------------------------


def test_login_with_the_right_password_works(editor, client):
    response = log_in(client, "editor")

    assert response.status_code == 302
    assert response.url == INDEX_URL
    assert is_logged_in(client)


def test_login_wrong_password_says_so(editor, client):
    response = log_in(client, "editor", "wrong")

    assert response.status_code == 200
    assert "Please enter the correct username and password" in response.content.decode()
    assert not is_logged_in(client)


def test_repeated_bad_logins_lock_out_even_the_right_password(editor, client):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "editor", "wrong")

    response = log_in(client, "editor")

    assert response.status_code == 429
    content = response.content.decode()
    assert "Too many failed logins" in content
    assert "after 5 failed" in content
    assert not is_logged_in(client)


def log_in_through(client, username, password, forwarded, remote="10.0.0.5"):
    """A login that a proxy at ``remote`` passed on with ``forwarded`` as the
    X-Forwarded-For it received and added to."""
    data = {"username": username, "password": password, "next": INDEX_URL}
    return client.post(LOGIN_URL, data, REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)


@pytest.mark.parametrize("trusted", [0, 1])
def test_lockout_holds_with_a_new_forwarded_for_address_each_time(
    editor, client, settings, trusted
):
    settings.TRUSTED_PROXIES = trusted
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in_through(client, "editor", "wrong", f"203.0.113.{attempt}, 198.51.100.7")

    response = log_in_through(client, "editor", PASSWORD, "192.0.2.1, 198.51.100.7")

    assert response.status_code == 429
    assert "Too many failed logins" in response.content.decode()
    assert not is_logged_in(client)


def test_behind_a_trusted_proxy_one_clients_lockout_leaves_the_others_alone(
    editor, client, settings
):
    settings.TRUSTED_PROXIES = 1
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in_through(client, "editor", "wrong", "198.51.100.7")

    locked = log_in_through(client, "editor", PASSWORD, "198.51.100.7")
    elsewhere = log_in_through(Client(), "editor", PASSWORD, "192.0.2.44")

    assert locked.status_code == 429
    assert elsewhere.status_code == 302  # the same proxy, another client


def test_lockout_of_one_user_leaves_colleagues_alone(editor, publisher, client):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "editor", "wrong")

    colleague = Client()
    response = log_in(colleague, "publisher")

    assert response.status_code == 302
    assert is_logged_in(colleague)
    assert not is_logged_in(client)


def test_fewer_bad_logins_than_the_limit_do_not_lock_out(editor, client):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, "editor", "wrong")

    response = log_in(client, "editor")

    assert response.status_code == 302
    assert is_logged_in(client)


# --- Two-factor authentication -----------------------------------------------------


@pytest.fixture
def device(editor):
    return TOTPDevice.objects.create(user=editor, name="Phone", confirmed=True)


def test_login_page_offers_the_code_field(client):
    content = client.get(LOGIN_URL).content.decode()

    assert 'name="otp_token"' in content
    assert "Only if you have set up two-factor authentication." in content


def test_user_with_an_authenticator_cannot_log_in_without_a_code(device, client):
    response = log_in(client, "editor")

    assert response.status_code == 200
    assert "Please enter your OTP token." in response.content.decode()
    assert not is_logged_in(client)


def test_user_with_an_authenticator_cannot_log_in_with_a_wrong_code(device, client):
    response = log_in(client, "editor", otp_token=wrong_code_for(device))

    assert "Invalid token." in response.content.decode()
    assert not is_logged_in(client)


def test_user_with_an_authenticator_logs_in_with_its_code(device, client):
    response = log_in(client, "editor", otp_token=code_for(device))
    index = client.get(INDEX_URL)

    assert response.status_code == 302
    assert is_logged_in(client)
    assert index.status_code == 200
    assert "Events, people, initiatives and resolutions" in index.content.decode()


def test_unconfirmed_authenticator_is_not_asked_for(editor, client):
    TOTPDevice.objects.create(user=editor, name="Not set up", confirmed=False)

    response = log_in(client, "editor")

    assert response.status_code == 302
    assert is_logged_in(client)


def test_session_not_verified_by_the_authenticator_cannot_open_the_admin(device, editor):
    client = Client()
    client.force_login(editor)  # a password-only session

    response = client.get(INDEX_URL)

    assert response.status_code == 302
    assert response.url.startswith(LOGIN_URL)


def test_staff_sets_up_their_own_authenticator(editor_client, editor):
    add = editor_client.post(
        reverse("admin:otp_totp_totpdevice_add"), {"name": "My phone"}, follow=True
    )
    device = TOTPDevice.objects.get(user=editor)
    unconfirmed = device.confirmed
    response = editor_client.post(
        reverse("admin:otp_totp_totpdevice_change", args=[device.pk]),
        {"name": "My phone", "code": code_for(device)},
    )

    content = add.content.decode()
    assert "Now scan the QR code" in content
    assert reverse("admin:otp_totp_totpdevice_qrcode", args=[device.pk]) in content
    assert unconfirmed is False
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert editor_client.get(INDEX_URL).status_code == 200  # this session is verified


def test_authenticator_is_not_confirmed_by_a_wrong_code(editor_client, editor):
    device = TOTPDevice.objects.create(user=editor, name="My phone", confirmed=False)
    wrong = "000000" if code_for(device) != "000000" else "111111"

    response = editor_client.post(
        reverse("admin:otp_totp_totpdevice_change", args=[device.pk]),
        {"name": "My phone", "code": wrong},
    )

    assert "This code does not match." in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed


def test_staff_see_only_their_own_authenticators(editor_client, publisher):
    theirs = TOTPDevice.objects.create(user=publisher, name="Publisher's phone")

    changelist = editor_client.get(reverse("admin:otp_totp_totpdevice_changelist"))
    other = editor_client.get(reverse("admin:otp_totp_totpdevice_change", args=[theirs.pk]))
    qrcode = editor_client.get(reverse("admin:otp_totp_totpdevice_qrcode", args=[theirs.pk]))

    assert "Publisher&#x27;s phone" not in changelist.content.decode()
    assert other.status_code == 302  # "does not exist" for them: back to the index
    assert qrcode.status_code == 403


# --- Sessions and the admin's address -------------------------------------------


def test_session_cookie_ends_with_the_browser(editor, client):
    response = log_in(client, "editor")

    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["expires"] == ""
    assert cookie["max-age"] == ""


def test_admin_is_served_at_the_path_from_the_environment():
    # URLs are loaded once per process: a fresh one reads DJANGO_ADMIN_URL.
    script = (
        "import django; django.setup()\n"
        "from django.urls import Resolver404, resolve, reverse\n"
        "print(reverse('admin:index'), resolve('/office-7f3a/login/').view_name)\n"
        "try:\n"
        "    resolve('/admin/login/')\n"
        "except Resolver404:\n"
        "    print('/admin/login/ is not found')\n"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ctdialogue.settings",
        "DJANGO_ADMIN_URL": "office-7f3a",
    }

    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=Path(settings.BASE_DIR),
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )

    assert result.stdout.splitlines()[-2:] == [
        "/office-7f3a/ admin:login",
        "/admin/login/ is not found",
    ]


# --- Where signing in leads (?next=) -------------------------------------------------

UNSAFE_NEXT = [
    pytest.param("", id="empty"),
    pytest.param("https://evil.example/admin/", id="other-host"),
    pytest.param("//evil.example/admin/", id="scheme-relative"),
    pytest.param("\\\\evil.example/admin/", id="backslashes"),
    pytest.param("/\\evil.example/admin/", id="slash-backslash"),
    pytest.param("javascript:alert(document.cookie)", id="javascript"),
    pytest.param("admin/events/", id="relative-path"),
    pytest.param("/no-such-page-here/", id="not-a-page"),
    pytest.param("http://testserver/admin/events/event/", id="insecure-scheme-when-https"),
]


@pytest.mark.parametrize("next_url", UNSAFE_NEXT)
def test_unsafe_next_after_login_lands_on_the_admin(editor, client, next_url):
    response = log_in(client, "editor", next=next_url, secure=True)

    assert response.status_code == 302
    assert response.url == INDEX_URL
    assert is_logged_in(client)


def test_missing_next_after_login_lands_on_the_admin(editor, client):
    response = client.post(LOGIN_URL, {"username": "editor", "password": PASSWORD})

    assert response.status_code == 302
    assert response.url == INDEX_URL


@pytest.mark.parametrize(
    "next_url",
    ["/admin/events/event/", "/admin/events/event/?q=bangkok&o=1", "/events/"],
)
def test_safe_next_after_login_is_kept(editor, client, next_url):
    response = log_in(client, "editor", next=next_url)

    assert response.status_code == 302
    assert response.url == next_url


def test_login_form_carries_only_a_safe_next(client):
    unsafe = client.get(LOGIN_URL, {"next": "//evil.example/"}).content.decode()
    safe = client.get(LOGIN_URL, {"next": "/admin/events/event/"}).content.decode()

    assert 'name="next" value="/admin/"' in unsafe
    assert "evil.example" not in unsafe
    assert 'name="next" value="/admin/events/event/"' in safe


def test_signing_in_settings_name_the_staff_admin(settings):
    assert resolve_url(settings.LOGIN_URL) == LOGIN_URL
    assert resolve_url(settings.LOGIN_REDIRECT_URL) == INDEX_URL
