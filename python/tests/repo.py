"""Paths of the monorepo that the tests read (the contract, the msw package's fixtures, the docs)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CAPTURED = ROOT / "packages" / "msw" / "test" / "fixtures" / "captured"
