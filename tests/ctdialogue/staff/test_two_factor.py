"""Two-factor sign-in that the site requires (DJANGO_TWO_FACTOR): who must use it, the
setup of an authenticator app, recovery codes, and the admin pages that enforce it."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ctdialogue.staff import two_factor
from tests.signing_in import (
    INDEX_URL,
    LOGIN_URL,
    code_for,
    is_logged_in,
    log_in,
    wrong_code_for,
)

pytestmark = pytest.mark.django_db

STATUS_URL = reverse("admin:two_factor")
SETUP_URL = reverse("admin:two_factor_setup")
CODES_URL = reverse("admin:two_factor_recovery_codes")
INDEX_HEADING = "Events, people, initiatives and resolutions"


@pytest.fixture
def required_of(settings):
    def require(mode):
        settings.TWO_FACTOR_REQUIRED = mode

    return require


@pytest.fixture
def publisher_device(publisher):
    return TOTPDevice.objects.create(user=publisher, name="Phone", confirmed=True)


@pytest.fixture
def recovery_codes(publisher, publisher_device):
    return two_factor.new_recovery_codes(publisher)


def signed_in(username, **extra):
    client = Client()
    response = log_in(client, username, **extra)
    assert response.status_code == 302, response.content.decode()
    return client


def recovery_codes_of(user):
    return set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))


# --- Who must use it ----------------------------------------------------------


def test_publishers_are_superusers_and_whoever_may_publish(editor, publisher, superuser):
    assert [two_factor.is_publisher(user) for user in (editor, publisher, superuser)] == [
        False,
        True,
        True,
    ]


@pytest.mark.parametrize(
    ("mode", "editor_and_publisher_must"),
    [("off", (False, False)), ("publishers", (False, True)), ("all", (True, True))],
)
def test_the_setting_says_of_whom_it_is_required(
    required_of, editor, publisher, mode, editor_and_publisher_must
):
    required_of(mode)

    must = (two_factor.is_required(editor), two_factor.is_required(publisher))

    assert must == editor_and_publisher_must


# --- Enforcement ------------------------------------------------------------------


@pytest.mark.parametrize("username", ["editor", "publisher"])
def test_when_off_staff_without_a_device_open_the_admin_with_a_password(
    required_of, editor, publisher, username
):
    required_of("off")

    index = signed_in(username).get(INDEX_URL)

    assert index.status_code == 200
    assert INDEX_HEADING in index.content.decode()


def test_when_required_of_publishers_an_editor_opens_the_admin_with_a_password(required_of, editor):
    required_of("publishers")

    index = signed_in("editor").get(INDEX_URL)

    assert index.status_code == 200
    assert INDEX_HEADING in index.content.decode()


def test_when_required_of_publishers_a_publisher_without_a_device_must_set_it_up(
    required_of, publisher
):
    required_of("publishers")
    client = signed_in("publisher")

    index = client.get(INDEX_URL)
    other_page = client.get(reverse("admin:events_event_changelist"))
    setup = client.get(SETUP_URL)

    assert index.status_code == 302
    assert index.url == SETUP_URL
    assert other_page.url == SETUP_URL
    content = setup.content.decode()
    assert "Set up two-factor sign-in" in content
    assert "Two-factor sign-in is required for your account" in content


def test_when_required_of_all_an_editor_without_a_device_must_set_it_up(required_of, editor):
    required_of("all")

    index = signed_in("editor").get(INDEX_URL, follow=True)

    assert index.redirect_chain == [(SETUP_URL, 302)]
    assert "Scan this QR code with the app" in index.content.decode()


def test_whoever_must_set_it_up_can_still_reach_the_status_page_and_log_out(required_of, publisher):
    required_of("publishers")
    client = signed_in("publisher")

    status = client.get(STATUS_URL)
    logout = client.post(reverse("admin:logout"))

    assert status.status_code == 200
    content = status.content.decode()
    assert "No authenticator app is set up for your account." in content
    assert f'href="{SETUP_URL}"' in content
    assert logout.status_code == 200
    assert not is_logged_in(client)


def test_a_session_not_verified_by_a_code_is_sent_to_sign_in_again(
    required_of, publisher, publisher_device
):
    required_of("all")
    client = Client()
    client.force_login(publisher)  # a password-only session

    response = client.get(INDEX_URL, follow=True)

    first_hop, _status = response.redirect_chain[0]
    assert first_hop.startswith(LOGIN_URL)
    assert not is_logged_in(client)
    content = response.content.decode()
    assert "Sign in again with your password and the code from your authenticator app" in content
    assert INDEX_HEADING not in content


# --- Setting up -------------------------------------------------------------------


def test_setup_shows_the_qr_code_and_the_key_of_a_new_authenticator(required_of, publisher):
    required_of("publishers")
    client = signed_in("publisher")

    setup = client.get(SETUP_URL)
    again = client.get(SETUP_URL)
    device = TOTPDevice.objects.get(user=publisher)
    qrcode = client.get(reverse("admin:otp_totp_totpdevice_qrcode", args=[device.pk]))

    content = setup.content.decode()
    assert not device.confirmed
    assert two_factor.key_of(device) in content
    assert reverse("admin:otp_totp_totpdevice_qrcode", args=[device.pk]) in content
    assert '<label for="id_code">Code from the app:</label>' in content
    assert TOTPDevice.objects.filter(user=publisher).count() == 1  # reused, not a new one
    assert two_factor.key_of(device) in again.content.decode()
    assert qrcode.status_code == 200
    assert qrcode["Content-Type"] == "image/svg+xml"


def test_setup_with_the_right_code_shows_ten_recovery_codes_once_and_opens_the_admin(
    required_of, publisher
):
    required_of("publishers")
    client = signed_in("publisher")
    client.get(SETUP_URL)
    device = TOTPDevice.objects.get(user=publisher)

    response = client.post(SETUP_URL, {"code": code_for(device)})

    content = response.content.decode()
    codes = recovery_codes_of(publisher)
    assert response.status_code == 200
    assert len(codes) == two_factor.RECOVERY_CODE_COUNT == 10
    assert all(f"<code>{code}</code>" in content for code in codes)
    assert "Store these codes somewhere safe now" in content
    assert "Each code works once" in content
    device.refresh_from_db()
    assert device.confirmed
    index = client.get(INDEX_URL)
    assert index.status_code == 200
    assert INDEX_HEADING in index.content.decode()
    status = client.get(STATUS_URL).content.decode()
    assert "You have 10 unused recovery codes." in status
    assert not any(code in status for code in codes)  # shown once only


def test_setup_with_a_wrong_code_says_so_and_confirms_nothing(required_of, publisher):
    required_of("publishers")
    client = signed_in("publisher")
    client.get(SETUP_URL)
    device = TOTPDevice.objects.get(user=publisher)

    response = client.post(SETUP_URL, {"code": wrong_code_for(device)})

    assert response.status_code == 200
    content = response.content.decode()
    assert "This code does not match." in content
    assert two_factor.key_of(device) in content  # the same device, to try again
    device.refresh_from_db()
    assert not device.confirmed
    assert recovery_codes_of(publisher) == set()
    assert client.get(INDEX_URL).url == SETUP_URL


def test_setup_is_not_offered_again_once_an_authenticator_is_set_up(publisher, publisher_device):
    client = signed_in("publisher", otp_token=code_for(publisher_device))

    response = client.get(SETUP_URL, follow=True)

    assert response.redirect_chain == [(STATUS_URL, 302)]
    assert "Your authenticator app is set up already." in response.content.decode()


# --- Signing in with a code -----------------------------------------------------


def test_a_recovery_code_signs_in_once(required_of, publisher, recovery_codes):
    required_of("publishers")
    code = recovery_codes[0]

    first = Client()
    response = log_in(first, "publisher", otp_token=code.upper())
    index = first.get(INDEX_URL)
    second = Client()
    again = log_in(second, "publisher", otp_token=code)

    assert response.status_code == 302
    assert index.status_code == 200
    assert INDEX_HEADING in index.content.decode()
    assert code not in recovery_codes_of(publisher)
    assert len(recovery_codes_of(publisher)) == 9
    assert again.status_code == 200
    assert "Invalid token." in again.content.decode()
    assert not is_logged_in(second)


def test_a_recovery_code_does_not_count_against_the_authenticator(
    publisher, publisher_device, recovery_codes
):
    signed_in("publisher", otp_token=recovery_codes[0])
    publisher_device.refresh_from_db()

    client = signed_in("publisher", otp_token=code_for(publisher_device))

    assert publisher_device.throttling_failure_count == 0
    assert client.get(INDEX_URL).status_code == 200


def test_with_app_and_recovery_codes_nobody_chooses_a_device(publisher, recovery_codes):
    response = log_in(Client(), "publisher", otp_token="nothing1")

    content = response.content.decode()
    assert "Invalid token." in content
    assert 'name="otp_device"' not in content
    assert "A recovery code also works, once each." in content


def test_a_password_alone_does_not_sign_in_whoever_has_a_device(
    required_of, publisher, recovery_codes
):
    required_of("publishers")
    client = Client()

    response = log_in(client, "publisher")

    assert response.status_code == 200
    assert "Please enter your OTP token." in response.content.decode()
    assert not is_logged_in(client)


# --- Recovery codes ---------------------------------------------------------------


def test_new_recovery_codes_replace_the_old_ones(publisher, publisher_device, recovery_codes):
    client = signed_in("publisher", otp_token=code_for(publisher_device))

    page = client.get(CODES_URL)
    response = client.post(CODES_URL)

    assert "You have 10 unused recovery codes." in page.content.decode()
    new_codes = recovery_codes_of(publisher)
    assert len(new_codes) == 10
    assert new_codes.isdisjoint(recovery_codes)
    content = response.content.decode()
    assert all(f"<code>{code}</code>" in content for code in new_codes)
    assert "Your earlier recovery codes no longer work." in content
    assert is_logged_in(signed_in("publisher", otp_token=sorted(new_codes)[0]))
    old = log_in(Client(), "publisher", otp_token=recovery_codes[1])
    assert "Invalid token." in old.content.decode()


def test_new_recovery_codes_keep_a_session_verified_by_a_recovery_code(publisher, recovery_codes):
    client = signed_in("publisher", otp_token=recovery_codes[0])

    client.post(CODES_URL)
    index = client.get(INDEX_URL)

    assert index.status_code == 200
    assert INDEX_HEADING in index.content.decode()


def test_recovery_codes_need_a_session_verified_by_a_code(editor):
    client = signed_in("editor")

    response = client.post(CODES_URL, follow=True)

    assert response.redirect_chain == [(STATUS_URL, 302)]
    assert "Recovery codes come with two-factor sign-in" in response.content.decode()
    assert recovery_codes_of(editor) == set()


def test_wrong_codes_in_a_row_are_slowed_down(publisher, recovery_codes):
    log_in(Client(), "publisher", otp_token="nothing1")

    response = log_in(Client(), "publisher", otp_token=recovery_codes[0])

    assert "Too many wrong codes in a row" in response.content.decode()
    assert recovery_codes[0] in recovery_codes_of(publisher)  # not used up


def test_recovery_codes_are_never_all_digits():
    codes = [two_factor.fresh_recovery_code() for _number in range(200)]

    assert not any(code.isdigit() for code in codes)


def test_the_admin_links_to_the_two_factor_page(editor_client):
    content = editor_client.get(INDEX_URL).content.decode()

    assert f'<a href="{STATUS_URL}">Two-factor sign-in</a>' in content


def test_superusers_may_remove_a_persons_recovery_codes_but_not_read_them(
    staff_client, publisher, recovery_codes
):
    device = StaticDevice.objects.get(user=publisher)

    change = staff_client.get(reverse("admin:otp_static_staticdevice_change", args=[device.pk]))
    delete = staff_client.post(
        reverse("admin:otp_static_staticdevice_delete", args=[device.pk]), {"post": "yes"}
    )

    assert change.status_code == 200
    assert not any(code in change.content.decode() for code in recovery_codes)
    assert delete.status_code == 302
    assert recovery_codes_of(publisher) == set()


# --- The setting ------------------------------------------------------------------


def two_factor_setting(value):
    """settings.TWO_FACTOR_REQUIRED as a fresh process reads it from DJANGO_TWO_FACTOR."""
    script = (
        "import django; django.setup()\n"
        "from django.conf import settings\n"
        "print(settings.TWO_FACTOR_REQUIRED)\n"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ctdialogue.settings",
        "DJANGO_TWO_FACTOR": value,
    }
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=Path(settings.BASE_DIR),
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("value", "read"), [("", "off"), ("publishers", "publishers"), (" ALL ", "all")]
)
def test_the_setting_is_read_from_the_environment(value, read):
    result = two_factor_setting(value)

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [read]


def test_an_unknown_setting_stops_the_start_with_a_clear_message():
    result = two_factor_setting("sometimes")

    assert result.returncode != 0
    assert (
        'ImproperlyConfigured: DJANGO_TWO_FACTOR must be one of "off", "publishers", '
        "\"all\", not 'sometimes'." in result.stderr
    )
