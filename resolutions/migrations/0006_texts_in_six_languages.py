"""A translation column per language for each text of a resolution that staff write
(ctdialogue.translations): nullable and empty, the originals stay where they are."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("resolutions", "0005_verbose_names_for_translation"),
    ]

    operations = [
        migrations.AddField(
            model_name="resolution",
            name="agenda_item_ar",
            field=models.CharField(
                blank=True, max_length=200, null=True, verbose_name="agenda item"
            ),
        ),
        migrations.AddField(
            model_name="resolution",
            name="agenda_item_en",
            field=models.CharField(
                blank=True, max_length=200, null=True, verbose_name="agenda item"
            ),
        ),
        migrations.AddField(
            model_name="resolution",
            name="agenda_item_es",
            field=models.CharField(
                blank=True, max_length=200, null=True, verbose_name="agenda item"
            ),
        ),
        migrations.AddField(
            model_name="resolution",
            name="agenda_item_fr",
            field=models.CharField(
                blank=True, max_length=200, null=True, verbose_name="agenda item"
            ),
        ),
        migrations.AddField(
            model_name="resolution",
            name="agenda_item_ru",
            field=models.CharField(
                blank=True, max_length=200, null=True, verbose_name="agenda item"
            ),
        ),
        migrations.AddField(
            model_name="resolution",
            name="agenda_item_zh_hans",
            field=models.CharField(
                blank=True, max_length=200, null=True, verbose_name="agenda item"
            ),
        ),
        migrations.AddField(
            model_name="resolution",
            name="official_title_ar",
            field=models.CharField(
                blank=True,
                help_text="The title the United Nations gives it, as in the UN Digital Library, copied from the official record. Leave it empty rather than guess.",
                max_length=500,
                null=True,
                verbose_name="the UN's title",
            ),
        ),
        migrations.AddField(
            model_name="resolution",
            name="official_title_en",
            field=models.CharField(
                blank=True,
                help_text="The title the United Nations gives it, as in the UN Digital Library, copied from the official record. Leave it empty rather than guess.",
                max_length=500,
                null=True,
                verbose_name="the UN's title",
            ),
        ),
        migrations.AddField(
            model_name="resolution",
            name="official_title_es",
            field=models.CharField(
                blank=True,
                help_text="The title the United Nations gives it, as in the UN Digital Library, copied from the official record. Leave it empty rather than guess.",
                max_length=500,
                null=True,
                verbose_name="the UN's title",
            ),
        ),
        migrations.AddField(
            model_name="resolution",
            name="official_title_fr",
            field=models.CharField(
                blank=True,
                help_text="The title the United Nations gives it, as in the UN Digital Library, copied from the official record. Leave it empty rather than guess.",
                max_length=500,
                null=True,
                verbose_name="the UN's title",
            ),
        ),
        migrations.AddField(
            model_name="resolution",
            name="official_title_ru",
            field=models.CharField(
                blank=True,
                help_text="The title the United Nations gives it, as in the UN Digital Library, copied from the official record. Leave it empty rather than guess.",
                max_length=500,
                null=True,
                verbose_name="the UN's title",
            ),
        ),
        migrations.AddField(
            model_name="resolution",
            name="official_title_zh_hans",
            field=models.CharField(
                blank=True,
                help_text="The title the United Nations gives it, as in the UN Digital Library, copied from the official record. Leave it empty rather than guess.",
                max_length=500,
                null=True,
                verbose_name="the UN's title",
            ),
        ),
        migrations.AddField(
            model_name="resolution",
            name="summary_ar",
            field=models.TextField(blank=True, null=True, verbose_name="summary"),
        ),
        migrations.AddField(
            model_name="resolution",
            name="summary_en",
            field=models.TextField(blank=True, null=True, verbose_name="summary"),
        ),
        migrations.AddField(
            model_name="resolution",
            name="summary_es",
            field=models.TextField(blank=True, null=True, verbose_name="summary"),
        ),
        migrations.AddField(
            model_name="resolution",
            name="summary_fr",
            field=models.TextField(blank=True, null=True, verbose_name="summary"),
        ),
        migrations.AddField(
            model_name="resolution",
            name="summary_ru",
            field=models.TextField(blank=True, null=True, verbose_name="summary"),
        ),
        migrations.AddField(
            model_name="resolution",
            name="summary_zh_hans",
            field=models.TextField(blank=True, null=True, verbose_name="summary"),
        ),
        migrations.AddField(
            model_name="resolution",
            name="title_ar",
            field=models.CharField(
                help_text="What the resolution is about, briefly, as this site describes it; the UN's own title goes in the next field.",
                max_length=300,
                null=True,
                verbose_name="subject",
            ),
        ),
        migrations.AddField(
            model_name="resolution",
            name="title_en",
            field=models.CharField(
                help_text="What the resolution is about, briefly, as this site describes it; the UN's own title goes in the next field.",
                max_length=300,
                null=True,
                verbose_name="subject",
            ),
        ),
        migrations.AddField(
            model_name="resolution",
            name="title_es",
            field=models.CharField(
                help_text="What the resolution is about, briefly, as this site describes it; the UN's own title goes in the next field.",
                max_length=300,
                null=True,
                verbose_name="subject",
            ),
        ),
        migrations.AddField(
            model_name="resolution",
            name="title_fr",
            field=models.CharField(
                help_text="What the resolution is about, briefly, as this site describes it; the UN's own title goes in the next field.",
                max_length=300,
                null=True,
                verbose_name="subject",
            ),
        ),
        migrations.AddField(
            model_name="resolution",
            name="title_ru",
            field=models.CharField(
                help_text="What the resolution is about, briefly, as this site describes it; the UN's own title goes in the next field.",
                max_length=300,
                null=True,
                verbose_name="subject",
            ),
        ),
        migrations.AddField(
            model_name="resolution",
            name="title_zh_hans",
            field=models.CharField(
                help_text="What the resolution is about, briefly, as this site describes it; the UN's own title goes in the next field.",
                max_length=300,
                null=True,
                verbose_name="subject",
            ),
        ),
    ]
