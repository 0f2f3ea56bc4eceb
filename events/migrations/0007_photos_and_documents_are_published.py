"""Photos and documents get a publication state of their own, like every public record.

Photos and documents already on the site stay public: they are published from the
moment this migration runs. From now on a new one is a draft until it is published.
Each gets a permanent identifier, filled in row by row (a column default would give
every existing row the same one).
"""

import uuid

import django.utils.timezone
from django.db import migrations, models

PUBLICATION_CHOICES = [("draft", "Draft"), ("published", "Published")]
LANGUAGES = [
    ("ar", "Arabic"),
    ("zh", "Chinese"),
    ("en", "English"),
    ("fr", "French"),
    ("ru", "Russian"),
    ("es", "Spanish"),
]
MODELS = ("photo", "attachment")


def give_identifiers(apps, schema_editor):
    for name in MODELS:
        model = apps.get_model("events", name)
        for pk in model.objects.using(schema_editor.connection.alias).values_list(
            "pk", flat=True
        ):
            model.objects.filter(pk=pk).update(uid=uuid.uuid4())


def publication_fields(name):
    return [
        migrations.AddField(
            model_name=name,
            name="created_at",
            field=models.DateTimeField(auto_now_add=True, default=django.utils.timezone.now),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name=name,
            name="updated_at",
            field=models.DateTimeField(auto_now=True),
        ),
        migrations.AddField(
            model_name=name,
            name="language",
            field=models.CharField(
                choices=LANGUAGES,
                default="en",
                help_text="The language the texts of this record are written in.",
                max_length=2,
                verbose_name="content language",
            ),
        ),
        # Existing rows were public: they are published; new ones default to draft below.
        migrations.AddField(
            model_name=name,
            name="publication_status",
            field=models.CharField(
                choices=PUBLICATION_CHOICES,
                db_index=True,
                default="published",
                max_length=10,
                verbose_name="publication status",
            ),
        ),
        migrations.AlterField(
            model_name=name,
            name="publication_status",
            field=models.CharField(
                choices=PUBLICATION_CHOICES,
                db_index=True,
                default="draft",
                help_text="Drafts are visible to staff only.",
                max_length=10,
                verbose_name="publication status",
            ),
        ),
        migrations.AddField(
            model_name=name,
            name="publish_at",
            field=models.DateTimeField(
                db_index=True,
                default=django.utils.timezone.now,
                help_text="A published item appears on the public site from this time on.",
                verbose_name="publish time",
            ),
        ),
        migrations.AddField(
            model_name=name,
            name="uid",
            field=models.UUIDField(editable=False, null=True),
        ),
    ]


def unique_identifier(name):
    return migrations.AlterField(
        model_name=name,
        name="uid",
        field=models.UUIDField(
            default=uuid.uuid4,
            editable=False,
            help_text="Never changes, even when the name or address does.",
            unique=True,
            verbose_name="permanent identifier",
        ),
    )


class Migration(migrations.Migration):
    dependencies = [("events", "0006_slughistory_moves_to_publishing")]

    operations = [
        *publication_fields("photo"),
        *publication_fields("attachment"),
        migrations.RunPython(give_identifiers, migrations.RunPython.noop),
        unique_identifier("photo"),
        unique_identifier("attachment"),
    ]
