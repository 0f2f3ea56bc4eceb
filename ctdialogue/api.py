"""The open read-only API under /api/ (Django REST framework + drf-spectacular).

It serves every published record with the same filters as the public pages
(the django-filter FilterSets of each list), paginated, with related records
linked both by API URL and by permanent identifier. Records are addressed by
their permanent identifier (UUID), which survives renaming.
"""

from django.conf import settings
from django.db.models import Prefetch
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import pagination, serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.reverse import reverse
from rest_framework.throttling import AnonRateThrottle

from events.filters import EventFilter, InitiativeFilter, OrganizationFilter, PersonFilter
from events.models import (
    Contribution,
    Event,
    EventSeries,
    Initiative,
    InitiativePartner,
    Organization,
    Participation,
    Person,
    Theme,
)
from resolutions.filters import ResolutionFilter
from resolutions.models import Resolution

# --- Plumbing ---------------------------------------------------------------------


class AnonymousRateThrottle(AnonRateThrottle):
    """Reads its rate from settings on every request (so tests and deployments can set it)."""

    def get_rate(self):
        return settings.API_ANON_RATE


class PageNumberPagination(pagination.PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500

    def get_paginated_response_schema(self, schema):
        """DRF's own schema, written for OpenAPI 3.1 (null as a type)."""
        paginated = super().get_paginated_response_schema(schema)
        for name in ("next", "previous"):
            link_schema = paginated["properties"][name]
            link_schema.pop("nullable", None)
            link_schema["type"] = ["string", "null"]
        return paginated


class FilterBackend(DjangoFilterBackend):
    """Refuses, with a 400 and the reasons, any filter value the pages would ignore."""

    def filter_queryset(self, request, queryset, view):
        filterset = self.get_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        if filterset.problems:
            raise ValidationError({"filters": filterset.problems})
        return filterset.qs


class ReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    lookup_field = "uid"
    lookup_url_kwarg = "id"
    filter_backends = [FilterBackend]
    pagination_class = PageNumberPagination
    throttle_classes = [AnonymousRateThrottle]


def link(request, view_name, obj):
    return {
        "id": str(obj.uid),
        "name": str(obj),
        "url": reverse(view_name, kwargs={"id": obj.uid}, request=request),
    }


class LinkSerializer(serializers.Serializer):
    """A related record as {id, name, url}: its permanent identifier and its API address."""

    id = serializers.UUIDField(source="uid", read_only=True)
    name = serializers.CharField(source="__str__", read_only=True)
    url = serializers.SerializerMethodField()

    def __init__(self, *args, view_name, **kwargs):
        self.view_name = view_name
        kwargs["read_only"] = True
        super().__init__(*args, **kwargs)

    def get_url(self, obj) -> str:
        return reverse(self.view_name, kwargs={"id": obj.uid}, request=self.context.get("request"))


class RecordSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="uid", read_only=True)
    api_url = serializers.SerializerMethodField()
    html_url = serializers.SerializerMethodField()

    api_view_name = ""

    def get_api_url(self, obj) -> str:
        return reverse(self.api_view_name, kwargs={"id": obj.uid}, request=self.context["request"])

    def get_html_url(self, obj) -> str:
        return self.context["request"].build_absolute_uri(obj.get_absolute_url())


# --- Serializers ---------------------------------------------------------------------


class ThemeSerializer(RecordSerializer):
    api_view_name = "api:theme-detail"

    class Meta:
        model = Theme
        fields = ["id", "api_url", "html_url", "name", "slug", "description", "updated_at"]


class SeriesSerializer(RecordSerializer):
    api_view_name = "api:series-detail"

    class Meta:
        model = EventSeries
        fields = ["id", "api_url", "html_url", "name", "slug", "description", "updated_at"]


class OrganizationSerializer(RecordSerializer):
    api_view_name = "api:stakeholder-detail"
    country = serializers.CharField(source="country.code", read_only=True)
    country_name = serializers.CharField(source="country.name", read_only=True)

    class Meta:
        model = Organization
        fields = [
            "id",
            "api_url",
            "html_url",
            "name",
            "acronym",
            "slug",
            "kind",
            "country",
            "country_name",
            "website",
            "description",
            "updated_at",
        ]


class PersonSerializer(RecordSerializer):
    api_view_name = "api:speaker-detail"
    organization = LinkSerializer(view_name="api:stakeholder-detail", allow_null=True)
    bio = serializers.SerializerMethodField()

    class Meta:
        model = Person
        fields = [
            "id",
            "api_url",
            "html_url",
            "honorific",
            "name",
            "slug",
            "position",
            "organization",
            "bio",
            "updated_at",
        ]

    def get_bio(self, obj) -> str:
        """Only with the person's recorded consent."""
        return obj.bio if obj.consent_to_publish else ""


class ParticipationSerializer(serializers.ModelSerializer):
    organization = LinkSerializer(view_name="api:stakeholder-detail", allow_null=True)
    stakeholder_kind = serializers.CharField(source="kind", read_only=True)
    name = serializers.CharField(source="participant_display", read_only=True)

    class Meta:
        model = Participation
        fields = ["role", "name", "stakeholder_kind", "organization"]


class ContributionSerializer(serializers.ModelSerializer):
    person = serializers.SerializerMethodField()

    class Meta:
        model = Contribution
        fields = ["role", "title", "person", "quotation", "quotation_language"]

    def get_person(self, obj) -> dict | None:
        """None when the session was under the Chatham House rule."""
        if not obj.is_attributable:
            return None
        return link(self.context.get("request"), "api:speaker-detail", obj.person)


