"""Editorial administration of the dialogue: events, people, organisations, initiatives.

Every foreign key and many-to-many field is edited with an autocomplete widget, so
every admin that is the target of one declares ``search_fields``. Changelists load
what their columns show with ``list_select_related`` or a prefetch in
``get_queryset``: their number of queries does not grow with the number of rows.

This module never imports ``resolutions``; ``resolutions.admin`` imports the
publication mixin and filter from here.
"""

from django.contrib import admin
from django.db import models
from django.db.models import Count, Prefetch
from django.utils.html import format_html
from django_countries.filters import CountryFilter

from .models import (
    Attachment,
    Contribution,
    Event,
    EventSeries,
    Initiative,
    InitiativePartner,
    Organization,
    Participation,
    Person,
    Photo,
    Theme,
)

# Web addresses typed without a scheme are taken as https (Django 6's default;
# without it Django 5.2 warns on every form with a URL field).
URL_FIELD_OVERRIDES = {models.URLField: {"assume_scheme": "https"}}

# --- Publishing, shared by every publishable model --------------------------

PUBLISHING_FIELDSET = (
    "Publishing",
    {
        "fields": [("publication_status", "publish_at"), ("created_at", "updated_at")],
        "description": (
            "A published item appears on the public site from its publish time on; "
            "until then it is scheduled. Drafts are visible to staff only."
        ),
    },
)


class PublicationStateFilter(admin.SimpleListFilter):
    """Draft, scheduled or published: the three states the publication column shows.

    A finer filter than one on ``publication_status`` alone, which cannot tell a
    scheduled item from one already on the public site.
    """

    title = "publication"
    parameter_name = "publication"

    def lookups(self, request, model_admin):
        return [("draft", "Draft"), ("scheduled", "Scheduled"), ("published", "Published")]

    def queryset(self, request, queryset):
        if self.value() == "draft":
            return queryset.drafts()
        if self.value() == "scheduled":
            return queryset.scheduled()
        if self.value() == "published":
            return queryset.published()
        return queryset


class PublicationAdminMixin:
    """The publication column and the read-only timestamps of a publishable model.

    List ``"publication"`` and ``"publish_at"`` in ``list_display``,
    ``PublicationStateFilter`` in ``list_filter`` and ``PUBLISHING_FIELDSET`` last in
    ``fieldsets``.
    """

    readonly_fields = ["created_at", "updated_at"]

    @admin.display(description="publication", ordering="publication_status")
    def publication(self, obj):
        return obj.publication_state.capitalize()


class EventPartAdminMixin:
    """Parts of an event (speakers, participants, photos, documents) have no page of
    their own: "view on site" opens the event's page."""

    def view_on_site(self, obj):
        return obj.event.get_absolute_url()


# --- Themes, stakeholders, speakers ------------------------------------------


@admin.register(Theme)
class ThemeAdmin(PublicationAdminMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "publication", "publish_at"]
    list_filter = [PublicationStateFilter]
    search_fields = ["name", "description"]
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [(None, {"fields": ["name", "slug", "description"]}), PUBLISHING_FIELDSET]


@admin.register(Organization)
class OrganizationAdmin(PublicationAdminMixin, admin.ModelAdmin):
    list_display = ["name", "acronym", "kind", "country", "publication", "publish_at"]
    list_filter = [PublicationStateFilter, "kind", ("country", CountryFilter)]
    search_fields = ["name", "acronym", "description"]
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    formfield_overrides = URL_FIELD_OVERRIDES
    fieldsets = [
        (None, {"fields": ["name", "acronym", "slug", "kind", "country"]}),
        ("About", {"fields": ["website", "description", "logo"]}),
        PUBLISHING_FIELDSET,
    ]


