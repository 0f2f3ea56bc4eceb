"""The dialogue in the open API: events, initiatives, stakeholders, speakers, themes
and series (see ``ctdialogue.output.api``)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from ctdialogue.output.api import (
    RECORD_FIELDS,
    LinkSerializer,
    RecordSerializer,
    link,
    read_only_viewset,
)

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
        fields = [*RECORD_FIELDS, "name", "slug", "description", "updated_at"]


class SeriesSerializer(RecordSerializer):
    api_view_name = "api:series-detail"

    class Meta:
        model = EventSeries
        fields = [*RECORD_FIELDS, "name", "slug", "description", "updated_at"]


class OrganizationSerializer(RecordSerializer):
    api_view_name = "api:stakeholder-detail"
    country = serializers.CharField(source="country.code", read_only=True)
    country_name = serializers.CharField(source="country.name", read_only=True)

    class Meta:
        model = Organization
        fields = [
            *RECORD_FIELDS,
            *Organization.DESCRIPTION,
            "country_name",
            "updated_at",
        ]


class PersonSerializer(RecordSerializer):
    api_view_name = "api:speaker-detail"
    organization = LinkSerializer(view_name="api:stakeholder-detail", allow_null=True)
    bio = serializers.SerializerMethodField()

    class Meta:
        model = Person
        fields = [
            *RECORD_FIELDS,
            *Person.DESCRIPTION,
            "updated_at",
        ]

    def get_bio(self, obj) -> str:
        """Only with the person's recorded consent."""
        return obj.public_bio


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
        return link("api:speaker-detail", obj.person)


class EventSerializer(RecordSerializer):
    api_view_name = "api:event-detail"
    series = LinkSerializer(view_name="api:series-detail", allow_null=True)
    country = serializers.CharField(source="country.code", read_only=True)
    country_name = serializers.CharField(source="country.name", read_only=True)
    dates = serializers.CharField(source="date_display", read_only=True)
    edtf = serializers.CharField(
        source="known_date.edtf",
        read_only=True,
        help_text=_(
            "The dates in EDTF (ISO 8601-2), only as exact as known: "
            "2018-01-24/2018-01-25, 2017-05, 2018-41 (second half of 2018), 2019; a "
            "tentative date ends in ? (a tentative half-year cannot be marked: see status)."
        ),
    )
    themes = LinkSerializer(view_name="api:theme-detail", many=True)
    initiatives = LinkSerializer(view_name="api:initiative-detail", many=True)
    resolutions = LinkSerializer(view_name="api:resolution-detail", many=True)
    participations = ParticipationSerializer(many=True, read_only=True)
    contributions = ContributionSerializer(many=True, read_only=True)

    class Meta:
        model = Event
        fields = [
            *RECORD_FIELDS,
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
            "edtf",
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
            *RECORD_FIELDS,
            *Initiative.DESCRIPTION,
            "partners",
            "events",
            "resolutions",
            "updated_at",
        ]


# --- Views -------------------------------------------------------------------------


EventViewSet = read_only_viewset(
    EventSerializer,
    filterset_class=EventFilter,
    read=lambda events: events.newest_first().with_links(),
    listing="Published events, filtered like /events/",
    one="One event by its permanent identifier",
)
InitiativeViewSet = read_only_viewset(
    InitiativeSerializer,
    filterset_class=InitiativeFilter,
    read=lambda initiatives: initiatives.with_partners().with_public(
        "themes", "events", "resolutions"
    ),
    listing="Published initiatives",
    one="One initiative by its permanent identifier",
)
OrganizationViewSet = read_only_viewset(
    OrganizationSerializer,
    filterset_class=OrganizationFilter,
    listing="Published stakeholders (organisations)",
    one="One stakeholder by its permanent identifier",
)
PersonViewSet = read_only_viewset(
    PersonSerializer,
    filterset_class=PersonFilter,
    read=lambda people: people.with_organization(),
    listing="Published speakers",
    one="One speaker by their permanent identifier",
)
ThemeViewSet = read_only_viewset(
    ThemeSerializer,
    listing="Published themes",
    one="One theme by its permanent identifier",
)
SeriesViewSet = read_only_viewset(
    SeriesSerializer,
    listing="Published event series",
    one="One series by its permanent identifier",
)
