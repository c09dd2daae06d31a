"""PDF speed: 500 contact cards and the monthly report, against a bare reportlab canvas.

- ``write_contact_cards(per_household=True)`` on a 500-household township (one card each),
  compared with a bare reportlab canvas drawing the same strings of every card in the same
  font, in the same run. Targets: under 3 s, and within 2× of the bare canvas.
- ``write_monthly_report`` for the busiest month of the large township: under 2 s.

Run: ``python -m benchmarks.bench_pdf [--repeat N]``.
"""

from __future__ import annotations

import argparse
import io
import shutil
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.township import TODAY, generate, township_db
from villagedesk.core import clock
from villagedesk.services.cards_pdf import (
    CARD_H,
    HOTLINE,
    HOTLINE_LABEL,
    SLOGAN,
    TITLE,
    card_origin,
    write_contact_cards,
)
from villagedesk.services.figures import Month
from villagedesk.services.pdf_fonts import register_pdf_font
from villagedesk.services.report_pdf import write_monthly_report
from villagedesk.storage.database import open_database

CARDS = 500
CARDS_TARGET_S = 3.0
CARDS_TARGET_RATIO = 2.0
REPORT_TARGET_S = 2.0


def _photo() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (480, 600), (90, 140, 200)).save(out, "JPEG")
    return out.getvalue()


def card_strings(db) -> tuple[list[str], list[str]]:
    """The text every card shares, and the household line of each card."""
    profile = db.profile.get()
    shared = [TITLE, f"{profile.village}驻村工作队"]
    for m in db.team.work_team():
        shared += [m.name, m.role.value, m.phone]
    shared.append(
        f"派出单位：{profile.dispatching_unit}　　村委会电话：{profile.village_committee_phone}"
    )
    shared.append(
        "村干部：" + "　".join(f"{m.name}（{m.area}） {m.phone}" for m in db.team.cadres())
    )
    promise = "服务承诺：" + profile.service_promise
    shared += [promise[i : i + 40] for i in range(0, len(promise), 40)][:3]
    shared += ["扫码保存联系人", SLOGAN, HOTLINE_LABEL, HOTLINE]
    lines = [
        f"户主：{h.head_name}　　户编号：{h.household_no}"
        for h in db.households.iter(order_by="household_no")
    ]
    return shared, lines


def bare_canvas(shared: list[str], lines: list[str], out: Path) -> None:
    """The baseline: a bare canvas drawing each card's strings, 8 cards to an A4 page."""
    from reportlab.pdfgen import canvas

    font = register_pdf_font()
    c = canvas.Canvas(str(out), pagesize=(595.27, 841.89))
    for i, line in enumerate(lines):
        x, y = card_origin(i)
        c.setFont(font, 7)
        top = y + CARD_H - 20
        for k, text in enumerate(shared):
            c.drawString(x + 8, top - 7 * (k % 24), text)
        c.drawString(x + 8, y + 6, line)
        if (i + 1) % 8 == 0 or i + 1 == len(lines):
            c.showPage()
    c.save()


def busiest_month(db) -> Month:
    row = db.su.execute(
        "select substr(date, 1, 7) as m, count(*) as n from visits where deleted_at is null "
        "group by m order by n desc, m desc limit 1"
    ).fetchone()
    return Month.parse(row[0]) if row else Month.of(TODAY)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    clock.pin_today(TODAY)
    ok = True
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        small = tmp / "township500.db"
        generate(small, households=CARDS, visits=2_000, issues=300)
        db = open_database(small)
        try:
            lead = db.team.work_team()[0]
            photo = db.attachments.add_photo("team_member", lead.uid, _photo(), square=True)
            lead.photo_uid = photo.uid
            db.team.update(lead)
            shared, lines = card_strings(db)
            out, bare_out = tmp / "cards.pdf", tmp / "bare.pdf"
            write_contact_cards(db, out, per_household=True)  # warm imports and font
            bare_canvas(shared, lines, bare_out)
            ours = bare = float("inf")
            for _ in range(args.repeat):  # interleaved, so machine noise hits both alike
                start = time.perf_counter()
                write_contact_cards(db, out, per_household=True)
                ours = min(ours, time.perf_counter() - start)
                start = time.perf_counter()
                bare_canvas(shared, lines, bare_out)
                bare = min(bare, time.perf_counter() - start)
            size_kb = out.stat().st_size / 1024
        finally:
            db.close()
        ratio = ours / bare
        cards_ok = ours < CARDS_TARGET_S and ratio <= CARDS_TARGET_RATIO
        ok &= cards_ok
        print(f"contact cards ({len(lines)} households, {len(shared)} shared strings a card)")
        print(
            f"  write_contact_cards  {ours * 1000:8.1f} ms (best of {args.repeat}; {size_kb:.0f} KB)"
        )
        print(f"  bare canvas          {bare * 1000:8.1f} ms (same strings, no photos/QR/marks)")
        print(
            f"  ratio                {ratio:8.2f}×  (target < {CARDS_TARGET_S:.0f} s and ≤ "
            f"{CARDS_TARGET_RATIO}×) {'OK' if cards_ok else 'SLOW'}"
        )

        path = township_db()
        copy = tmp / "township.db"
        shutil.copy(path, copy)  # the report only reads, but keep the cached file untouched
        db = open_database(copy, readonly=True, create=False)
        try:
            month = busiest_month(db)
            report = tmp / "report.pdf"
            write_monthly_report(db, month, report, today=TODAY)
            best = float("inf")
            for _ in range(args.repeat):
                start = time.perf_counter()
                write_monthly_report(db, month, report, today=TODAY)
                best = min(best, time.perf_counter() - start)
        finally:
            db.close()
        report_ok = best < REPORT_TARGET_S
        ok &= report_ok
        print(f"monthly report (large township {path.name}, month {month})")
        print(
            f"  write_monthly_report {best * 1000:8.1f} ms (best of {args.repeat}; target < "
            f"{REPORT_TARGET_S:.0f} s) {'OK' if report_ok else 'SLOW'}; ratio to target "
            f"{best / REPORT_TARGET_S:.2f}"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
