"""Small helpers shared by the benchmark phases."""

from __future__ import annotations

import resource
import sys

import numpy as np


def percentiles(seconds: list[float]) -> dict[str, float]:
    """p50 and p95 of a list of durations, in milliseconds."""
    if not seconds:
        return {"p50": float("nan"), "p95": float("nan")}
    ms = np.asarray(seconds) * 1000
    return {"p50": round(float(np.percentile(ms, 50)), 1), "p95": round(float(np.percentile(ms, 95)), 1)}


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)
