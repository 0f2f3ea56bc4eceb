"""Security Council resolutions in the open API (see ``ctdialogue.output.api``)."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ctdialogue.output.api import RECORD_FIELDS, LinkSerializer, RecordSerializer, read_only_viewset

from .filters import ResolutionFilter
from .models import Resolution, ResolutionRelation


class VoteSerializer(serializers.Serializer):
    """How the Council adopted it; counts only for a recorded vote."""

    kind = serializers.ChoiceField(source="vote", choices=Resolution.Vote.choices)
    in_favour = serializers.IntegerField(source="votes_for", allow_null=True)
    against = serializers.IntegerField(source="votes_against", allow_null=True)
    abstentions = serializers.IntegerField(allow_null=True)
    summary = serializers.CharField(source="vote_summary")


class OfficialTextSerializer(serializers.Serializer):
    language = serializers.CharField(help_text=_("The UN's language code: ar, zh, en, fr, ru, es."))
    url = serializers.URLField()

    def to_representation(self, instance):
        code, _name, url = instance
        return {"language": code, "url": url}


def relation_serializer(name: str, other: str, meaning: str) -> serializers.Serializer:
    """A relation read from one end (a component called ``name`` in the OpenAPI
    document): its kind and the resolution at the ``other`` end."""
    fields = {
        "relation": serializers.ChoiceField(
            source="kind", choices=ResolutionRelation.Kind.choices, help_text=meaning
        ),
        "resolution": LinkSerializer(source=other, view_name="api:resolution-detail"),
    }
    return type(name, (serializers.Serializer,), fields)(many=True, read_only=True)


class ResolutionSerializer(RecordSerializer):
    api_view_name = "api:resolution-detail"
    symbol = serializers.CharField(read_only=True)
    official_url = serializers.URLField(read_only=True)
    official_texts = OfficialTextSerializer(many=True, read_only=True)
    meeting_record = serializers.SerializerMethodField(
        help_text=_(
            "The symbol of the adopting meeting's record, e.g. S/PV.8148; null if "
            "not recorded here."
        )
    )
    vote = serializers.SerializerMethodField()
    relations = relation_serializer(
        "Relation",
        "target",
        "What this resolution does to the earlier one: recalls it, reaffirms it, or "
        "extends the mandate it set.",
    )
    referenced_by = relation_serializer(
        "Reference",
        "source",
        "What the later resolution does to this one (recalls, reaffirms, extends).",
    )
    themes = LinkSerializer(view_name="api:theme-detail", many=True)
    initiatives = LinkSerializer(view_name="api:initiative-detail", many=True)
    events = LinkSerializer(view_name="api:event-detail", many=True)

    class Meta:
        model = Resolution
        fields = [
            *RECORD_FIELDS,
            "number",
            "symbol",
            "year",
            "adopted_on",
            "title",
            "official_title",
            "agenda_item",
            "summary",
            "official_url",
            "official_texts",
            "meeting_record",
            "vote",
            "relations",
            "referenced_by",
            "themes",
            "initiatives",
            "events",
            "updated_at",
        ]

    def get_meeting_record(self, obj) -> str | None:
        return obj.meeting_record or None

    @extend_schema_field(VoteSerializer(allow_null=True))
    def get_vote(self, obj):
        return VoteSerializer(obj).data if obj.vote else None


ResolutionViewSet = read_only_viewset(
    ResolutionSerializer,
    filterset_class=ResolutionFilter,
    read=lambda resolutions: resolutions.with_links(),
    listing="Published Security Council resolutions",
    one="One resolution by its permanent identifier",
)
