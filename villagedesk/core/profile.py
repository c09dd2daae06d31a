"""The village profile: the village and the people who sign its reports.

Apart from the other records because the window needs it at start (the dashboard's heading)
and the record classes are not: creating their dataclasses costs about 9 ms.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(kw_only=True)
class VillageProfile:
    """The village and the people who sign its reports (one per database)."""

    village: str = ""
    township: str = ""
    county: str = ""
    dispatching_unit: str = ""
    village_committee_phone: str = ""
    filled_by: str = ""  # 填报人
    reviewed_by: str = ""  # 审核人
    responsible: str = ""  # 负责人
    service_promise: str = ""
    card_back: str = ""  # 联系卡背面：常用办事指南, one procedure a line (事项：怎么办)
    due_visit_days: int = 30
    mask_ids: bool = True