@admin.register(Person)
class PersonAdmin(PublicationAdminMixin, admin.ModelAdmin):
    list_display = ["name", "honorific", "position", "organization", "publication", "publish_at"]
    list_filter = [PublicationStateFilter, "organization__kind"]
    search_fields = ["name", "position", "organization__name", "organization__acronym"]
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["organization"]
    list_select_related = ["organization"]
    fieldsets = [
        (None, {"fields": ["honorific", "name", "slug", "position", "organization"]}),
        ("About", {"fields": ["bio", "photo"]}),
        PUBLISHING_FIELDSET,
    ]


# --- Series and events -------------------------------------------------------


@admin.register(EventSeries)
class EventSeriesAdmin(PublicationAdminMixin, admin.ModelAdmin):
    list_display = ["name", "event_count", "publication", "publish_at"]
    list_filter = [PublicationStateFilter]
    search_fields = ["name", "description"]
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [(None, {"fields": ["name", "slug", "description"]}), PUBLISHING_FIELDSET]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(event_count=Count("events"))

    @admin.display(description="events", ordering="event_count")
    def event_count(self, obj):
        return obj.event_count


class ParticipationInline(admin.TabularInline):
    model = Participation
    fields = ["organization", "stakeholder_kind", "description", "role", "order"]
    autocomplete_fields = ["organization"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organization", "event")


class ContributionInline(admin.StackedInline):
    model = Contribution
    fields = [
        ("person", "role", "order"),
        "title",
        "summary",
        ("quotation", "quotation_language"),
    ]
    autocomplete_fields = ["person"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person", "event")


class PhotoPreviewMixin:
    @admin.display(description="preview")
    def preview(self, photo):
        if not photo.image:
            return "-"
        return format_html(
            '<img src="{}" alt="{}" style="max-width: 8rem; height: auto;">',
            photo.image.url,
            photo.alt_text,
        )


class PhotoInline(PhotoPreviewMixin, admin.TabularInline):
    model = Photo
    fields = ["preview", "image", "alt_text", "is_decorative", "caption", "credit", "order"]
    readonly_fields = ["preview"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("event")


class AttachmentInline(admin.TabularInline):
    model = Attachment
    fields = ["title", "kind", "file", "order"]
    extra = 0


@admin.register(Event)
class EventAdmin(PublicationAdminMixin, admin.ModelAdmin):
    list_display = [
        "title",
        "series",
        "edition",
        "dates",
        "place",
        "status",
        "theme_list",
        "publication",
        "publish_at",
    ]
    list_filter = [
        PublicationStateFilter,
        "status",
        "kind",
        "series",
        "themes",
        ("country", CountryFilter),
        "date_precision",
    ]
    search_fields = ["title", "summary", "city", "venue", "series__name"]
    ordering = ["-start_date", "title"]
    date_hierarchy = "start_date"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["series", "themes"]
    list_select_related = ["series"]
    save_on_top = True
    inlines = [ParticipationInline, ContributionInline, PhotoInline, AttachmentInline]
    fieldsets = [
        (None, {"fields": [("series", "edition"), "title", "slug", ("kind", "status")]}),
        (
            "Dates",
            {
                "fields": [("start_date", "end_date"), "date_precision"],
                "description": (
                    "For a month, half-year or year, enter any day in it and choose the "
                    "precision: the whole period is stored and shown as such."
                ),
            },
        ),
        ("Place", {"fields": [("city", "country"), "venue"]}),
        ("Text", {"fields": ["summary", "body"]}),
        ("Themes", {"fields": ["themes"]}),
        ("Outcomes", {"fields": ["expected_outcome", "outcome"]}),
        PUBLISHING_FIELDSET,
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("themes")

    @admin.display(description="dates", ordering="start_date")
    def dates(self, obj):
        return obj.date_display

    @admin.display(description="place", ordering="city")
    def place(self, obj):
        return obj.place_display

    @admin.display(description="themes")
    def theme_list(self, obj):
        return ", ".join(theme.name for theme in obj.themes.all())


@admin.register(Participation)
class ParticipationAdmin(EventPartAdminMixin, admin.ModelAdmin):
    list_display = ["participant", "event", "role", "stakeholder_kind", "order"]
    list_filter = ["role", "stakeholder_kind", "organization__kind"]
    search_fields = ["event__title", "organization__name", "organization__acronym", "description"]
    ordering = ["-event__start_date", "event__title", "order", "pk"]
    autocomplete_fields = ["event", "organization"]
    list_select_related = ["event", "organization"]

    @admin.display(description="participant", ordering="organization__name")
    def participant(self, obj):
        return obj.participant_display


@admin.register(Contribution)
class ContributionAdmin(EventPartAdminMixin, admin.ModelAdmin):
    list_display = ["person", "event", "role", "title", "has_quotation", "order"]
    list_filter = ["role", "quotation_language"]
    search_fields = ["person__name", "event__title", "title", "summary", "quotation"]
    ordering = ["-event__start_date", "event__title", "order", "pk"]
    autocomplete_fields = ["event", "person"]
    list_select_related = ["event", "person"]
    fields = [
        ("event", "person"),
        ("role", "order"),
        "title",
        "summary",
        ("quotation", "quotation_language"),
    ]

    @admin.display(description="quotation", boolean=True)
    def has_quotation(self, obj):
        return bool(obj.quotation)


# --- Initiatives -------------------------------------------------------------


class InitiativePartnerInline(admin.TabularInline):
    model = InitiativePartner
    fields = ["organization", "role", "order"]
    autocomplete_fields = ["organization"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organization", "initiative")


@admin.register(Initiative)
class InitiativeAdmin(PublicationAdminMixin, admin.ModelAdmin):
    list_display = ["name", "acronym", "launched", "partner_list", "publication", "publish_at"]
    list_filter = [PublicationStateFilter, "launched", "themes"]
    search_fields = ["name", "acronym", "summary"]
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["themes", "events"]
    formfield_overrides = URL_FIELD_OVERRIDES
    inlines = [InitiativePartnerInline]
    fieldsets = [
        (None, {"fields": ["name", "acronym", "slug", "launched", "website"]}),
        ("Text", {"fields": ["summary"]}),
        ("Links", {"fields": ["themes", "events"]}),
        PUBLISHING_FIELDSET,
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                Prefetch(
                    "partnerships",
                    queryset=InitiativePartner.objects.select_related("organization"),
                )
            )
        )

    @admin.display(description="partners")
    def partner_list(self, obj):
        return ", ".join(
            f"{partnership.organization.short_name} ({partnership.get_role_display().lower()})"
            for partnership in obj.partnerships.all()
        )


@admin.register(InitiativePartner)
class InitiativePartnerAdmin(admin.ModelAdmin):
    list_display = ["organization", "initiative", "role", "order"]
    list_filter = ["role"]
    search_fields = ["initiative__name", "organization__name", "organization__acronym"]
    ordering = ["initiative__name", "role", "order", "pk"]
    autocomplete_fields = ["initiative", "organization"]
    list_select_related = ["initiative", "organization"]

    def view_on_site(self, obj):
        return obj.initiative.get_absolute_url()


# --- Media -------------------------------------------------------------------


@admin.register(Photo)
class PhotoAdmin(PhotoPreviewMixin, EventPartAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "preview", "event", "credit", "is_decorative", "order"]
    list_filter = ["is_decorative"]
    search_fields = ["caption", "alt_text", "credit", "event__title"]
    ordering = ["-event__start_date", "event__title", "order", "pk"]
    autocomplete_fields = ["event"]
    list_select_related = ["event"]
    fields = [
        "event",
        "preview",
        "image",
        "alt_text",
        "is_decorative",
        "caption",
        "credit",
        "order",
    ]
    readonly_fields = ["preview"]


@admin.register(Attachment)
class AttachmentAdmin(EventPartAdminMixin, admin.ModelAdmin):
    list_display = ["title", "kind", "event", "file", "order"]
    list_filter = ["kind"]
    search_fields = ["title", "event__title"]
    ordering = ["-event__start_date", "event__title", "order", "pk"]
    autocomplete_fields = ["event"]
    list_select_related = ["event"]
    fields = ["event", "title", "kind", "file", "order"]
