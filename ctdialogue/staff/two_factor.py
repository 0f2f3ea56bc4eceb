"""Two-factor sign-in that the site can require, with recovery codes.

``settings.TWO_FACTOR_REQUIRED`` (``DJANGO_TWO_FACTOR``) says of whom: "off" of nobody,
"publishers" of superusers and of everybody who may publish, "all" of every member
of staff. Whoever has a confirmed device gives a code at every sign-in, whatever the
setting.

A member of staff who must use two-factor sign-in and has no device yet is sent to
the setup page from every admin page: they scan a QR code with an authenticator app
and enter its first code; that confirms the app, verifies the session, and gives
them ten recovery codes, shown once. A recovery code is typed at sign-in in place of
the app's code, and works once (django-otp's static device deletes it). A session
not verified by a code, of somebody who has a device, is ended: they sign in again
with a code.
"""

from base64 import b32encode
from functools import partial, wraps

import django_otp
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

MODES = ("off", "publishers", "all")
RECOVERY_CODE_COUNT = 10
AUTHENTICATOR_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"

TOO_MANY_WRONG_CODES = (
    "Too many wrong codes in a row: wait a little (longer after each wrong code), then try again."
)
CODE_DOES_NOT_MATCH = (
    "This code does not match. Check that the app shows this device, and enter the code "
    "it shows now."
)
SIGN_IN_AGAIN = _(
    "Sign in again with your password and the code from your authenticator app (or one "
    "of your recovery codes)."
)

#: Admin pages (URL names) open to every signed-in member of staff.
ALWAYS_OPEN = {"logout", "jsi18n"}
#: Admin pages open to somebody who must set up two-factor sign-in and has not yet.
SETUP_PAGES = {*ALWAYS_OPEN, "two_factor", "two_factor_setup", "otp_totp_totpdevice_qrcode"}


# --- The rules ----------------------------------------------------------------


def is_publisher(user) -> bool:
    """A superuser, or somebody who may publish something ("publish_<model>")."""
    return user.is_superuser or any(
        permission.partition(".")[2].startswith("publish_")
        for permission in user.get_all_permissions()
    )


def is_required(user) -> bool:
    """Whether the setting requires two-factor sign-in of this member of staff."""
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return False
    mode = settings.TWO_FACTOR_REQUIRED
    return mode == "all" or (mode == "publishers" and is_publisher(user))


def is_verified(user) -> bool:
    """Whether this session was verified by a code (django-otp's middleware)."""
    verified = getattr(user, "is_verified", None)
    return verified is not None and verified()


def has_authenticator(user) -> bool:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


def pending_authenticator(user) -> TOTPDevice:
    """The authenticator app being set up: the newest unconfirmed one, or a new one."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).order_by("-pk").first()
    return device or TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)


def key_of(device: TOTPDevice) -> str:
    """The device's secret as an authenticator app takes it when typed (base32)."""
    return b32encode(device.bin_key).decode()


# --- Codes ----------------------------------------------------------------------


def normalised(code: str) -> str:
    """What was typed, without spaces and hyphens, in lower case."""
    return "".join(code.split()).replace("-", "").lower()


def fresh_recovery_code() -> str:
    """A random recovery code; never all digits, so it is never taken for an app's code."""
    while True:
        code = StaticToken.random_token()
        if not code.isdigit():
            return code


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def new_recovery_codes(user) -> list[str]:
    """Ten new recovery codes for the user; all earlier ones stop working.

    The device is kept (only its codes change), so that a session verified by a
    recovery code stays verified.
    """
    codes = [fresh_recovery_code() for _number in range(RECOVERY_CODE_COUNT)]
    with transaction.atomic():
        device = StaticDevice.objects.filter(user=user).order_by("pk").first()
        if device is None:
            device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME)
        StaticToken.objects.filter(device__user=user).delete()
        device.confirmed = True
        device.throttle_reset(commit=False)
        device.save()
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def could_have_made(device, code: str) -> bool:
    """Authenticator apps make digits; recovery codes are never all digits."""
    return isinstance(device, StaticDevice) != code.isdigit()


def verify_code(user, code: str):
    """The confirmed device of the user's that accepts the code, or None.

    Only the devices that could have made the code check it: a recovery code checked
    by the authenticator (or the other way round) would count as a wrong code against
    it and slow down its next check (django-otp's throttling). Raises ValidationError
    when every such device refuses to check a code just now.
    """
    code = normalised(code)
    with transaction.atomic():
        candidates = [
            device
            for device in devices_for_user(user, confirmed=True, for_verify=True)
            if could_have_made(device, code)
        ]
        if candidates and not any(device.verify_is_allowed()[0] for device in candidates):
            raise forms.ValidationError(TOO_MANY_WRONG_CODES, code="throttled")
        return next((device for device in candidates if device.verify_token(code)), None)