class EventSerializer(RecordSerializer):
    api_view_name = "api:event-detail"
    series = LinkSerializer(view_name="api:series-detail", allow_null=True)
    country = serializers.CharField(source="country.code", read_only=True)
    country_name = serializers.CharField(source="country.name", read_only=True)
    dates = serializers.CharField(source="date_display", read_only=True)
    themes = LinkSerializer(view_name="api:theme-detail", many=True)
    initiatives = LinkSerializer(view_name="api:initiative-detail", many=True)
    resolutions = LinkSerializer(view_name="api:resolution-detail", many=True)
    participations = ParticipationSerializer(many=True, read_only=True)
    contributions = ContributionSerializer(many=True, read_only=True)

    class Meta:
        model = Event
        fields = [
            "id",
            "api_url",
            "html_url",
            "title",
            "slug",
            "series",
            "edition",
            "kind",
            "status",
            "dates",
            "start_date",
            "end_date",
            "date_precision",
            "city",
            "country",
            "country_name",
            "venue",
            "summary",
            "themes",
            "participations",
            "contributions",
            "initiatives",
            "resolutions",
            "chatham_house_rule",
            "updated_at",
        ]


class InitiativePartnerSerializer(serializers.ModelSerializer):
    organization = LinkSerializer(view_name="api:stakeholder-detail", allow_null=True)

    class Meta:
        model = InitiativePartner
        fields = ["role", "organization"]


class InitiativeSerializer(RecordSerializer):
    api_view_name = "api:initiative-detail"
    themes = LinkSerializer(view_name="api:theme-detail", many=True)
    partners = InitiativePartnerSerializer(source="partnerships", many=True, read_only=True)
    events = LinkSerializer(view_name="api:event-detail", many=True)
    resolutions = LinkSerializer(view_name="api:resolution-detail", many=True)

    class Meta:
        model = Initiative
        fields = [
            "id",
            "api_url",
            "html_url",
            "name",
            "acronym",
            "slug",
            "launched",
            "website",
            "summary",
            "themes",
            "partners",
            "events",
            "resolutions",
            "updated_at",
        ]


class ResolutionSerializer(RecordSerializer):
    api_view_name = "api:resolution-detail"
    symbol = serializers.CharField(read_only=True)
    official_url = serializers.URLField(read_only=True)
    themes = LinkSerializer(view_name="api:theme-detail", many=True)
    initiatives = LinkSerializer(view_name="api:initiative-detail", many=True)
    events = LinkSerializer(view_name="api:event-detail", many=True)

    class Meta:
        model = Resolution
        fields = [
            "id",
            "api_url",
            "html_url",
            "number",
            "symbol",
            "year",
            "adopted_on",
            "title",
            "agenda_item",
            "summary",
            "official_url",
            "themes",
            "initiatives",
            "events",
            "updated_at",
        ]


# --- Views -------------------------------------------------------------------------

published_themes = Prefetch("themes", queryset=Theme.objects.published())


@extend_schema_view(
    list=extend_schema(summary="Published events, filtered like /events/"),
    retrieve=extend_schema(summary="One event by its permanent identifier"),
)
class EventViewSet(ReadOnlyViewSet):
    serializer_class = EventSerializer
    filterset_class = EventFilter

    def get_queryset(self):
        return Event.objects.published().newest_first().with_links()


@extend_schema_view(
    list=extend_schema(summary="Published Security Council resolutions"),
    retrieve=extend_schema(summary="One resolution by its permanent identifier"),
)
class ResolutionViewSet(ReadOnlyViewSet):
    serializer_class = ResolutionSerializer
    filterset_class = ResolutionFilter

    def get_queryset(self):
        return Resolution.objects.published().with_links()


@extend_schema_view(
    list=extend_schema(summary="Published initiatives"),
    retrieve=extend_schema(summary="One initiative by its permanent identifier"),
)
class InitiativeViewSet(ReadOnlyViewSet):
    serializer_class = InitiativeSerializer
    filterset_class = InitiativeFilter

    def get_queryset(self):
        return (
            Initiative.objects.published()
            .with_partners()
            .prefetch_related(
                published_themes,
                Prefetch("events", queryset=Event.objects.published()),
                Prefetch("resolutions", queryset=Resolution.objects.published()),
            )
        )


@extend_schema_view(
    list=extend_schema(summary="Published stakeholders (organisations)"),
    retrieve=extend_schema(summary="One stakeholder by its permanent identifier"),
)
class OrganizationViewSet(ReadOnlyViewSet):
    serializer_class = OrganizationSerializer
    filterset_class = OrganizationFilter

    def get_queryset(self):
        return Organization.objects.published()


@extend_schema_view(
    list=extend_schema(summary="Published speakers"),
    retrieve=extend_schema(summary="One speaker by their permanent identifier"),
)
class PersonViewSet(ReadOnlyViewSet):
    serializer_class = PersonSerializer
    filterset_class = PersonFilter

    def get_queryset(self):
        return Person.objects.published().select_related("organization")


@extend_schema_view(
    list=extend_schema(summary="Published themes"),
    retrieve=extend_schema(summary="One theme by its permanent identifier"),
)
class ThemeViewSet(ReadOnlyViewSet):
    serializer_class = ThemeSerializer
    filter_backends = []

    def get_queryset(self):
        return Theme.objects.published()


@extend_schema_view(
    list=extend_schema(summary="Published event series"),
    retrieve=extend_schema(summary="One series by its permanent identifier"),
)
class SeriesViewSet(ReadOnlyViewSet):
    serializer_class = SeriesSerializer
    filter_backends = []

    def get_queryset(self):
        return EventSeries.objects.published()
