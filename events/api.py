"""The dialogue in the open API: events, initiatives, stakeholders, speakers, themes
and series (see ``ctdialogue.output.api``)."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers

from ctdialogue.output.api import LinkSerializer, ReadOnlyViewSet, RecordSerializer, link

from .filters import EventFilter, InitiativeFilter, OrganizationFilter, PersonFilter
from .models import (
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


# --- Views -------------------------------------------------------------------------


@extend_schema_view(
    list=extend_schema(summary="Published events, filtered like /events/"),
    retrieve=extend_schema(summary="One event by its permanent identifier"),
)
class EventViewSet(ReadOnlyViewSet):
    serializer_class = EventSerializer
    filterset_class = EventFilter

    def get_queryset(self):
        return Event.objects.public().newest_first().with_links()


@extend_schema_view(
    list=extend_schema(summary="Published initiatives"),
    retrieve=extend_schema(summary="One initiative by its permanent identifier"),
)
class InitiativeViewSet(ReadOnlyViewSet):
    serializer_class = InitiativeSerializer
    filterset_class = InitiativeFilter

    def get_queryset(self):
        return (
            Initiative.objects.public()
            .with_partners()
            .with_public("themes", "events", "resolutions")
        )


@extend_schema_view(
    list=extend_schema(summary="Published stakeholders (organisations)"),
    retrieve=extend_schema(summary="One stakeholder by its permanent identifier"),
)
class OrganizationViewSet(ReadOnlyViewSet):
    serializer_class = OrganizationSerializer
    filterset_class = OrganizationFilter

    def get_queryset(self):
        return Organization.objects.public()


@extend_schema_view(
    list=extend_schema(summary="Published speakers"),
    retrieve=extend_schema(summary="One speaker by their permanent identifier"),
)
class PersonViewSet(ReadOnlyViewSet):
    serializer_class = PersonSerializer
    filterset_class = PersonFilter

    def get_queryset(self):
        return Person.objects.public().with_organization()


@extend_schema_view(
    list=extend_schema(summary="Published themes"),
    retrieve=extend_schema(summary="One theme by its permanent identifier"),
)
class ThemeViewSet(ReadOnlyViewSet):
    serializer_class = ThemeSerializer
    filter_backends = []

    def get_queryset(self):
        return Theme.objects.public()


@extend_schema_view(
    list=extend_schema(summary="Published event series"),
    retrieve=extend_schema(summary="One series by its permanent identifier"),
)
class SeriesViewSet(ReadOnlyViewSet):
    serializer_class = SeriesSerializer
    filter_backends = []

    def get_queryset(self):
        return EventSeries.objects.public()
