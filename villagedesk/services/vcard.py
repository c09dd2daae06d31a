"""The vCard 3.0 payload behind the contact card's QR code (pure text, no reportlab).

Several contacts go into one payload as repeated ``BEGIN:VCARD … END:VCARD`` blocks; phones
(WeChat's scanner, the Android and iOS cameras) offer to save each of them. Chinese values
carry ``CHARSET=UTF-8`` because older Android contact apps guess GBK without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from villagedesk.core.enums import TeamRole

if TYPE_CHECKING:
    from villagedesk.core.records import TeamMember, VillageProfile
    from villagedesk.storage.database import Database

#: The largest payload we put in a QR code: at error-correction level L this is a
#: version-19 symbol (93 modules), about 0.26 mm a module on the card's 24 mm code, which
#: phone cameras still read from a laser or inkjet print. L is enough on a clean white card.
MAX_QR_BYTES = 750
QR_LEVEL = "L"

# Two-character surnames, so N: splits 欧阳修 as 欧阳;修 and not 欧;阳修.
_COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 钟离 "
    "端木 独孤 南宫 西门 百里 呼延 万俟 申屠 太史 澹台 公羊 闻人 东郭 第五".split()
)


def _escape(value: str) -> str:
    # RFC 2426 §4: backslash, comma and semicolon are escaped in text values; no newlines.
    value = " ".join(value.split())
    return value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")


def split_chinese_name(name: str) -> tuple[str, str]:
    """(family, given) of a Chinese name; a non-Chinese or one-character name is all family."""
    name = name.strip()
    if len(name) >= 3 and name[:2] in _COMPOUND_SURNAMES:
        return name[:2], name[2:]
    if len(name) >= 2 and all("\u4e00" <= ch <= "\u9fff" for ch in name):
        return name[0], name[1:]
    return name, ""


def vcard_block(
    name: str,
    phone: str,
    *,
    org: str = "",
    title: str = "",
    work_phone: bool = False,
    is_org: bool = False,
) -> str:
    """One ``BEGIN:VCARD … END:VCARD`` block (CRLF line ends); ``is_org`` keeps N unsplit."""
    family, given = (name.strip(), "") if is_org else split_chinese_name(name)
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"N;CHARSET=UTF-8:{_escape(family)};{_escape(given)};;;",
        f"FN;CHARSET=UTF-8:{_escape(name.strip())}",
    ]
    if phone:
        kind = "WORK" if work_phone else "CELL"
        lines.append(f"TEL;TYPE={kind}:{phone.strip()}")
    if org:
        lines.append(f"ORG;CHARSET=UTF-8:{_escape(org)}")
    if title:
        lines.append(f"TITLE;CHARSET=UTF-8:{_escape(title)}")
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"


def team_org(profile: VillageProfile) -> str:
    """The organisation written on the team's contacts: 市民政局驻青石村工作队."""
    village = profile.village.strip()
    unit = profile.dispatching_unit.strip()
    if unit and village:
        return f"{unit}驻{village}工作队"
    if village:
        return f"{village}驻村工作队"
    return unit or "驻村工作队"


def _member_block(member: TeamMember, org: str, *, with_title: bool = True) -> str:
    return vcard_block(
        member.name, member.phone, org=org, title=member.role.value if with_title else ""
    )


def _committee_block(profile: VillageProfile) -> str:
    name = f"{profile.village.strip()}村委会"
    return vcard_block(name, profile.village_committee_phone, work_phone=True, is_org=True)


def fits_qr(payload: str) -> bool:
    """Whether a payload is small enough to print as a readable QR code on a card."""
    return len(payload.encode("utf-8")) <= MAX_QR_BYTES


def team_vcard(db: Database) -> str:
    """The contact card's QR payload: the work team, the village committee and the cadres.

    When that is too long for a card-sized code, the cadres go first, then the members'
    titles: what always remains is the first secretary and the village committee.
    """
    profile = db.profile.get()
    org = team_org(profile)
    team = [m for m in db.team.work_team() if m.phone]
    cadres = [m for m in db.team.cadres() if m.phone]
    committee = [_committee_block(profile)] if profile.village_committee_phone else []
    team_blocks = [_member_block(m, org) for m in team]
    plain_blocks = [_member_block(m, org, with_title=False) for m in team]
    cadre_blocks = [_member_block(m, f"{profile.village}村委会") for m in cadres]
    first = [m for m in team if m.role == TeamRole.FIRST_SECRETARY] or team[:1]
    candidates = [
        team_blocks + committee + cadre_blocks,
        team_blocks + committee,
        plain_blocks + committee,
        [_member_block(m, org) for m in first[:1]] + committee,
    ]
    for blocks in candidates:
        payload = "".join(blocks)
        if fits_qr(payload):
            return payload
    return "".join(candidates[-1])
