"""Photos and documents have a publication state now (events/0007): publishing them is
the Publisher's permission, as for every other publishable model. Editors keep the
view, add, change and delete permissions they had on them."""

from django.db import migrations

MODELS = {"photo": "photo", "attachment": "document"}


def grant(apps, schema_editor):
    db = schema_editor.connection.alias
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    publisher, _created = Group.objects.using(db).get_or_create(name="Publisher")
    for model, verbose_name in MODELS.items():
        content_type, _created = ContentType.objects.using(db).get_or_create(
            app_label="events", model=model
        )
        permission, _created = Permission.objects.using(db).get_or_create(
            content_type=content_type,
            codename=f"publish_{model}",
            defaults={"name": f"Can publish {verbose_name}"},
        )
        Group.permissions.through.objects.using(db).get_or_create(
            group_id=publisher.pk, permission_id=permission.pk
        )


class Migration(migrations.Migration):
    dependencies = [
        ("publishing", "0003_slughistory_table_name"),
        ("events", "0007_photos_and_documents_are_published"),
    ]

    # Going back leaves the two permissions in place: without this migration's model
    # changes nothing checks them, and deleting them would take them from every group.
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
