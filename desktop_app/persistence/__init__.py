"""SQLAlchemy engine, models, migrations and backups. No Qt here."""
