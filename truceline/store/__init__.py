"""Storage: the only package that imports sqlite3."""

from truceline.store.db import EventFilter, Store

__all__ = ["EventFilter", "Store"]
