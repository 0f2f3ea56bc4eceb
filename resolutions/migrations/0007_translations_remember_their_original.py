"""Each translated record remembers which original its translations were made from
(ctdialogue/translations/sources.py): empty until a record is next saved."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('resolutions', '0006_texts_in_six_languages'),
    ]

    operations = [
        migrations.AddField(
            model_name='resolution',
            name='translation_sources',
            field=models.JSONField(blank=True, default=dict, editable=False),
        ),
    ]
