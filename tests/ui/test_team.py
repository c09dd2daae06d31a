"""工作队与联系卡: members with square photos, village cadres, card text and the live preview."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox

from villagedesk.core.enums import TeamRole
from villagedesk.core.records import TeamMember, VillageProfile
from villagedesk.services import cards_pdf
from villagedesk.ui.context import AppContext
from villagedesk.ui.pages.team import TeamPage
from villagedesk.ui.pages.team_form import TeamMemberForm


@pytest.fixture
def ctx(db):
    db.profile.save(VillageProfile(village="青石村", dispatching_unit="市民政局"))
    db.team.add(TeamMember(name="李书记", role=TeamRole.FIRST_SECRETARY, phone="13800138000"))
    db.team.add(TeamMember(name="张主任", role=TeamRole.VILLAGE_CADRE, area="一组至三组"))
    return AppContext(db)


def photo_file(tmp_path: Path, w: int = 1600, h: int = 1000) -> Path:
    image = QImage(w, h, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366aa"))
    path = tmp_path / "member.png"
    assert image.save(str(path))
    return path


def test_roster_lists_team_and_cadres_separately(qtbot, ctx):
    page = TeamPage(ctx)
    qtbot.addWidget(page)
    assert [m.name for m in page.team_model.records()] == ["李书记"]
    assert [m.name for m in page.cadre_model.records()] == ["张主任"]
    assert page.cadre_model.index(0, 2).data() == "一组至三组"


def test_new_member_with_photo_stored_square_and_resized(qtbot, ctx, tmp_path, monkeypatch):
    path = photo_file(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    page = TeamPage(ctx)
    qtbot.addWidget(page)

    def run(form: TeamMemberForm) -> int:
        qtbot.mouseClick(form.photo.choose, Qt.MouseButton.LeftButton)
        assert form.photo.preview.pixmap().width() == form.photo.preview.pixmap().height()
        qtbot.keyClicks(form.name, "Wang")
        form.phone.setText("139 0013 9000")
        form.unit.setText("市民政局")
        form.try_save()
        return form.result()

    monkeypatch.setattr(TeamMemberForm, "exec", run)
    saved = page.new_member()
    member = ctx.db.team.get(saved.uid)
    assert member.phone == "13900139000"
    photo = ctx.db.attachments.get(member.photo_uid)
    assert photo.owner_kind == "team_member" and photo.owner_uid == member.uid
    from PIL import Image

    with Image.open(io.BytesIO(photo.data)) as img:
        assert img.format == "JPEG"
        assert img.size == (600, 600)  # centre square, shrunk for the card
    assert len(photo.data) < path.stat().st_size
    row = [m.uid for m in page.team_model.records()].index(member.uid)
    assert page.team_model.index(row, 0).data(Qt.ItemDataRole.DecorationRole) is not None


def test_not_an_image_and_bad_phone_save_nothing(qtbot, ctx, tmp_path, monkeypatch):
    junk = tmp_path / "notes.png"
    junk.write_bytes(b"not a picture")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(junk), ""))
    form = TeamMemberForm(ctx)
    qtbot.addWidget(form)
    qtbot.mouseClick(form.photo.choose, Qt.MouseButton.LeftButton)
    assert "不是可识别的图片" in form.error_label.text()
    form.photo.load_file(str(photo_file(tmp_path)))  # a good photo, but a wrong phone
    form.name.setText("王五")
    form.phone.setText("138001380001")
    before = (ctx.db.team.count(), ctx.db.attachments.count())
    form.try_save()
    assert "手机号码应为11位数字" in form.error_label.text()
    assert (ctx.db.team.count(), ctx.db.attachments.count()) == before


def test_replacing_a_photo_retires_the_old_one(qtbot, ctx, tmp_path):
    form = TeamMemberForm(ctx)
    qtbot.addWidget(form)
    form.name.setText("王五")
    form.photo.load_file(str(photo_file(tmp_path)))
    form.try_save()
    first = ctx.db.team.get(form.saved.uid).photo_uid
    again = TeamMemberForm(ctx, ctx.db.team.get(form.saved.uid))
    qtbot.addWidget(again)
    again.photo.load_file(str(photo_file(tmp_path, 500, 900)))
    again.try_save()
    second = ctx.db.team.get(form.saved.uid).photo_uid
    assert second != first and ctx.db.attachments.get(first) is None


def test_card_text_saved_and_preview_rendered(qtbot, ctx):
    page = TeamPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.preview.image is not None and not page.preview.busy, timeout=15000)
    image = page.preview.image
    ratio = image.width() / image.height()
    assert abs(ratio - cards_pdf.CARD_W / cards_pdf.CARD_H) < 0.1  # one card, not the sheet
    page.committee_phone.setText("123")
    assert not page.save_card_text()
    assert ctx.db.profile.get().service_promise == ""
    page.promise.setPlainText("有求必应、有访必复")
    page.committee_phone.setText("0550-7316218")
    assert page.save_card_text()
    profile = ctx.db.profile.get()
    assert profile.service_promise == "有求必应、有访必复"
    assert profile.village_committee_phone == "0550-7316218"
    qtbot.waitUntil(lambda: not page.preview.busy, timeout=15000)


def test_delete_member(qtbot, ctx, monkeypatch):
    page = TeamPage(ctx)
    qtbot.addWidget(page)
    page.team_table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    assert page.delete_member()
    assert ctx.db.team.work_team() == []
    assert page.team_model.total() == 0
    qtbot.waitUntil(lambda: not page.preview.busy, timeout=15000)


def test_back_of_the_card_is_written_checked_and_printed(qtbot, ctx, monkeypatch):
    from pypdf import PdfReader

    from villagedesk.services.cards_back import MAX_ITEMS, SUGGESTED_BACK
    from villagedesk.ui.pages import reports
    from villagedesk.ui.pages.card_back_dialog import CardBackDialog

    page = TeamPage(ctx)
    qtbot.addWidget(page)
    opened = []
    monkeypatch.setattr(CardBackDialog, "exec", lambda self: opened.append(self) or 0)
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1 and opened[0].parent() is page
    dialog = CardBackDialog(ctx, page)
    qtbot.addWidget(dialog)
    dialog.show()  # what the page's button opens (modal there)
    assert dialog.text.toPlainText() == ""
    # too many procedures: said in the dialog, nothing saved
    dialog.text.setPlainText("\n".join(f"事项{i}：办法" for i in range(MAX_ITEMS + 1)))
    assert not dialog.save()
    assert dialog.message.isVisible() and str(MAX_ITEMS) in dialog.message.text()
    assert ctx.db.profile.get().card_back == ""
    qtbot.mouseClick(dialog.example_button, Qt.MouseButton.LeftButton)
    # the preview draws the back from the text as typed (before saving): a card-shaped image
    preview = dialog.preview
    qtbot.waitUntil(lambda: preview.image is not None and not preview.busy, timeout=10000)
    first = preview.image
    ratio = first.width() / first.height()
    assert abs(ratio - cards_pdf.CARD_W / cards_pdf.CARD_H) < 0.02
    dialog.text.setPlainText("只有一项：写得很短")
    qtbot.waitUntil(lambda: preview.image is not first and not preview.busy, timeout=10000)
    assert preview.image != first  # drawn again from the new text
    qtbot.mouseClick(dialog.example_button, Qt.MouseButton.LeftButton)
    assert dialog.save()
    assert ctx.db.profile.get().card_back == SUGGESTED_BACK
    # print with the back: the sheet and its back page go to the preview
    printed: list[Path] = []
    monkeypatch.setattr(reports, "print_pdf_with_preview", lambda _p, path: printed.append(path))
    page.print_back.setChecked(True)
    job = page.print_cards(per_household=False)
    qtbot.waitUntil(lambda: job.done, timeout=30000)
    assert not job.error and len(printed) == 1 and "双面" in printed[0].name
    pages = PdfReader(printed[0]).pages
    assert len(pages) == 2 and "常用办事指南" in pages[1].extract_text()
