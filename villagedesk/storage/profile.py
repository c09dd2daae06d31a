"""The village profile (one per database), kept in the settings table."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from villagedesk.core.profile import VillageProfile
from villagedesk.core.serialize import from_dict, to_dict

if TYPE_CHECKING:
    from villagedesk.storage.database import Database

_KEY = "profile"


class ProfileStore:
    """Read and save the village profile."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self) -> VillageProfile:
        """The saved profile, or an empty one for a new database."""
        raw = self.db.get_setting(_KEY)
        return (
            from_dict(VillageProfile, json.loads(raw), where="profile") if raw else VillageProfile()
        )

    def save(self, profile: VillageProfile) -> None:
        """Save the profile (audited)."""
        if profile.due_visit_days < 1:
            from villagedesk.core.validation import ValidationError

            raise ValidationError("走访提醒天数至少为 1 天", "due_visit_days")
        self.db.set_setting(_KEY, json.dumps(to_dict(profile), ensure_ascii=False))

    def exists(self) -> bool:
        """Whether a profile has been saved (a database that went through set-up)."""
        return self.db.get_setting(_KEY) is not None
