"""Security Council resolutions in the open API (see ``ctdialogue.output.api``)."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers

from ctdialogue.output.api import LinkSerializer, ReadOnlyViewSet, RecordSerializer

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


@extend_schema_view(
    list=extend_schema(summary="Published Security Council resolutions"),
    retrieve=extend_schema(summary="One resolution by its permanent identifier"),
)
class ResolutionViewSet(ReadOnlyViewSet):
    serializer_class = ResolutionSerializer
    filterset_class = ResolutionFilter

    def get_queryset(self):
        return Resolution.objects.public().with_links()
