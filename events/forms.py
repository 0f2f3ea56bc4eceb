"""The admin's model forms of the dialogue: which fields staff edit, and how each is
cleaned (rich text through the sanitiser, images and documents checked)."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ctdialogue.publishing.models import PUBLISHING_FIELDS
from ctdialogue.safety.forms import CheckedImageField, ContentForm, IntegrityFormMixin, PdfField

from .models import (
    Attachment,
    Contribution,
    Event,
    EventSeries,
    Initiative,
    Organization,
    Participation,
    Person,
    Photo,
    Theme,
)

# --- Themes, organisations, people, series, events, initiatives -------------------


class ThemeAdminForm(ContentForm):
    class Meta(ContentForm.Meta):
        model = Theme
        fields = ["name", "slug", "description", *PUBLISHING_FIELDS]


class OrganizationAdminForm(ContentForm):
    logo = CheckedImageField(required=False, help_text=_("JPEG, PNG or WebP, at most 10 MB."))

    class Meta(ContentForm.Meta):
        model = Organization
        fields = [
            *Organization.DESCRIPTION,
            "logo",
            *PUBLISHING_FIELDS,
        ]


class PersonAdminForm(ContentForm):
    photo = CheckedImageField(
        required=False,
        help_text=_(
            "JPEG, PNG or WebP, at most 10 MB; location and camera data are removed. "
            "Shown only with the person's consent."
        ),
    )

    class Meta(ContentForm.Meta):
        model = Person
        fields = [
            *Person.DESCRIPTION,
            "photo",
            "consent_to_publish",
            "consent_recorded_at",
            *PUBLISHING_FIELDS,
        ]


class EventSeriesAdminForm(ContentForm):
    class Meta(ContentForm.Meta):
        model = EventSeries
        fields = ["name", "slug", "description", *PUBLISHING_FIELDS]


class EventAdminForm(ContentForm):
    class Meta(ContentForm.Meta):
        model = Event
        fields = [
            "series",
            "edition",
            "title",
            "slug",
            "kind",
            "status",
            "chatham_house_rule",
            *Event.WHEN_AND_WHERE,
            "summary",
            "body",
            "themes",
            "expected_outcome",
            "outcome",
            *PUBLISHING_FIELDS,
        ]


class InitiativeAdminForm(ContentForm):
    class Meta(ContentForm.Meta):
        model = Initiative
        fields = [*Initiative.DESCRIPTION, "events", *PUBLISHING_FIELDS]


# --- Parts of an event ------------------------------------------------------------


class ParticipationAdminForm(IntegrityFormMixin, forms.ModelForm):
    class Meta:
        model = Participation
        fields = ["event", "organization", "stakeholder_kind", "description", "role", "order"]


class ContributionAdminForm(IntegrityFormMixin, forms.ModelForm):
    class Meta:
        model = Contribution
        fields = [
            "event",
            "person",
            "role",
            "title",
            "summary",
            "quotation",
            "quotation_language",
            "chatham_house_rule",
            "order",
        ]


#: What staff write about a photo, wherever they edit it (on its own or in its event).
PHOTO_FIELDS = ["image", "alt_text", "is_decorative", "caption", "credit", "order"]


class PhotoAdminForm(IntegrityFormMixin, forms.ModelForm):
    image = CheckedImageField(
        help_text=_("JPEG, PNG or WebP, at most 10 MB; location and camera data are removed.")
    )

    class Meta:
        model = Photo
        fields = ["event", *PHOTO_FIELDS, *PUBLISHING_FIELDS]

    def clean(self):
        alt_text = (self.cleaned_data.get("alt_text") or "").strip()
        if not alt_text and not self.cleaned_data.get("is_decorative"):
            self.add_error(
                "alt_text",
                gettext(
                    "Describe what the photo shows, for people who cannot see it; or tick "
                    "“Is decorative” if it adds nothing a reader would miss."
                ),
            )
        return super().clean()


class AttachmentAdminForm(IntegrityFormMixin, forms.ModelForm):
    file = PdfField(help_text=_("A PDF document, at most 20 MB."))

    class Meta:
        model = Attachment
        fields = ["event", "title", "kind", "file", "order", *PUBLISHING_FIELDS]

    def save(self, commit=True):
        if "file" in self.changed_data and self.cleaned_data.get("file"):
            self.instance.size = self.cleaned_data["file"].size
        return super().save(commit=commit)
