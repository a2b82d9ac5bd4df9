"""Fixtures of the corpus-scale tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from scale_util import make_site


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A plugin distribution 'scale-test' (normalizers 'mark' and 'slow') on PYTHONPATH."""
    return make_site(tmp_path / "site")
