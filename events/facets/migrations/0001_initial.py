"""The facet index, with every existing event marked stale: the first read builds it."""

from django.db import migrations, models


def mark_every_event(apps, schema_editor):
    Event = apps.get_model("events", "Event")
    StaleEvent = apps.get_model("facets", "StaleEvent")
    db = schema_editor.connection.alias
    StaleEvent.objects.using(db).bulk_create(
        [StaleEvent(event_id=pk) for pk in Event.objects.using(db).values_list("pk", flat=True)],
        batch_size=5_000,
    )


def drop_triggers(apps, schema_editor):
    # The triggers are created after every migrate (``triggers.install``); going back
    # past this migration drops them before the table they write to.
    from events.facets.triggers import uninstall

    uninstall(schema_editor.connection.alias)


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("events", "0007_photos_and_documents_are_published"),
    ]

    operations = [
        migrations.CreateModel(
            name='StaleEvent',
            fields=[
                ('event_id', models.BigIntegerField(primary_key=True, serialize=False)),
            ],
        ),
        migrations.CreateModel(
            name='FacetRow',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('event_id', models.BigIntegerField()),
                ('facet', models.CharField(choices=[('theme', 'Theme'), ('year', 'Year'), ('country', 'Country'), ('stakeholder', 'Stakeholder'), ('organization', 'Organization'), ('initiative', 'Initiative'), ('series', 'Series')], max_length=12)),
                ('value', models.CharField(max_length=20)),
                ('visible_from', models.DateTimeField(null=True)),
            ],
            options={
                'indexes': [models.Index(fields=['facet', 'event_id', 'value', 'visible_from'], name='facet_row_count'), models.Index(fields=['facet', 'value', 'event_id', 'visible_from'], name='facet_row_lookup'), models.Index(fields=['visible_from'], name='facet_row_visible_from')],
                'constraints': [models.UniqueConstraint(fields=('event_id', 'facet', 'value'), name='facet_row_unique')],
            },
        ),
        migrations.CreateModel(
            name='FacetTotal',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('facet', models.CharField(choices=[('theme', 'Theme'), ('year', 'Year'), ('country', 'Country'), ('stakeholder', 'Stakeholder'), ('organization', 'Organization'), ('initiative', 'Initiative'), ('series', 'Series')], max_length=12)),
                ('value', models.CharField(max_length=20)),
                ('count', models.PositiveIntegerField(default=0)),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('facet', 'value'), name='facet_total_unique')],
            },
        ),
        migrations.RunPython(mark_every_event, drop_triggers),
    ]
