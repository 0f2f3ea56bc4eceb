"""The staff admin site: login with two-factor authentication, optional or required.

Staff who have set up an authenticator app (a confirmed TOTP device, django-otp) must
give its current code, or one of their recovery codes, to log in, and an admin
session counts only once a code was checked; staff without a device log in with
their password alone, unless the site requires two-factor sign-in of them
(``settings.TWO_FACTOR_REQUIRED``, see two_factor.py): then every admin page sends
them to set it up. Repeated failed logins are throttled by django-axes (see
settings), which identifies the client by ``ctdialogue.clients.client_address``.
"""

from urllib.parse import urlsplit

from django import forms
from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.urls import Resolver404, resolve
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django_otp import user_has_device
from django_otp.admin import OTPAdminAuthenticationForm
from django_otp.forms import otp_verification_failed

from . import two_factor


def is_safe_next(request, url: str) -> bool:
    """Whether ``url`` (a ``next`` parameter) is a page of this site: on this host, by
    the request's scheme or a safer one, and a path the site answers. Anything else
    (another host, ``//host``, ``\\host``, ``javascript:``, a relative path, an
    address that matches no page) sends staff to the admin's index instead."""
    if not url.startswith("/") or not url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return False
    try:
        resolve(urlsplit(url).path)
    except Resolver404:
        return False
    return True


class StaffLoginForm(OTPAdminAuthenticationForm):
    """The admin login form; a code (from the authenticator app, or a recovery code) is
    asked for, and checked, only for users who have a confirmed device."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        token = self.fields["otp_token"]
        token.label = _("Code from your authenticator app")
        token.help_text = (
            "Only if you have set up two-factor authentication. "
            "A recovery code also works, once each."
        )
        # Not inputmode="numeric": recovery codes have letters.
        token.widget.attrs.update({"autocomplete": "one-time-code", "maxlength": 20})

    def clean(self):
        # The password check of Django's admin form; then the code, if the user has
        # a device (django-otp's form would ask everybody for one).
        self.cleaned_data = super(OTPAdminAuthenticationForm, self).clean()
        user = self.get_user()
        if user is not None and user_has_device(user, confirmed=True):
            self.clean_otp(user)
        return self.cleaned_data

    def _verify_token(self, user, token, device=None):
        """Any of the user's confirmed devices may accept the code, so nobody chooses
        one: the app's code and a recovery code go into the same field."""
        verified = two_factor.verify_code(user, token)
        if verified is None:
            otp_verification_failed.send(sender=type(self), user=user)
            raise forms.ValidationError(
                self.otp_error_messages["invalid_token"], code="invalid_token"
            )
        return verified


class StaffAdminSite(admin.AdminSite):
    login_form = StaffLoginForm
    login_template = "admin/staff_login.html"

    def login(self, request, extra_context=None):
        """Django's admin login, without a ``next`` that is not a page of this site:
        after signing in, staff land on the admin's index (settings.LOGIN_REDIRECT_URL)
        rather than elsewhere or on a page that does not exist."""
        for method in ("GET", "POST"):
            params = getattr(request, method)
            if REDIRECT_FIELD_NAME in params and not is_safe_next(
                request, params[REDIRECT_FIELD_NAME]
            ):
                params = params.copy()
                del params[REDIRECT_FIELD_NAME]
                setattr(request, method, params)
        # The form posts back to this address: without the dropped ``next`` too.
        query = request.GET.urlencode()
        app_path = request.path + (f"?{query}" if query else "")
        return super().login(request, {"app_path": app_path, **(extra_context or {})})

    def has_permission(self, request):
        """Active staff; and, for those with a device, a session verified by a code."""
        if not super().has_permission(request):
            return False
        user = request.user
        return two_factor.is_verified(user) or not user_has_device(user, confirmed=True)

    def admin_view(self, view, cacheable=False):
        """Every admin page applies the two-factor rules first (two_factor.refusal)."""
        return two_factor.enforced(super().admin_view(view, cacheable), self)

    def get_urls(self):
        return [*two_factor.urls(self), *super().get_urls()]
