"""The Streamlit chat page's views: each module renders one part and calls the library for the rest."""
