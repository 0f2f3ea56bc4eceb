"""The GIN indexes of the search app store exactly the documents the models declare."""

import importlib

from django.apps import apps


def test_index_migrations_store_every_models_current_search_document():
    initial = importlib.import_module("ctdialogue.search.migrations.0001_search_indexes")
    speeches = importlib.import_module("ctdialogue.search.migrations.0002_speeches_are_searched")
    indexed = {key: fields for key, (_name, fields) in initial.SEARCH_INDEXES.items()}
    indexed[("events", "contribution")] = speeches.FIELDS

    declared = {
        (model._meta.app_label, model._meta.model_name): model.search_document
        for model in apps.get_models()
        if hasattr(model, "search_document")
    }

    assert indexed == declared
