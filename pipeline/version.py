"""kehoach's version, from the installed package's metadata (`pip install -e .` records it)."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version


def package_version() -> str:
    """The version pyproject.toml declares, or "0+unknown" when kehoach runs from a bare checkout."""
    try:
        return version("kehoach")
    except PackageNotFoundError:
        return "0+unknown"