def check_first_code(device: TOTPDevice, code: str) -> None:
    """Raise ValidationError unless the code is the one the app being set up shows."""
    allowed, _details = device.verify_is_allowed()
    if not allowed:
        raise forms.ValidationError(TOO_MANY_WRONG_CODES, code="throttled")
    if not device.verify_token(normalised(code)):
        raise forms.ValidationError(CODE_DOES_NOT_MATCH, code="invalid")


def first_code_field(**kwargs) -> forms.CharField:
    """The field for the first code of an authenticator app being set up."""
    return forms.CharField(
        label=_("Code from the app"),
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        **kwargs,
    )


class FirstCodeForm(forms.Form):
    code = first_code_field(
        help_text=_("The six digits your authenticator app shows for this site just now.")
    )

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        code = self.cleaned_data["code"]
        check_first_code(self.device, code)
        return code


# --- Enforcement ----------------------------------------------------------------


def enforced(view, site):
    """The admin view, behind the two-factor rules for the signed-in member of staff."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        return refusal(request, site) or view(request, *args, **kwargs)

    return guarded


def refusal(request, site):
    """Where the signed-in member of staff goes instead of the page asked for, if anywhere.

    A session not verified by a code ends if the user has a device (they sign in again
    with its code); without a device, somebody who must use two-factor sign-in sets
    it up first.
    """
    user = request.user
    if not (user.is_active and user.is_staff) or is_verified(user):
        return None
    match = request.resolver_match
    name = match.url_name if match else None
    if name in ALWAYS_OPEN:
        return None
    if user_has_device(user, confirmed=True):
        return sign_in_again(request, site)
    if is_required(user) and name not in SETUP_PAGES:
        return redirect(reverse("admin:two_factor_setup", current_app=site.name))
    return None


def sign_in_again(request, site):
    asked_for = request.get_full_path()
    logout(request)
    messages.warning(request, SIGN_IN_AGAIN)
    return redirect_to_login(asked_for, reverse("admin:login", current_app=site.name))


# --- Pages ----------------------------------------------------------------------


def page(request, site, template: str, title: str, **context):
    return TemplateResponse(
        request,
        f"admin/two_factor/{template}",
        {**site.each_context(request), "title": title, **context},
    )


def status_view(request, site):
    user = request.user
    return page(
        request,
        site,
        "status.html",
        "Two-factor sign-in",
        required=is_required(user),
        has_authenticator=has_authenticator(user),
        verified=is_verified(user),
        codes_left=recovery_codes_left(user),
    )


def setup_view(request, site):
    user = request.user
    if has_authenticator(user):
        messages.info(request, gettext("Your authenticator app is set up already."))
        return redirect(reverse("admin:two_factor", current_app=site.name))
    device = pending_authenticator(user)
    form = FirstCodeForm(request.POST if request.method == "POST" else None, device=device)
    if form.is_valid():
        return finish_setup(request, site, device)
    return page(
        request,
        site,
        "setup.html",
        "Set up two-factor sign-in",
        form=form,
        required=is_required(user),
        key=key_of(device),
        qrcode_url=reverse(
            "admin:otp_totp_totpdevice_qrcode", args=[device.pk], current_app=site.name
        ),
    )


def finish_setup(request, site, device):
    """The first code was right: the app is confirmed, and this session verified by it."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    django_otp.login(request, device)
    return page(
        request,
        site,
        "recovery_codes.html",
        "Two-factor sign-in is on",
        codes=new_recovery_codes(request.user),
        just_set_up=True,
    )


def recovery_codes_view(request, site):
    user = request.user
    if not is_verified(user):
        messages.info(
            request, gettext("Recovery codes come with two-factor sign-in: set it up first.")
        )
        return redirect(reverse("admin:two_factor", current_app=site.name))
    if request.method == "POST":
        return page(
            request,
            site,
            "recovery_codes.html",
            "New recovery codes",
            codes=new_recovery_codes(user),
        )
    return page(
        request, site, "recovery_codes.html", "Recovery codes", codes_left=recovery_codes_left(user)
    )


def urls(site) -> list:
    """The two-factor pages, in the admin site (and behind its login)."""
    return [
        path("two-factor/", site.admin_view(partial(status_view, site=site)), name="two_factor"),
        path(
            "two-factor/setup/",
            site.admin_view(partial(setup_view, site=site)),
            name="two_factor_setup",
        ),
        path(
            "two-factor/recovery-codes/",
            site.admin_view(partial(recovery_codes_view, site=site)),
            name="two_factor_recovery_codes",
        ),
    ]
