"""Signing in to the admin in tests: with a password, and the code of an authenticator."""

from django.urls import reverse
from django_otp.oath import totp

from tests.conftest import PASSWORD

LOGIN_URL = reverse("admin:login")
INDEX_URL = reverse("admin:index")


def log_in(client, username, password=PASSWORD, **extra):
    return client.post(
        LOGIN_URL, {"username": username, "password": password, "next": INDEX_URL, **extra}
    )


def is_logged_in(client):
    return "_auth_user_id" in client.session


def code_for(device):
    """The code the authenticator app of this TOTP device shows now."""
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def wrong_code_for(device):
    """A six-digit code that is not the one the app shows now."""
    return f"{(int(code_for(device)) + 1) % 1_000_000:06d}"
