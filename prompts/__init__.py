"""Prompt templates kept as text files beside this module, rendered by a loader that checks their variables."""

from __future__ import annotations

import string
from functools import cache
from pathlib import Path

from core.errors import ConfigError

FOLDER = Path(__file__).resolve().parent


@cache
def template(name: str) -> str:
    """The text of the template ``name`` (a file ``name.txt`` in this folder)."""
    path = FOLDER / f"{name}.txt"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in FOLDER.glob("*.txt")))
        raise ConfigError(f"no prompt named {name!r}; the prompts are: {known}")
    return path.read_text(encoding="utf-8")


def variables(name: str) -> frozenset[str]:
    """The ``{placeholders}`` the template ``name`` uses."""
    return frozenset(field for _, field, _, _ in string.Formatter().parse(template(name)) if field)


def render(name: str, **values: object) -> str:
    """The template ``name`` filled in; every placeholder must be given and nothing else."""
    wanted = variables(name)
    missing, unused = wanted - values.keys(), values.keys() - wanted
    if missing or unused:
        raise ConfigError(
            f"prompt {name!r} needs {', '.join(sorted(wanted)) or 'no variables'}"
            + (f"; missing {', '.join(sorted(missing))}" if missing else "")
            + (f"; unknown {', '.join(sorted(unused))}" if unused else "")
        )
    return template(name).format(**values)
