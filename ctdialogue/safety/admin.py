"""Content safety in the admin: the content check's confirmation box, and the smaller
copies of uploaded images made after a save."""

from django.contrib import messages
from django.contrib.admin import helpers
from django.utils.translation import gettext, ngettext

from .forms import CONFIRMATION_FIELD
from .renditions import generate_renditions

CONTENT_CHECK_FIELDSET = (
    "Content check",
    {
        "fields": [CONFIRMATION_FIELD],
        "description": (
            "The text above contains something that may not belong (see the list at the "
            "top of the page). Correct it, or confirm that it is right as it is."
        ),
    },
)


class ContentCheckAdminMixin:
    """Content integrity in the admin (``ctdialogue.safety.forms.IntegrityFormMixin``): when a
    save is stopped by findings in the form or its inlines, the page shows the
    confirmation box; a confirmed save says what was saved anyway."""

    @staticmethod
    def _findings(form, formsets):
        findings = list(getattr(form, "integrity_findings", ()))
        for formset in formsets:
            for inline_form in formset.forms:
                findings += getattr(inline_form, "integrity_findings", ())
        return findings

    def render_change_form(  # noqa: PLR0917 - Django's own signature
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        adminform = context.get("adminform")
        formsets = [inline.formset for inline in context.get("inline_admin_formsets", [])]
        if adminform is not None and self._findings(adminform.form, formsets):
            context["adminform"] = helpers.AdminForm(
                adminform.form,
                [*adminform.fieldsets, CONTENT_CHECK_FIELDSET],
                self.get_prepopulated_fields(request, obj),
                adminform.readonly_fields,
                model_admin=self,
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        findings = self._findings(form, formsets)
        if findings:
            listed = "; ".join(str(finding) for finding in findings[:5])
            if len(findings) > 5:
                message = ngettext(
                    "Saved with content warnings you confirmed: %(listed)s and %(more)s more.",
                    "Saved with content warnings you confirmed: %(listed)s and %(more)s more.",
                    len(findings) - 5,
                ) % {"listed": listed, "more": len(findings) - 5}
            else:
                message = gettext("Saved with content warnings you confirmed: %(listed)s.") % {
                    "listed": listed
                }
            messages.warning(request, message)


class RenditionsAdminMixin:
    """Smaller copies of a new image for the public pages' ``srcset``, made once
    after the save (``ctdialogue.safety.renditions.generate_renditions``)."""

    rendition_source = "image"
    rendition_target = "renditions"

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if self.rendition_source in form.changed_data:
            generate_renditions(
                obj, image_field=self.rendition_source, renditions_field=self.rendition_target
            )
