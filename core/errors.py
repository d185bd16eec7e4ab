"""The errors a user sees: one small hierarchy, each saying what to do next."""

from __future__ import annotations


class MinutesError(Exception):
    """Base class for every error shown to a user as one line."""


class ConfigError(MinutesError):
    """A setting is missing or has a value we cannot use."""


class LoadError(MinutesError):
    """A paper could not be read; the message is the reason shown in the ingest report."""


class IndexNotReadyError(MinutesError):
    """The index is empty or cannot be opened."""


class ModelNotAvailableError(MinutesError):
    """The embedding model or a language model is not installed or not reachable."""
