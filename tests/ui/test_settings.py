"""The settings page: profile, signers, masking, reminder days, language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from villagedesk.core.records import VillageProfile
from villagedesk.ui.context import AppContext
from villagedesk.ui.pages.settings import LANG_KEY, SettingsPage

pytestmark = pytest.mark.usefixtures("private_settings")


@pytest.fixture
def page(qtbot, db):
    db.profile.save(VillageProfile(village="青石村", township="河口镇"))
    widget = SettingsPage(AppContext(db))
    qtbot.addWidget(widget)
    widget.refresh()
    return widget


def test_shows_the_saved_profile_with_masking_on_by_default(page, db):
    assert page.village.text() == "青石村"
    assert page.township.text() == "河口镇"
    assert page.mask_ids.isChecked()
    assert page.due_days.value() == 30
    assert str(db.path.parent) in page.folder_label.text()


def test_save_signers_masking_and_days(qtbot, page, db):
    page.filled_by.insert("李明")
    page.reviewed_by.insert("王强")
    page.responsible.insert("赵刚")
    page.mask_ids.setChecked(False)
    page.due_days.setValue(45)
    qtbot.keyClicks(page.committee_phone, "0731-84567890")
    assert page.save()
    saved = db.profile.get()
    assert (saved.filled_by, saved.reviewed_by, saved.responsible) == ("李明", "王强", "赵刚")
    assert saved.mask_ids is False and saved.due_visit_days == 45
    assert saved.village_committee_phone == "0731-84567890"
    assert saved.township == "河口镇"
    assert page.message.text() == "Settings saved."


def test_bad_input_shows_the_chinese_message_and_saves_nothing(qtbot, page, db):
    page.village.clear()
    page.due_days.setValue(10)
    assert not page.save()
    assert page.message.text() == "请填写村名"
    assert db.profile.get().village == "青石村"
    page.village.insert("青石村")
    qtbot.keyClicks(page.committee_phone, "123")
    assert not page.save()
    assert page.message.text() == "手机号码应为11位数字，当前为3位"
    assert db.profile.get().due_visit_days == 30


def test_language_is_kept_for_the_next_start(page):
    page.language.setCurrentIndex(page.language.findData("en"))
    assert page.save()
    assert QSettings().value(LANG_KEY) == "en"
    assert "restarting" in page.message.text()
