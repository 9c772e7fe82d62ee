"""The Streamlit presentation layer: pages, charts and UI texts. It shows what the engine concludes."""
