"""The speakers' search document leaves out biographies (shown only with consent).

Replaces the GIN index of 0002 for people on PostgreSQL; nothing elsewhere.
"""

import operator
from functools import reduce

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

OLD_FIELDS = (("name", "A"), ("position", "B"), ("bio", "C"))
NEW_FIELDS = (("name", "A"), ("position", "B"))
NAME = "person_search_idx"


def index(fields):
    vector = reduce(
        operator.add,
        (SearchVector(name, weight=weight, config="english") for name, weight in fields),
    )
    return GinIndex(vector, name=NAME)


def replace(old, new):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        person = apps.get_model("events", "person")
        schema_editor.remove_index(person, index(old))
        schema_editor.add_index(person, index(new))

    return run


class Migration(migrations.Migration):
    dependencies = [("events", "0004_slug_history")]

    operations = [
        migrations.RunPython(replace(OLD_FIELDS, NEW_FIELDS), replace(NEW_FIELDS, OLD_FIELDS))
    ]
