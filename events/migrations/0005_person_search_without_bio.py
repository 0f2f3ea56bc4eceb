"""Search indexes used to be built here; they now belong to the search app.

``ctdialogue/search/migrations/0001_search_indexes`` builds every GIN index of the
site search beside the code that queries it (and replaces the ones this migration
created on databases that ran it before the move). Kept, empty, so that the history
of migrations stays the same on every database.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("events", "0004_slug_history")]

    operations = []
