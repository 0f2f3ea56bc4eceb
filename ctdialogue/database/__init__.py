"""What the site asks of the database beyond the ORM's everyday queries, written once
for PostgreSQL and SQLite: triggers that keep derived data exact, and lookups that
stay cheap at 100,000 records."""
