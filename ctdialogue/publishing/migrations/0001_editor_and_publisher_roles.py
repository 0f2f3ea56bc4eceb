"""The two staff roles, as groups with explicit permissions.

- Editor: view, add, change and delete every content model. The admin refuses an
  editor the deletion of anything published or scheduled, shows them the publication
  fields read-only and saves what they create as a draft.
- Publisher: everything an editor may do, plus "publish_<model>" on every publishable
  model (publish, schedule, unpublish, and delete published content).

The publish permissions are created here for each publishable model's content type,
since the models declare no custom permissions. Content types and the default
permissions are created first: on a new database they would otherwise only appear
after the last migration has run.

The lists are written out, not imported, so that this migration keeps doing what it
did when it was written. A later model gets its permissions in a later migration.
"""

from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.db import migrations

PUBLISHABLE = {
    "events": {
        "theme": "theme",
        "organization": "organisation",
        "person": "person",
        "eventseries": "event series",
        "event": "event",
        "initiative": "initiative",
    },
    "resolutions": {"resolution": "resolution"},
}
PARTS = {
    "events": ["participation", "contribution", "photo", "attachment", "initiativepartner"],
}
EDITOR_ACTIONS = ["view", "add", "change", "delete"]


def content_models():
    for app_label, models in PUBLISHABLE.items():
        for model in models:
            yield app_label, model
    for app_label, models in PARTS.items():
        for model in models:
            yield app_label, model


def create_roles(apps, schema_editor):
    db = schema_editor.connection.alias
    for app_label in ("events", "resolutions"):
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True  # what create_*() check for "has models"
        create_contenttypes(app_config, verbosity=0, using=db, apps=apps)
        create_permissions(app_config, verbosity=0, using=db, apps=apps)
        app_config.models_module = None

    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")

    editing = []
    for app_label, model in content_models():
        content_type = ContentType.objects.using(db).get(app_label=app_label, model=model)
        editing += Permission.objects.using(db).filter(
            content_type=content_type,
            codename__in=[f"{action}_{model}" for action in EDITOR_ACTIONS],
        )
    publishing = []
    for app_label, models in PUBLISHABLE.items():
        for model, verbose_name in models.items():
            content_type = ContentType.objects.using(db).get(app_label=app_label, model=model)
            permission, _created = Permission.objects.using(db).get_or_create(
                content_type=content_type,
                codename=f"publish_{model}",
                defaults={"name": f"Can publish {verbose_name}"},
            )
            publishing.append(permission)

    editor, _created = Group.objects.using(db).get_or_create(name="Editor")
    editor.permissions.set(editing)
    publisher, _created = Group.objects.using(db).get_or_create(name="Publisher")
    publisher.permissions.set(editing + publishing)


def remove_roles(apps, schema_editor):
    db = schema_editor.connection.alias
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Group.objects.using(db).filter(name__in=["Editor", "Publisher"]).delete()
    for app_label, models in PUBLISHABLE.items():
        Permission.objects.using(db).filter(
            content_type__app_label=app_label,
            codename__in=[f"publish_{model}" for model in models],
        ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("events", "0001_initial"),
        ("resolutions", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
