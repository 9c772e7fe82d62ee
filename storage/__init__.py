"""Storage for working groups and the advice register: SQLAlchemy 2 on SQLite (default) or PostgreSQL.

The ladder package never imports this one: advice is computed without a database, then stored.
"""
