"""Security Council resolutions in the open API (see ``ctdialogue.output.api``)."""

from rest_framework import serializers

from ctdialogue.output.api import RECORD_FIELDS, LinkSerializer, RecordSerializer, read_only_viewset

from .filters import ResolutionFilter
from .models import Resolution


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
            "themes",
            "initiatives",
            "events",
            "updated_at",
        ]


ResolutionViewSet = read_only_viewset(
    ResolutionSerializer,
    filterset_class=ResolutionFilter,
    read=lambda resolutions: resolutions.with_links(),
    listing="Published Security Council resolutions",
    one="One resolution by its permanent identifier",
)
