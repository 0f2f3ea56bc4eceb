"""Bulk import and export of organisations (django-import-export).

Rows are matched on the slug: a known slug updates that organisation, a new one
creates a draft (see ``ctdialogue.publishing.imports``). The name, acronym and
description may carry their translations.
"""

from ctdialogue.publishing.imports import VersionedResource, with_translations

from .models import Organization


class OrganizationResource(VersionedResource):
    class Meta:
        model = Organization
        import_id_fields = ["slug"]
        fields = with_translations(
            Organization,
            ["slug", "name", "acronym", "kind", "country", "website", "description", "language"],
        )
        export_order = fields
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
