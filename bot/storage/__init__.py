"""Storage: SQLModel tables, the database connection and the queries the bot needs."""

from bot.storage.database import Database, DatabaseBusy

__all__ = ["Database", "DatabaseBusy"]
