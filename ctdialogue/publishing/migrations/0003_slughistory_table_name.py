"""The former-address table takes this app's name, now that the events app has let go
of the model (events/0006)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("publishing", "0002_slughistory_moves_here"),
        ("events", "0006_slughistory_moves_to_publishing"),
    ]

    operations = [migrations.AlterModelTable(name="slughistory", table=None)]
