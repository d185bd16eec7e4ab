"""From a file to a Document (pages and metadata) to Chunks. No vectors, no store."""
