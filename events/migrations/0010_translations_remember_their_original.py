"""Each translated record remembers which original its translations were made from
(ctdialogue/translations/sources.py): empty until a record is next saved."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0009_texts_in_six_languages'),
    ]

    operations = [
        migrations.AddField(
            model_name='attachment',
            name='translation_sources',
            field=models.JSONField(blank=True, default=dict, editable=False),
        ),
        migrations.AddField(
            model_name='contribution',
            name='translation_sources',
            field=models.JSONField(blank=True, default=dict, editable=False),
        ),
        migrations.AddField(
            model_name='event',
            name='translation_sources',
            field=models.JSONField(blank=True, default=dict, editable=False),
        ),
        migrations.AddField(
            model_name='eventseries',
            name='translation_sources',
            field=models.JSONField(blank=True, default=dict, editable=False),
        ),
        migrations.AddField(
            model_name='initiative',
            name='translation_sources',
            field=models.JSONField(blank=True, default=dict, editable=False),
        ),
        migrations.AddField(
            model_name='organization',
            name='translation_sources',
            field=models.JSONField(blank=True, default=dict, editable=False),
        ),
        migrations.AddField(
            model_name='participation',
            name='translation_sources',
            field=models.JSONField(blank=True, default=dict, editable=False),
        ),
        migrations.AddField(
            model_name='person',
            name='translation_sources',
            field=models.JSONField(blank=True, default=dict, editable=False),
        ),
        migrations.AddField(
            model_name='photo',
            name='translation_sources',
            field=models.JSONField(blank=True, default=dict, editable=False),
        ),
        migrations.AddField(
            model_name='theme',
            name='translation_sources',
            field=models.JSONField(blank=True, default=dict, editable=False),
        ),
    ]
