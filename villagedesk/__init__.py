"""VillageDesk (驻村工作台): offline ledgers and reports for village work teams."""

from __future__ import annotations

__version__ = "0.1.0"
APP_NAME = "VillageDesk"
