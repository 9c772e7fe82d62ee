"""The app's one database connection (shared by every visitor), and how a storage problem reaches the page."""

from __future__ import annotations

import streamlit as st

from storage.database import Database, database_url, open_database
from storage.errors import StorageError


@st.cache_resource(show_spinner=False)
def _open(url: str) -> Database:
    return open_database(url)  # a failure is not cached: the next run tries again


def database() -> Database:
    """The database, migrated; raises StorageError when it cannot be opened (for a form that shows it in place)."""
    return _open(database_url())


def database_or_stop(lang: str) -> Database:
    """The database, migrated; when it cannot be opened the page says why and stops (nothing is lost)."""
    try:
        return database()
    except StorageError as error:
        show_storage_error(error, lang)
        st.stop()
        raise  # st.stop() raises; this only tells type checkers nothing returns here


def show_storage_error(error: StorageError, lang: str) -> None:
    st.error(error.message(lang), icon=":material/error:")
