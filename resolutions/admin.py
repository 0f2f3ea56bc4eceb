"""Editorial administration of Security Council resolutions.

A resolution links to themes, initiatives and the events that discussed it; all
three are edited here with autocomplete widgets (the events admin never imports
this app).
"""

import re

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ctdialogue.publishing import history
from ctdialogue.publishing.admin import (
    PUBLISHING_FIELDSET,
    URL_FIELD_OVERRIDES,
    LabelledTabularInline,
    PublicationAdminMixin,
    PublicationStateFilter,
    PublishableAdmin,
    StaffImportExportMixin,
)
from ctdialogue.safety.admin import ContentCheckAdminMixin
from ctdialogue.translations.admin import TranslationsAdminMixin

from .forms import ResolutionAdminForm
from .models import Resolution, ResolutionRelation
from .resources import ResolutionResource

# Its history, kept by django-reversion, with what it says of earlier resolutions.
history.register(ResolutionRelation)
history.register(Resolution, follow=("relations",))

# "S/RES/2395 (2017)", "s/res/2395": a pasted symbol searches by its number.
SYMBOL_PATTERN = re.compile(r"\bS/RES/(\d+)(?:\s*\(\d{4}\))?", re.IGNORECASE)


class ResolutionRelationInline(LabelledTabularInline):
    model = ResolutionRelation
    fk_name = "source"
    fields = ["kind", "target"]
    autocomplete_fields = ["target"]
    extra = 0
    verbose_name_plural = _("what it says of earlier resolutions (shown on both pages)")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("source", "target")


@admin.register(Resolution)
class ResolutionAdmin(
    TranslationsAdminMixin,
    StaffImportExportMixin,
    ContentCheckAdminMixin,
    PublicationAdminMixin,
    PublishableAdmin,
):
    form = ResolutionAdminForm
    resource_classes = [ResolutionResource]
    # No year column: the symbol says it, "S/RES/2395 (2017)", and so does the adoption
    # date (the year is a filter).
    list_display = ["symbol", "adopted_on", "title", "publication", "publish_at"]
    list_display_links = ["symbol", "title"]
    list_filter = [PublicationStateFilter, "year", "themes"]
    search_fields = ["number__exact", "title", "official_title", "summary", "agenda_item"]
    ordering = ["-number"]
    autocomplete_fields = ["themes", "initiatives", "events"]
    inlines = [ResolutionRelationInline]
    formfield_overrides = URL_FIELD_OVERRIDES
    fieldsets = [
        (
            None,
            {
                "fields": [
                    ("number", "year"),
                    "adopted_on",
                    "title",
                    "official_title",
                    "agenda_item",
                ]
            },
        ),
        (
            _("Adoption"),
            {
                "fields": ["meeting", "vote", ("votes_for", "votes_against", "abstentions")],
                "description": _(
                    "From the meeting record (S/PV). Leave a field empty rather than guess."
                ),
            },
        ),
        (_("Text"), {"fields": ["summary", "document_url"]}),
        (_("Links"), {"fields": ["themes", "initiatives", "events"]}),
        PUBLISHING_FIELDSET,
    ]

    @admin.display(description=_("symbol"), ordering="number")
    def symbol(self, obj):
        return obj.symbol

    def get_search_results(self, request, queryset, search_term):
        search_term = SYMBOL_PATTERN.sub(r"\1", search_term)
        return super().get_search_results(request, queryset, search_term)
