"""The GIN indexes of the search app store exactly the documents the models declare,
one per kind and language, and Chinese is asked for by pairs of characters."""

import importlib

import pytest
from django.apps import apps

from ctdialogue.search.documents import (
    CONFIGS,
    bigram_query,
    language_field,
    translated_document,
)
from ctdialogue.search.query import parse_query


def test_index_migrations_store_every_models_current_search_document():
    latest = importlib.import_module(
        "ctdialogue.search.migrations.0003_each_language_its_own_index"
    )

    declared = {
        (model._meta.app_label, model._meta.model_name): (
            language_field(model),
            model.search_document,
        )
        for model in apps.get_models()
        if hasattr(model, "search_document")
    }

    assert declared == latest.SEARCH_DOCUMENTS
    assert latest.CONFIGS == CONFIGS


def test_translation_index_migrations_store_every_models_translated_document():
    translations = importlib.import_module(
        "ctdialogue.search.migrations.0004_translations_are_searched"
    )
    models = [model for model in apps.get_models() if hasattr(model, "search_document")]

    # Every searched field is translated: a translation is searched as its original is.
    assert {
        (model._meta.app_label, model._meta.model_name): model.search_document for model in models
    } == translations.TRANSLATED_DOCUMENTS
    for model in models:
        assert [name for name, _weight in translated_document(model, "zh")] == [
            f"{name}_zh_hans" for name, _weight in model.search_document
        ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("反恐", "反恐"),
        ("反恐怖主义", '"反恐 恐怖 怖主 主义"'),
        ("反恐 合作", "反恐 合作"),
        ("反恐 -网络", "反恐 -网络"),
        ("反恐 or 网络", "反恐 or 网络"),
        ("UNOCT反恐", "UNOCT 反恐"),
        ("恐", ""),  # one character is too short to look for
    ],
)
def test_a_chinese_query_asks_for_pairs_of_characters(query, expected):
    assert bigram_query(parse_query(query, "zh")) == expected
