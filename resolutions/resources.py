"""Bulk import and export of Security Council resolutions (django-import-export).

Rows are matched on the resolution number: a known number updates that resolution,
a new one creates a draft. Themes are named by their exact names or their slugs,
separated by commas; one that names no theme is an error in that row. A file with
any invalid row imports nothing, and an import never publishes anything. The title,
official title, agenda item and summary may carry their translations.
"""

from import_export import fields

from ctdialogue.publishing.imports import (
    StrictManyToManyWidget,
    VersionedResource,
    with_translations,
)
from events.models import Theme

from .models import Resolution


class ResolutionResource(VersionedResource):
    themes = fields.Field(
        attribute="themes",
        column_name="themes",
        widget=StrictManyToManyWidget(Theme, separator=","),
    )

    class Meta:
        model = Resolution
        import_id_fields = ["number"]
        fields = with_translations(
            Resolution,
            [*Resolution.DESCRIPTION, "language", "themes", "official_title", *Resolution.ADOPTION],
        )
        export_order = fields
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
