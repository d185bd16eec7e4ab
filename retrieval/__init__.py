"""Embedding, the store, the lexical index, hybrid search, filters, answers and their citations."""
