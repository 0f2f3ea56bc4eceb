"""Former addresses (SlugHistory) move from the events app to publishing.

Only Django's idea of where the model lives changes here: the table keeps its rows,
and the next migration gives it this app's name. The model's content type moves with
it, so that permissions granted on it stay valid.
"""

import django.db.models.deletion
from django.db import migrations, models


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    old = ContentType.objects.using(db).filter(app_label="events", model="slughistory")
    if ContentType.objects.using(db).filter(app_label="publishing", model="slughistory").exists():
        old.delete()
    else:
        old.update(app_label="publishing")


def move_content_type_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    ContentType.objects.using(db).filter(app_label="publishing", model="slughistory").update(
        app_label="events"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("publishing", "0001_editor_and_publisher_roles"),
        ("events", "0005_person_search_without_bio"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="SlugHistory",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("object_id", models.PositiveBigIntegerField()),
                        ("slug", models.SlugField(max_length=255)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        (
                            "content_type",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="contenttypes.contenttype",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "former address",
                        "verbose_name_plural": "former addresses",
                        "db_table": "events_slughistory",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("content_type", "slug"), name="slug_history_unique_per_model"
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
