"""Benchmark of ingest, search and answers at corpus size and at archive scale, beside the textbook pipeline.

Run ``python -m bench``; each measurement runs in its own process so its memory is its own.
"""
