"""The embedded SQLite store: schema, migrations, and the queries every stage shares."""
