"""A translation column per language for each text of the dialogue that staff write
(ctdialogue.translations): nullable and empty, the originals stay where they are."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0008_verbose_names_for_translation"),
    ]

    operations = [
        migrations.AddField(
            model_name="attachment",
            name="title_ar",
            field=models.CharField(max_length=255, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="attachment",
            name="title_en",
            field=models.CharField(max_length=255, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="attachment",
            name="title_es",
            field=models.CharField(max_length=255, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="attachment",
            name="title_fr",
            field=models.CharField(max_length=255, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="attachment",
            name="title_ru",
            field=models.CharField(max_length=255, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="attachment",
            name="title_zh_hans",
            field=models.CharField(max_length=255, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="contribution",
            name="quotation_ar",
            field=models.TextField(
                blank=True,
                help_text="Verbatim words only, without quote marks.",
                null=True,
                verbose_name="quotation",
            ),
        ),
        migrations.AddField(
            model_name="contribution",
            name="quotation_en",
            field=models.TextField(
                blank=True,
                help_text="Verbatim words only, without quote marks.",
                null=True,
                verbose_name="quotation",
            ),
        ),
        migrations.AddField(
            model_name="contribution",
            name="quotation_es",
            field=models.TextField(
                blank=True,
                help_text="Verbatim words only, without quote marks.",
                null=True,
                verbose_name="quotation",
            ),
        ),
        migrations.AddField(
            model_name="contribution",
            name="quotation_fr",
            field=models.TextField(
                blank=True,
                help_text="Verbatim words only, without quote marks.",
                null=True,
                verbose_name="quotation",
            ),
        ),
        migrations.AddField(
            model_name="contribution",
            name="quotation_ru",
            field=models.TextField(
                blank=True,
                help_text="Verbatim words only, without quote marks.",
                null=True,
                verbose_name="quotation",
            ),
        ),
        migrations.AddField(
            model_name="contribution",
            name="quotation_zh_hans",
            field=models.TextField(
                blank=True,
                help_text="Verbatim words only, without quote marks.",
                null=True,
                verbose_name="quotation",
            ),
        ),
        migrations.AddField(
            model_name="contribution",
            name="summary_ar",
            field=models.TextField(
                blank=True,
                help_text="What the speaker covered, in our words.",
                null=True,
                verbose_name="summary",
            ),
        ),
        migrations.AddField(
            model_name="contribution",
            name="summary_en",
            field=models.TextField(
                blank=True,
                help_text="What the speaker covered, in our words.",
                null=True,
                verbose_name="summary",
            ),
        ),
        migrations.AddField(
            model_name="contribution",
            name="summary_es",
            field=models.TextField(
                blank=True,
                help_text="What the speaker covered, in our words.",
                null=True,
                verbose_name="summary",
            ),
        ),
        migrations.AddField(
            model_name="contribution",
            name="summary_fr",
            field=models.TextField(
                blank=True,
                help_text="What the speaker covered, in our words.",
                null=True,
                verbose_name="summary",
            ),
        ),
        migrations.AddField(
            model_name="contribution",
            name="summary_ru",
            field=models.TextField(
                blank=True,
                help_text="What the speaker covered, in our words.",
                null=True,
                verbose_name="summary",
            ),
        ),
        migrations.AddField(
            model_name="contribution",
            name="summary_zh_hans",
            field=models.TextField(
                blank=True,
                help_text="What the speaker covered, in our words.",
                null=True,
                verbose_name="summary",
            ),
        ),
        migrations.AddField(
            model_name="contribution",
            name="title_ar",
            field=models.CharField(
                blank=True,
                help_text="Title of the talk or session.",
                max_length=255,
                null=True,
                verbose_name="title",
            ),
        ),
        migrations.AddField(
            model_name="contribution",
            name="title_en",
            field=models.CharField(
                blank=True,
                help_text="Title of the talk or session.",
                max_length=255,
                null=True,
                verbose_name="title",
            ),
        ),
        migrations.AddField(
            model_name="contribution",
            name="title_es",
            field=models.CharField(
                blank=True,
                help_text="Title of the talk or session.",
                max_length=255,
                null=True,
                verbose_name="title",
            ),
        ),
        migrations.AddField(
            model_name="contribution",
            name="title_fr",
            field=models.CharField(
                blank=True,
                help_text="Title of the talk or session.",
                max_length=255,
                null=True,
                verbose_name="title",
            ),
        ),
        migrations.AddField(
            model_name="contribution",
            name="title_ru",
            field=models.CharField(
                blank=True,
                help_text="Title of the talk or session.",
                max_length=255,
                null=True,
                verbose_name="title",
            ),
        ),
        migrations.AddField(
            model_name="contribution",
            name="title_zh_hans",
            field=models.CharField(
                blank=True,
                help_text="Title of the talk or session.",
                max_length=255,
                null=True,
                verbose_name="title",
            ),
        ),
        migrations.AddField(
            model_name="event",
            name="body_ar",
            field=models.TextField(blank=True, null=True, verbose_name="body"),
        ),
        migrations.AddField(
            model_name="event",
            name="body_en",
            field=models.TextField(blank=True, null=True, verbose_name="body"),
        ),
        migrations.AddField(
            model_name="event",
            name="body_es",
            field=models.TextField(blank=True, null=True, verbose_name="body"),
        ),
        migrations.AddField(
            model_name="event",
            name="body_fr",
            field=models.TextField(blank=True, null=True, verbose_name="body"),
        ),
        migrations.AddField(
            model_name="event",
            name="body_ru",
            field=models.TextField(blank=True, null=True, verbose_name="body"),
        ),
        migrations.AddField(
            model_name="event",
            name="body_zh_hans",
            field=models.TextField(blank=True, null=True, verbose_name="body"),
        ),
        migrations.AddField(
            model_name="event",
            name="city_ar",
            field=models.CharField(blank=True, max_length=120, null=True, verbose_name="city"),
        ),
        migrations.AddField(
            model_name="event",
            name="city_en",
            field=models.CharField(blank=True, max_length=120, null=True, verbose_name="city"),
        ),
        migrations.AddField(
            model_name="event",
            name="city_es",
            field=models.CharField(blank=True, max_length=120, null=True, verbose_name="city"),
        ),
        migrations.AddField(
            model_name="event",
            name="city_fr",
            field=models.CharField(blank=True, max_length=120, null=True, verbose_name="city"),
        ),
        migrations.AddField(
            model_name="event",
            name="city_ru",
            field=models.CharField(blank=True, max_length=120, null=True, verbose_name="city"),
        ),
        migrations.AddField(
            model_name="event",
            name="city_zh_hans",
            field=models.CharField(blank=True, max_length=120, null=True, verbose_name="city"),
        ),
        migrations.AddField(
            model_name="event",
            name="expected_outcome_ar",
            field=models.TextField(blank=True, null=True, verbose_name="expected outcome"),
        ),
        migrations.AddField(
            model_name="event",
            name="expected_outcome_en",
            field=models.TextField(blank=True, null=True, verbose_name="expected outcome"),
        ),
        migrations.AddField(
            model_name="event",
            name="expected_outcome_es",
            field=models.TextField(blank=True, null=True, verbose_name="expected outcome"),
        ),
        migrations.AddField(
            model_name="event",
            name="expected_outcome_fr",
            field=models.TextField(blank=True, null=True, verbose_name="expected outcome"),
        ),
        migrations.AddField(
            model_name="event",
            name="expected_outcome_ru",
            field=models.TextField(blank=True, null=True, verbose_name="expected outcome"),
        ),
        migrations.AddField(
            model_name="event",
            name="expected_outcome_zh_hans",
            field=models.TextField(blank=True, null=True, verbose_name="expected outcome"),
        ),
        migrations.AddField(
            model_name="event",
            name="outcome_ar",
            field=models.TextField(blank=True, null=True, verbose_name="actual outcome"),
        ),
        migrations.AddField(
            model_name="event",
            name="outcome_en",
            field=models.TextField(blank=True, null=True, verbose_name="actual outcome"),
        ),
        migrations.AddField(
            model_name="event",
            name="outcome_es",
            field=models.TextField(blank=True, null=True, verbose_name="actual outcome"),
        ),
        migrations.AddField(
            model_name="event",
            name="outcome_fr",
            field=models.TextField(blank=True, null=True, verbose_name="actual outcome"),
        ),
        migrations.AddField(
            model_name="event",
            name="outcome_ru",
            field=models.TextField(blank=True, null=True, verbose_name="actual outcome"),
        ),
        migrations.AddField(
            model_name="event",
            name="outcome_zh_hans",
            field=models.TextField(blank=True, null=True, verbose_name="actual outcome"),
        ),
        migrations.AddField(
            model_name="event",
            name="summary_ar",
            field=models.TextField(
                blank=True,
                help_text="One or two sentences for lists and feeds.",
                null=True,
                verbose_name="summary",
            ),
        ),
        migrations.AddField(
            model_name="event",
            name="summary_en",
            field=models.TextField(
                blank=True,
                help_text="One or two sentences for lists and feeds.",
                null=True,
                verbose_name="summary",
            ),
        ),
        migrations.AddField(
            model_name="event",
            name="summary_es",
            field=models.TextField(
                blank=True,
                help_text="One or two sentences for lists and feeds.",
                null=True,
                verbose_name="summary",
            ),
        ),
        migrations.AddField(
            model_name="event",
            name="summary_fr",
            field=models.TextField(
                blank=True,
                help_text="One or two sentences for lists and feeds.",
                null=True,
                verbose_name="summary",
            ),
        ),
        migrations.AddField(
            model_name="event",
            name="summary_ru",
            field=models.TextField(
                blank=True,
                help_text="One or two sentences for lists and feeds.",
                null=True,
                verbose_name="summary",
            ),
        ),
        migrations.AddField(
            model_name="event",
            name="summary_zh_hans",
            field=models.TextField(
                blank=True,
                help_text="One or two sentences for lists and feeds.",
                null=True,
                verbose_name="summary",
            ),
        ),
        migrations.AddField(
            model_name="event",
            name="title_ar",
            field=models.CharField(max_length=255, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="event",
            name="title_en",
            field=models.CharField(max_length=255, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="event",
            name="title_es",
            field=models.CharField(max_length=255, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="event",
            name="title_fr",
            field=models.CharField(max_length=255, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="event",
            name="title_ru",
            field=models.CharField(max_length=255, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="event",
            name="title_zh_hans",
            field=models.CharField(max_length=255, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="event",
            name="venue_ar",
            field=models.CharField(blank=True, max_length=255, null=True, verbose_name="venue"),
        ),
        migrations.AddField(
            model_name="event",
            name="venue_en",
            field=models.CharField(blank=True, max_length=255, null=True, verbose_name="venue"),
        ),
        migrations.AddField(
            model_name="event",
            name="venue_es",
            field=models.CharField(blank=True, max_length=255, null=True, verbose_name="venue"),
        ),
        migrations.AddField(
            model_name="event",
            name="venue_fr",
            field=models.CharField(blank=True, max_length=255, null=True, verbose_name="venue"),
        ),
        migrations.AddField(
            model_name="event",
            name="venue_ru",
            field=models.CharField(blank=True, max_length=255, null=True, verbose_name="venue"),
        ),
        migrations.AddField(
            model_name="event",
            name="venue_zh_hans",
            field=models.CharField(blank=True, max_length=255, null=True, verbose_name="venue"),
        ),
        migrations.AddField(
            model_name="eventseries",
            name="description_ar",
            field=models.TextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="eventseries",
            name="description_en",
            field=models.TextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="eventseries",
            name="description_es",
            field=models.TextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="eventseries",
            name="description_fr",
            field=models.TextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="eventseries",
            name="description_ru",
            field=models.TextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="eventseries",
            name="description_zh_hans",
            field=models.TextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="eventseries",
            name="name_ar",
            field=models.CharField(max_length=200, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="eventseries",
            name="name_en",
            field=models.CharField(max_length=200, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="eventseries",
            name="name_es",
            field=models.CharField(max_length=200, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="eventseries",
            name="name_fr",
            field=models.CharField(max_length=200, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="eventseries",
            name="name_ru",
            field=models.CharField(max_length=200, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="eventseries",
            name="name_zh_hans",
            field=models.CharField(max_length=200, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="initiative",
            name="acronym_ar",
            field=models.CharField(blank=True, max_length=30, null=True, verbose_name="acronym"),
        ),
        migrations.AddField(
            model_name="initiative",
            name="acronym_en",
            field=models.CharField(blank=True, max_length=30, null=True, verbose_name="acronym"),
        ),
        migrations.AddField(
            model_name="initiative",
            name="acronym_es",
            field=models.CharField(blank=True, max_length=30, null=True, verbose_name="acronym"),
        ),
        migrations.AddField(
            model_name="initiative",
            name="acronym_fr",
            field=models.CharField(blank=True, max_length=30, null=True, verbose_name="acronym"),
        ),
        migrations.AddField(
            model_name="initiative",
            name="acronym_ru",
            field=models.CharField(blank=True, max_length=30, null=True, verbose_name="acronym"),
        ),
        migrations.AddField(
            model_name="initiative",
            name="acronym_zh_hans",
            field=models.CharField(blank=True, max_length=30, null=True, verbose_name="acronym"),
        ),
        migrations.AddField(
            model_name="initiative",
            name="name_ar",
            field=models.CharField(max_length=255, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="initiative",
            name="name_en",
            field=models.CharField(max_length=255, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="initiative",
            name="name_es",
            field=models.CharField(max_length=255, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="initiative",
            name="name_fr",
            field=models.CharField(max_length=255, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="initiative",
            name="name_ru",
            field=models.CharField(max_length=255, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="initiative",
            name="name_zh_hans",
            field=models.CharField(max_length=255, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="initiative",
            name="summary_ar",
            field=models.TextField(blank=True, null=True, verbose_name="summary"),
        ),
        migrations.AddField(
            model_name="initiative",
            name="summary_en",
            field=models.TextField(blank=True, null=True, verbose_name="summary"),
        ),
        migrations.AddField(
            model_name="initiative",
            name="summary_es",
            field=models.TextField(blank=True, null=True, verbose_name="summary"),
        ),
        migrations.AddField(
            model_name="initiative",
            name="summary_fr",
            field=models.TextField(blank=True, null=True, verbose_name="summary"),
        ),
        migrations.AddField(
            model_name="initiative",
            name="summary_ru",
            field=models.TextField(blank=True, null=True, verbose_name="summary"),
        ),
        migrations.AddField(
            model_name="initiative",
            name="summary_zh_hans",
            field=models.TextField(blank=True, null=True, verbose_name="summary"),
        ),
        migrations.AddField(
            model_name="organization",
            name="acronym_ar",
            field=models.CharField(blank=True, max_length=30, null=True, verbose_name="acronym"),
        ),
        migrations.AddField(
            model_name="organization",
            name="acronym_en",
            field=models.CharField(blank=True, max_length=30, null=True, verbose_name="acronym"),
        ),
        migrations.AddField(
            model_name="organization",
            name="acronym_es",
            field=models.CharField(blank=True, max_length=30, null=True, verbose_name="acronym"),
        ),
        migrations.AddField(
            model_name="organization",
            name="acronym_fr",
            field=models.CharField(blank=True, max_length=30, null=True, verbose_name="acronym"),
        ),
        migrations.AddField(
            model_name="organization",
            name="acronym_ru",
            field=models.CharField(blank=True, max_length=30, null=True, verbose_name="acronym"),
        ),
        migrations.AddField(
            model_name="organization",
            name="acronym_zh_hans",
            field=models.CharField(blank=True, max_length=30, null=True, verbose_name="acronym"),
        ),
        migrations.AddField(
            model_name="organization",
            name="description_ar",
            field=models.TextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="organization",
            name="description_en",
            field=models.TextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="organization",
            name="description_es",
            field=models.TextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="organization",
            name="description_fr",
            field=models.TextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="organization",
            name="description_ru",
            field=models.TextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="organization",
            name="description_zh_hans",
            field=models.TextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="organization",
            name="name_ar",
            field=models.CharField(max_length=255, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="organization",
            name="name_en",
            field=models.CharField(max_length=255, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="organization",
            name="name_es",
            field=models.CharField(max_length=255, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="organization",
            name="name_fr",
            field=models.CharField(max_length=255, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="organization",
            name="name_ru",
            field=models.CharField(max_length=255, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="organization",
            name="name_zh_hans",
            field=models.CharField(max_length=255, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="participation",
            name="description_ar",
            field=models.CharField(
                blank=True,
                help_text="e.g. 'Representatives of Member States'.",
                max_length=255,
                null=True,
                verbose_name="description",
            ),
        ),
        migrations.AddField(
            model_name="participation",
            name="description_en",
            field=models.CharField(
                blank=True,
                help_text="e.g. 'Representatives of Member States'.",
                max_length=255,
                null=True,
                verbose_name="description",
            ),
        ),
        migrations.AddField(
            model_name="participation",
            name="description_es",
            field=models.CharField(
                blank=True,
                help_text="e.g. 'Representatives of Member States'.",
                max_length=255,
                null=True,
                verbose_name="description",
            ),
        ),
        migrations.AddField(
            model_name="participation",
            name="description_fr",
            field=models.CharField(
                blank=True,
                help_text="e.g. 'Representatives of Member States'.",
                max_length=255,
                null=True,
                verbose_name="description",
            ),
        ),
        migrations.AddField(
            model_name="participation",
            name="description_ru",
            field=models.CharField(
                blank=True,
                help_text="e.g. 'Representatives of Member States'.",
                max_length=255,
                null=True,
                verbose_name="description",
            ),
        ),
        migrations.AddField(
            model_name="participation",
            name="description_zh_hans",
            field=models.CharField(
                blank=True,
                help_text="e.g. 'Representatives of Member States'.",
                max_length=255,
                null=True,
                verbose_name="description",
            ),
        ),
        migrations.AddField(
            model_name="person",
            name="bio_ar",
            field=models.TextField(blank=True, null=True, verbose_name="biography"),
        ),
        migrations.AddField(
            model_name="person",
            name="bio_en",
            field=models.TextField(blank=True, null=True, verbose_name="biography"),
        ),
        migrations.AddField(
            model_name="person",
            name="bio_es",
            field=models.TextField(blank=True, null=True, verbose_name="biography"),
        ),
        migrations.AddField(
            model_name="person",
            name="bio_fr",
            field=models.TextField(blank=True, null=True, verbose_name="biography"),
        ),
        migrations.AddField(
            model_name="person",
            name="bio_ru",
            field=models.TextField(blank=True, null=True, verbose_name="biography"),
        ),
        migrations.AddField(
            model_name="person",
            name="bio_zh_hans",
            field=models.TextField(blank=True, null=True, verbose_name="biography"),
        ),
        migrations.AddField(
            model_name="person",
            name="honorific_ar",
            field=models.CharField(
                blank=True,
                help_text="Mr., Ms., Dr., H.E. ...",
                max_length=20,
                null=True,
                verbose_name="honorific",
            ),
        ),
        migrations.AddField(
            model_name="person",
            name="honorific_en",
            field=models.CharField(
                blank=True,
                help_text="Mr., Ms., Dr., H.E. ...",
                max_length=20,
                null=True,
                verbose_name="honorific",
            ),
        ),
        migrations.AddField(
            model_name="person",
            name="honorific_es",
            field=models.CharField(
                blank=True,
                help_text="Mr., Ms., Dr., H.E. ...",
                max_length=20,
                null=True,
                verbose_name="honorific",
            ),
        ),
        migrations.AddField(
            model_name="person",
            name="honorific_fr",
            field=models.CharField(
                blank=True,
                help_text="Mr., Ms., Dr., H.E. ...",
                max_length=20,
                null=True,
                verbose_name="honorific",
            ),
        ),
        migrations.AddField(
            model_name="person",
            name="honorific_ru",
            field=models.CharField(
                blank=True,
                help_text="Mr., Ms., Dr., H.E. ...",
                max_length=20,
                null=True,
                verbose_name="honorific",
            ),
        ),
        migrations.AddField(
            model_name="person",
            name="honorific_zh_hans",
            field=models.CharField(
                blank=True,
                help_text="Mr., Ms., Dr., H.E. ...",
                max_length=20,
                null=True,
                verbose_name="honorific",
            ),
        ),
        migrations.AddField(
            model_name="person",
            name="name_ar",
            field=models.CharField(max_length=200, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="person",
            name="name_en",
            field=models.CharField(max_length=200, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="person",
            name="name_es",
            field=models.CharField(max_length=200, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="person",
            name="name_fr",
            field=models.CharField(max_length=200, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="person",
            name="name_ru",
            field=models.CharField(max_length=200, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="person",
            name="name_zh_hans",
            field=models.CharField(max_length=200, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="person",
            name="position_ar",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="position"),
        ),
        migrations.AddField(
            model_name="person",
            name="position_en",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="position"),
        ),
        migrations.AddField(
            model_name="person",
            name="position_es",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="position"),
        ),
        migrations.AddField(
            model_name="person",
            name="position_fr",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="position"),
        ),
        migrations.AddField(
            model_name="person",
            name="position_ru",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="position"),
        ),
        migrations.AddField(
            model_name="person",
            name="position_zh_hans",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="position"),
        ),
        migrations.AddField(
            model_name="photo",
            name="alt_text_ar",
            field=models.CharField(
                blank=True,
                help_text="What the photo shows, for people who cannot see it.",
                max_length=300,
                null=True,
                verbose_name="alternative text",
            ),
        ),
        migrations.AddField(
            model_name="photo",
            name="alt_text_en",
            field=models.CharField(
                blank=True,
                help_text="What the photo shows, for people who cannot see it.",
                max_length=300,
                null=True,
                verbose_name="alternative text",
            ),
        ),
        migrations.AddField(
            model_name="photo",
            name="alt_text_es",
            field=models.CharField(
                blank=True,
                help_text="What the photo shows, for people who cannot see it.",
                max_length=300,
                null=True,
                verbose_name="alternative text",
            ),
        ),
        migrations.AddField(
            model_name="photo",
            name="alt_text_fr",
            field=models.CharField(
                blank=True,
                help_text="What the photo shows, for people who cannot see it.",
                max_length=300,
                null=True,
                verbose_name="alternative text",
            ),
        ),
        migrations.AddField(
            model_name="photo",
            name="alt_text_ru",
            field=models.CharField(
                blank=True,
                help_text="What the photo shows, for people who cannot see it.",
                max_length=300,
                null=True,
                verbose_name="alternative text",
            ),
        ),
        migrations.AddField(
            model_name="photo",
            name="alt_text_zh_hans",
            field=models.CharField(
                blank=True,
                help_text="What the photo shows, for people who cannot see it.",
                max_length=300,
                null=True,
                verbose_name="alternative text",
            ),
        ),
        migrations.AddField(
            model_name="photo",
            name="caption_ar",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="caption"),
        ),
        migrations.AddField(
            model_name="photo",
            name="caption_en",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="caption"),
        ),
        migrations.AddField(
            model_name="photo",
            name="caption_es",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="caption"),
        ),
        migrations.AddField(
            model_name="photo",
            name="caption_fr",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="caption"),
        ),
        migrations.AddField(
            model_name="photo",
            name="caption_ru",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="caption"),
        ),
        migrations.AddField(
            model_name="photo",
            name="caption_zh_hans",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="caption"),
        ),
        migrations.AddField(
            model_name="theme",
            name="description_ar",
            field=models.TextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="theme",
            name="description_en",
            field=models.TextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="theme",
            name="description_es",
            field=models.TextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="theme",
            name="description_fr",
            field=models.TextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="theme",
            name="description_ru",
            field=models.TextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="theme",
            name="description_zh_hans",
            field=models.TextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="theme",
            name="name_ar",
            field=models.CharField(max_length=150, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="theme",
            name="name_en",
            field=models.CharField(max_length=150, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="theme",
            name="name_es",
            field=models.CharField(max_length=150, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="theme",
            name="name_fr",
            field=models.CharField(max_length=150, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="theme",
            name="name_ru",
            field=models.CharField(max_length=150, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="theme",
            name="name_zh_hans",
            field=models.CharField(max_length=150, null=True, unique=True, verbose_name="name"),
        ),
    ]
