"""What every content form shares: checked uploads, sanitised rich text, content checks.

- Rich text (bodies, summaries, biographies, descriptions) is edited with TinyMCE and
  cleaned by the allowlist sanitiser in ``clean_<field>``; the templates sanitise it
  again on output.
- Images pass ``ctdialogue.safety.images.clean_uploaded_image()``: real JPEG, PNG or WebP within
  the limits, re-encoded without metadata. Documents pass ``ctdialogue.safety.documents.check_pdf``.
- ``IntegrityFormMixin`` runs ``ctdialogue.safety.integrity`` over every text field and stops
  the save until staff tick "I have checked the warnings and want to save anyway".
"""

from django import forms
from django.contrib.admin.widgets import AdminFileWidget
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ctdialogue.translations.registry import column_language

from .documents import check_pdf
from .images import ACCEPTED_CONTENT_TYPES, clean_uploaded_image
from .integrity import check_values, text_fields
from .richtext import clean_rich_text, rich_text_fields, rich_text_widget

CONFIRMATION_FIELD = "integrity_confirmed"
CONFIRMATION_LABEL = _("I have checked the warnings and want to save anyway")


# --- Uploads ------------------------------------------------------------------


class CheckedImageField(forms.FileField):
    """A JPEG, PNG or WebP image, returned re-encoded without its metadata."""

    widget = AdminFileWidget(attrs={"accept": ACCEPTED_CONTENT_TYPES})

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        return clean_uploaded_image(upload)


class PdfField(forms.FileField):
    widget = AdminFileWidget(attrs={"accept": "application/pdf,.pdf"})

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is not None:
            check_pdf(upload)
        return upload


# --- Content integrity -----------------------------------------------------------


def _checked(value) -> bool:
    return str(value).strip().lower() in {"on", "true", "1", "yes"}


class IntegrityFormMixin:
    """Checks every text field of the form's model with ``ctdialogue.safety.integrity`` in the
    language the record declares. Findings stop the save with a list of what was
    found, until staff tick the confirmation box (on the main form of an admin page;
    the inline forms of the page read the same box). ``integrity_findings`` keeps
    what was confirmed, for the admin's message after saving.

    Rich text is checked as submitted, before the sanitiser: a link hidden with a
    style would otherwise be saved as a visible one without a word.
    """

    # Collected by Django's form metaclass like a field written in a form's body, so
    # that admin fieldsets may name it.
    declared_fields = {
        CONFIRMATION_FIELD: forms.BooleanField(
            label=CONFIRMATION_LABEL,
            required=False,
            help_text=_("Tick only after reading the content warnings listed above."),
        )
    }
    integrity_findings: tuple = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "language" in self.fields:
            # The model's default ("en") applies when a form leaves it out.
            self.fields["language"].required = False

    def clean_language(self):
        return self.cleaned_data.get("language") or self.instance.language or "en"

    @property
    def integrity_confirmed(self) -> bool:
        if self.prefix:  # an inline form: the page's one box, on the main form
            return _checked(self.data.get(CONFIRMATION_FIELD, ""))
        return bool(self.cleaned_data.get(CONFIRMATION_FIELD))

    def _parent(self, name):
        # An inline form's foreign key field cleans to the object the page saves,
        # with the language just chosen on it.
        parent = self.cleaned_data.get(name)
        if parent is None and getattr(self.instance, f"{name}_id", None) is not None:
            parent = getattr(self.instance, name)
        return parent

    def declared_languages(self, names) -> dict[str, str]:
        language = self.cleaned_data.get("language") or getattr(self.instance, "language", "")
        for parent_name in ("event", "initiative"):
            if language:
                break
            if any(field.name == parent_name for field in self.instance._meta.fields):
                parent = self._parent(parent_name)
                language = getattr(parent, "language", "")
        languages = dict.fromkeys(names, language or "en")
        if "quotation" in languages:
            languages["quotation"] = (
                self.cleaned_data.get("quotation_language")
                or getattr(self.instance, "quotation_language", "")
                or languages["quotation"]
            )
        for name in names:  # a translation is checked in its own language
            languages[name] = column_language(self._meta.model, name) or languages[name]
        return languages

    def submitted_texts(self) -> dict[str, str]:
        model = self._meta.model
        rich = rich_text_fields(model)
        values = {}
        for name in text_fields(model):
            if name not in self.fields:
                continue
            if name in rich:
                values[name] = self[name].data or ""
            else:
                values[name] = self.cleaned_data.get(name) or ""
        return values

    def clean(self):
        cleaned_data = super().clean()
        values = self.submitted_texts()
        findings = check_values(self._meta.model, values, self.declared_languages(values))
        self.integrity_findings = tuple(findings)
        if findings and not self.integrity_confirmed:
            problems = [
                f"{self.fields[finding.field].label or finding.field}: {finding.message} "
                f"“{finding.excerpt}” (at character {finding.position})."
                for finding in findings
            ]
            raise forms.ValidationError(
                [
                    *problems,
                    gettext("If the text is right as it is, tick “%(label)s” and save again.")
                    % {"label": CONFIRMATION_LABEL},
                ],
                code="integrity",
            )
        return cleaned_data


class RichTextField(forms.CharField):
    """Rich text as it is stored: the sanitiser's output, written in TinyMCE."""

    widget = None

    def __init__(self, *args, **kwargs):
        kwargs["widget"] = rich_text_widget()
        super().__init__(*args, **kwargs)

    def clean(self, value):
        return clean_rich_text(super().clean(value))


class RichTextFormMixin:
    """The model's rich-text fields (see ``ctdialogue.safety.richtext``) edited in
    TinyMCE and cleaned by the sanitiser, in every content form alike."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in rich_text_fields(self._meta.model):
            if name in self.fields:
                field = self.fields[name]
                self.fields[name] = RichTextField(
                    required=field.required, label=field.label, help_text=field.help_text
                )


def https_by_default(db_field, **kwargs):
    """Web addresses typed without a scheme are taken as https (as the admin's
    ``URL_FIELD_OVERRIDES`` do; Django 5.2 warns without a choice)."""
    if isinstance(db_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return db_field.formfield(**kwargs)


class ContentForm(IntegrityFormMixin, RichTextFormMixin, forms.ModelForm):
    class Meta:
        formfield_callback = https_by_default
