"""The admin's model form for resolutions: rich text and content checks as in events."""

from ctdialogue.publishing.models import PUBLISHING_FIELDS
from ctdialogue.safety.forms import ContentForm

from .models import Resolution


class ResolutionAdminForm(ContentForm):
    class Meta(ContentForm.Meta):
        model = Resolution
        fields = [
            *Resolution.DESCRIPTION,
            "official_title",
            *Resolution.ADOPTION,
            "themes",
            "initiatives",
            "events",
            *PUBLISHING_FIELDS,
        ]
