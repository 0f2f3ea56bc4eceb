"""Former addresses (SlugHistory) now belong to ``ctdialogue.publishing``: the events
app forgets the model; its table and rows are kept (see publishing/0002 and 0003)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0005_person_search_without_bio"),
        ("publishing", "0002_slughistory_moves_here"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="SlugHistory")],
            database_operations=[],
        )
    ]
