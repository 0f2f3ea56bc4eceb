"""Two-factor authentication in the admin: each member of staff sets up their own
authenticator app; only superusers see and manage everybody's devices.

Setting up: add a device (a name is enough), scan the QR code on its page with an
authenticator app, and enter the code the app shows. The device is confirmed only
then, so nobody locks themselves out with an app that was never set up; from then on
the login asks for a code. The "Two-factor sign-in" page (two_factor.py) does the same
in one step and adds recovery codes; superusers may delete those (to let somebody who
lost phone and codes set up again) but not read them.
"""

import django_otp
from django import forms
from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.admin import StaticDeviceAdmin
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import two_factor

admin.site.unregister(TOTPDevice)
admin.site.unregister(StaticDevice)


class OwnDeviceForm(forms.ModelForm):
    code = two_factor.first_code_field(
        required=False,
        help_text=_(
            "After scanning the QR code, enter the code your app shows to switch "
            "two-factor authentication on."
        ),
    )

    class Meta:
        model = TOTPDevice
        fields = ["name"]

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        if code and self.instance.pk is not None:
            two_factor.check_first_code(self.instance, code)
        return code


@admin.register(TOTPDevice)
class OwnTOTPDeviceAdmin(TOTPDeviceAdmin):
    """django-otp's TOTP admin, limited to one's own devices unless superuser."""

    def _own(self, request, obj=None):
        user = request.user
        return user.is_active and user.is_staff and (obj is None or obj.user_id == user.pk)

    def has_module_permission(self, request):
        return request.user.is_superuser or self._own(request)

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser or self._own(request, obj)

    def has_add_permission(self, request):
        return request.user.is_superuser or self._own(request)

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser or self._own(request, obj)

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser or self._own(request, obj)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(user=request.user)

    def get_list_display(self, request):
        if request.user.is_superuser:
            return super().get_list_display(request)
        return ["name", "confirmed", "created_at", "last_used_at"]

    def get_list_filter(self, request):
        return super().get_list_filter(request) if request.user.is_superuser else []

    def get_search_fields(self, request):
        return super().get_search_fields(request) if request.user.is_superuser else []

    def get_form(self, request, obj=None, change=False, **kwargs):
        if request.user.is_superuser:
            return super().get_form(request, obj, change=change, **kwargs)
        kwargs["form"] = OwnDeviceForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        if request.user.is_superuser:
            return super().get_fieldsets(request, obj)
        if obj is None:
            return [(None, {"fields": ["name"]})]
        if obj.confirmed:
            return [(None, {"fields": ["name", "confirmed", "created_at", "last_used_at"]})]
        return [
            (None, {"fields": ["name"]}),
            (_("Set up your authenticator app"), {"fields": ["setup", "code"]}),
        ]

    def get_readonly_fields(self, request, obj=None):
        if request.user.is_superuser:
            return super().get_readonly_fields(request, obj)
        return ["setup", "confirmed", "created_at", "last_used_at"]

    @admin.display(description=_("QR code"))
    def setup(self, device):
        key = two_factor.key_of(device)
        return format_html(
            '<img src="{}" width="200" height="200" alt="QR code to scan with your '
            'authenticator app"><br>Or type this key into the app: <code>{}</code>',
            reverse(f"{self.admin_site.name}:otp_totp_totpdevice_qrcode", args=[device.pk]),
            key,
        )

    def save_model(self, request, obj, form, change):
        if request.user.is_superuser:
            return super().save_model(request, obj, form, change)
        if not change:
            obj.user = request.user
            obj.confirmed = False
        elif form.cleaned_data.get("code"):
            obj.confirmed = True
        super().save_model(request, obj, form, change)
        if obj.confirmed and form.cleaned_data.get("code"):
            # The code was just checked: this session is verified by the device.
            django_otp.login(request, obj)
        return None

    def response_add(self, request, obj, post_url_continue=None):
        if request.user.is_superuser:
            return super().response_add(request, obj, post_url_continue)
        self.message_user(
            request,
            gettext(
                "Now scan the QR code with your authenticator app and enter the code it shows."
            ),
            messages.INFO,
        )
        return HttpResponseRedirect(
            reverse(f"{self.admin_site.name}:otp_totp_totpdevice_change", args=[obj.pk])
        )


@admin.register(StaticDevice)
class RecoveryCodesAdmin(StaticDeviceAdmin):
    """Each person's recovery codes (two_factor.py), for superusers: they may delete a
    person's devices (who then sets two-factor sign-in up again) but not read the
    codes, which only their owner sees, once."""

    inlines = []
