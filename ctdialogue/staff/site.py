"""The staff admin site: login with optional two-factor authentication.

Staff who have set up an authenticator app (a confirmed TOTP device, django-otp) must
give its current code to log in, and an admin session counts only once that code was
checked; staff without a device log in with their password alone. Repeated failed
logins are throttled by django-axes (see settings), which identifies the client by
``client_ip_address`` below.
"""

from django.contrib import admin
from django_otp import devices_for_user, user_has_device
from django_otp.admin import OTPAdminAuthenticationForm


def client_ip_address(request) -> str | None:
    """The address the connection came from, and nothing a client can write.

    Headers such as X-Forwarded-For are set by the client unless a proxy we trust
    overwrites them; reading them would let an attacker dodge the lockout by sending a
    new address with every attempt.
    """
    return request.META.get("REMOTE_ADDR")


class StaffLoginForm(OTPAdminAuthenticationForm):
    """The admin login form; the code of an authenticator app is asked for, and
    checked, only for users who have a confirmed device."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        token = self.fields["otp_token"]
        token.label = "Code from your authenticator app"
        token.help_text = "Only if you have set up two-factor authentication."
        token.widget.attrs.update(
            {"autocomplete": "one-time-code", "inputmode": "numeric", "maxlength": 10}
        )
        self.fields["otp_device"].label = "Authenticator"

    def clean(self):
        # The password check of Django's admin form; then the code, if the user has
        # an authenticator (django-otp's form would ask everybody for one).
        self.cleaned_data = super(OTPAdminAuthenticationForm, self).clean()
        user = self.get_user()
        if user is not None and user_has_device(user, confirmed=True):
            devices = list(devices_for_user(user, confirmed=True))
            if not self.cleaned_data.get("otp_device") and len(devices) == 1:
                self.cleaned_data["otp_device"] = devices[0].persistent_id
            self.clean_otp(user)
        return self.cleaned_data

    @property
    def asks_for_device(self) -> bool:
        """True once a user with more than one device is known: they choose one."""
        return len(getattr(self.fields["otp_device"].widget, "choices", [])) > 2


class StaffAdminSite(admin.AdminSite):
    login_form = StaffLoginForm
    login_template = "admin/staff_login.html"

    def has_permission(self, request):
        """Active staff; and, for those with an authenticator, a session verified by it."""
        if not super().has_permission(request):
            return False
        user = request.user
        verified = getattr(user, "is_verified", None)
        return (verified is not None and verified()) or not user_has_device(user, confirmed=True)
