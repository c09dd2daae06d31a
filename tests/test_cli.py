"""The command line contract of DESIGN.md: output, exit codes, messages, dump and load."""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from builders import make_id, solved_issue

from villagedesk.cli import main
from villagedesk.core import clock
from villagedesk.core import workflow as wf
from villagedesk.core.enums import HouseholdTag, TeamRole
from villagedesk.core.records import (
    Activity,
    Aid,
    Deed,
    DiaryEntry,
    Group,
    Household,
    Issue,
    Resident,
    TeamMember,
    VillageProfile,
    Visit,
)
from villagedesk.storage import database as database_mod
from villagedesk.storage.database import open_database

TODAY = date(2026, 11, 29)
ZHANG_ID = make_id("34112519800101001")
ZHANG_MASKED = ZHANG_ID[:6] + "********" + ZHANG_ID[-4:]
STATS_KEYS = {
    "village", "month", "households", "residents", "visits", "households_visited",
    "issues", "aid", "deeds", "activities",
}  # fmt: skip


def _png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (400, 500), (20, 90, 160)).save(out, "PNG")
    return out.getvalue()


@pytest.fixture(autouse=True)
def _private_data_folder(tmp_path, monkeypatch):
    # the default database and the crash log live in the user data folder: keep them here
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("VILLAGEDESK_DB", raising=False)


@pytest.fixture(scope="module")
def village_template(tmp_path_factory) -> Path:
    """A small village with one of everything (and a record in the recycle bin), built once."""
    path = tmp_path_factory.mktemp("village") / "village.db"
    clock.pin_today(TODAY)  # module scope runs outside the per-test pinning of conftest
    try:
        _fill(path)
    finally:
        clock.pin_today(None)
    return path


@pytest.fixture
def village(village_template, tmp_path) -> Path:
    """A private copy of the small village."""
    path = tmp_path / "village.db"
    shutil.copy(village_template, path)
    return path


def _fill(path: Path) -> None:
    db = open_database(path, actor="测试员")
    db.profile.save(VillageProfile(village="青石村", township="界牌镇", filled_by="王书记"))
    secretary = db.team.add(TeamMember(name="王书记", role=TeamRole.FIRST_SECRETARY))
    photo = db.attachments.add_photo("team_member", secretary.uid, _png(), square=True)
    secretary.photo_uid = photo.uid
    db.team.update(secretary)
    group = db.groups.add(Group(name="第一村民小组"))
    zhang = db.households.add(
        Household(
            household_no="001", head_name="张三", group_uid=group.uid, tags=[HouseholdTag.DIBAO]
        )
    )
    li = db.households.add(Household(household_no="002", head_name="李四"))
    gone = db.households.add(Household(household_no="003", head_name="赵六"))
    db.households.delete(gone.uid)
    db.residents.add(Resident(household_uid=zhang.uid, name="张三", id_number=ZHANG_ID))
    db.residents.add(Resident(household_uid=li.uid, name="李四", phone="13912345678"))
    visit = db.visits.add(
        Visit(
            date=date(2026, 11, 3),
            household_uid=zhang.uid,
            member_uids=[secretary.uid],
            situation="老人腿脚不便",
        )
    )
    issue = solved_issue(
        "2026-001", date(2026, 11, 3), "门前路灯坏了", actor="王书记", assigned_on=date(2026, 11, 4),
        solved_on=date(2026, 11, 5), result="已修好", visit_uid=visit.uid,
    )  # fmt: skip
    db.issues.add(issue)
    open_issue = Issue(number="2026-002", collected_date=date(2026, 11, 20), description="想学电商")
    wf.register(open_issue, actor="王书记")
    db.issues.add(open_issue)
    db.aid.add(Aid(date=date(2026, 11, 6), household_uid=zhang.uid, amount_fen=50000))
    db.deeds.add(Deed(title="修路灯"))
    db.activities.add(Activity(date=date(2026, 11, 8), title="政策宣讲会", participants=40))
    db.diary.add(DiaryEntry(date=date(2026, 11, 8), member_uid=secretary.uid, content="入户走访"))
    db.close()


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_chinese_line(err: str) -> None:
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert any("\u4e00" <= c <= "\u9fff" for c in lines[0]), err


def dump(capsys, db: Path, *extra: str) -> dict:
    code, out, err = run(capsys, "--db", db, "dump", *extra)
    assert code == 0, err
    return json.loads(out)


# ---- basics -------------------------------------------------------------------------


def test_version(capsys):
    code, out, _ = run(capsys, "--version")
    assert (code, out.strip()) == (0, "villagedesk 0.1.0")


def test_opening_the_window_imports_no_command_module():
    # the window's start does not pay for the commands' modules; a command still finds its own
    code = (
        "import sys\n"
        "from villagedesk import cli\n"
        "cli._run_app = lambda args, ctx: print('window', args.db)\n"
        "cli.main(['--db', 'x.db'])\n"
        "print(sorted(m for m in sys.modules if m.startswith('villagedesk.commands.')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.splitlines() == ["window x.db", "[]"], done.stderr


def test_a_file_named_like_a_command_still_opens_the_window(monkeypatch, tmp_path):
    import villagedesk.cli as cli

    opened = []
    monkeypatch.setattr(cli, "_run_app", lambda args, ctx: opened.append(ctx.db_path) or 0)
    assert main(["--db", str(tmp_path / "demo")]) == 0
    assert opened == [tmp_path / "demo"]


def test_installed_console_script_prints_the_version():
    from importlib.metadata import entry_points

    (ep,) = entry_points(group="console_scripts", name="villagedesk")
    assert ep.value == "villagedesk.cli:main"
    script = Path(sys.executable).parent / ("villagedesk.exe" if os.name == "nt" else "villagedesk")
    assert script.exists(), "run `pip install -e .` so the villagedesk command exists"
    done = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout.strip()) == (0, "villagedesk 0.1.0")


def test_stats_json_in_a_real_process(village):
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-m", "villagedesk", "--db", str(village), "stats", "--json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    fig = json.loads(done.stdout)
    assert set(fig) == STATS_KEYS
    assert set(fig["issues"]) == {"collected", "solved", "explained", "tracking", "overdue"}
    assert set(fig["aid"]) == {"records", "cash_yuan", "goods_records"}
    assert set(fig["deeds"]) == {"total", "done"}
    assert fig["village"] == "青石村" and fig["month"] is None
    assert (fig["households"], fig["residents"], fig["visits"], fig["households_visited"]) == (
        2,
        2,
        1,
        1,
    )
    assert fig["issues"] == {
        "collected": 2,
        "solved": 1,
        "explained": 0,
        "tracking": 1,
        "overdue": 0,
    }
    assert fig["aid"] == {"records": 1, "cash_yuan": "500.00", "goods_records": 0}
    assert "青石村" in done.stdout  # not \u escapes


def test_stats_month_and_table(capsys, village):
    code, out, _ = run(capsys, "--db", village, "stats", "--month", "2026-10", "--json")
    assert code == 0
    assert json.loads(out)["month"] == "2026-10" and json.loads(out)["visits"] == 0
    code, out, _ = run(capsys, "--db", village, "stats")
    assert code == 0
    assert "青石村" in out and "收集问题" in out and "500.00" in out
    code, out, _ = run(capsys, "--db", village, "--lang", "en", "stats")
    assert "Issues collected" in out


def test_database_from_the_environment(capsys, village, monkeypatch):
    monkeypatch.setenv("VILLAGEDESK_DB", str(village))
    code, out, _ = run(capsys, "stats", "--json")
    assert code == 0 and json.loads(out)["households"] == 2


def test_default_database_lives_in_the_user_data_folder(capsys, tmp_path):
    code, _, err = run(capsys, "dump")
    assert code == 1
    assert_one_chinese_line(err)
    assert str(tmp_path / "xdg" / "VillageDesk" / "villagedesk.db") in err
    assert (tmp_path / "xdg" / "VillageDesk").is_dir()


# ---- search -------------------------------------------------------------------------


def test_search_masks_id_numbers(capsys, village):
    code, out, _ = run(capsys, "--db", village, "search", "zs")
    assert code == 0
    assert "张三" in out and ZHANG_MASKED in out and ZHANG_ID not in out
    code, out, _ = run(capsys, "--db", village, "search", ZHANG_ID[-4:], "--json")
    rows = json.loads(out)
    assert [(r["name"], r["id_number"]) for r in rows] == [("张三", ZHANG_MASKED)]
    code, out, _ = run(capsys, "--db", village, "search", "张三", "--json", "--show-id")
    assert json.loads(out)[0]["id_number"] == ZHANG_ID


def test_search_limit_and_nothing_found(capsys, village):
    code, out, _ = run(capsys, "--db", village, "search", "00", "--json")
    assert code == 0 and len(json.loads(out)) == 2  # household numbers 001 and 002
    code, out, _ = run(capsys, "--db", village, "search", "00", "--json", "--limit", "1")
    assert code == 0 and len(json.loads(out)) == 1
    code, out, _ = run(capsys, "--db", village, "search", "王老五")
    assert code == 0 and "没有找到" in out


# ---- dump and load ------------------------------------------------------------------


def test_dump_load_dump_gives_the_same_records(capsys, village, tmp_path):
    first = dump(capsys, village)
    assert first["format"] == "villagedesk-dump" and first["version"] == 2
    assert len(first["records"]["households"]) == 3  # the deleted one too
    assert any(h["deleted_at"] for h in first["records"]["households"])
    assert first["records"]["attachments"] == []
    assert first["records"]["team_members"][0]["photo_uid"] is None
    assert [e["kind"] for e in first["records"]["issues"][0]["events"]] == ["登记", "转办", "办结"]
    file = tmp_path / "all.json"
    code, _, err = run(capsys, "--db", village, "dump", "-o", file)
    assert code == 0 and "已导出" in err
    empty = tmp_path / "empty.db"
    code, out, _ = run(capsys, "--db", empty, "load", file)
    assert code == 0 and "已添加" in out
    second = dump(capsys, empty)
    assert second["records"] == first["records"]
    assert second["profile"] == first["profile"]
    # loaded names are searchable, loaded records audited
    code, out, _ = run(capsys, "--db", empty, "search", "ls", "--json")
    assert [r["name"] for r in json.loads(out)] == ["李四"]
    db = open_database(empty)
    try:
        actions = {
            row["action"] for row in db.su.query("select action from audit where kind != 'setting'")
        }
        assert actions == {"load"}
    finally:
        db.close()


def test_demo_village_round_trips_through_the_service(demo_db, tmp_path):
    from villagedesk.services.transfer import dump_records, load_records

    first = dump_records(demo_db)
    assert len(first["records"]["households"]) == 60
    target = open_database(tmp_path / "copy.db")
    try:
        summary = load_records(target, json.loads(json.dumps(first, ensure_ascii=False)))
        assert summary.total == sum(len(v) for v in first["records"].values())
        assert summary.profile_loaded
        second = dump_records(target)
    finally:
        target.close()
    assert (second["records"], second["profile"]) == (first["records"], first["profile"])


def test_dump_with_photos_round_trips_the_photos(capsys, village, tmp_path):
    first = dump(capsys, village, "--with-photos")
    (photo,) = first["records"]["attachments"]
    assert first["records"]["team_members"][0]["photo_uid"] == photo["uid"]
    file = tmp_path / "photos.json"
    file.write_text(json.dumps(first, ensure_ascii=False), encoding="utf-8")
    empty = tmp_path / "empty.db"
    assert run(capsys, "--db", empty, "load", file)[0] == 0
    assert dump(capsys, empty, "--with-photos")["records"] == first["records"]


def test_loading_the_same_file_twice_is_refused(capsys, village, tmp_path):
    file = tmp_path / "all.json"
    run(capsys, "--db", village, "dump", "-o", file)
    before = dump(capsys, village)
    code, _, err = run(capsys, "--db", village, "load", file)
    assert code == 2
    assert_one_chinese_line(err)
    assert "已存在于数据库中" in err and "records.team_members[0].uid" in err
    assert dump(capsys, village)["records"] == before["records"]


def _addition(**resident_changes) -> dict:
    """A file adding one household and one resident to the village."""
    resident = {"uid": "r" * 32, "household_uid": "h" * 32, "name": "钱七", "relation": "户主"}
    resident.update(resident_changes)
    return {
        "format": "villagedesk-dump",
        "version": 1,
        "records": {
            "households": [{"uid": "h" * 32, "household_no": "009", "head_name": "钱七"}],
            "residents": [resident],
        },
    }


def test_the_example_in_the_format_document_loads(capsys, tmp_path):
    doc = Path(__file__).resolve().parents[1] / "docs" / "data-format.md"
    example = doc.read_text(encoding="utf-8").split("```json")[1].split("```")[0]
    file = tmp_path / "example.json"
    file.write_text(example, encoding="utf-8")
    target = tmp_path / "new.db"
    code, out, err = run(capsys, "--db", target, "load", file)
    assert code == 0, err
    assert out.strip() == "已添加 3 条记录（农户 1，村民 1，问题 1，问题办理记录 1）"
    code, out, _ = run(capsys, "--db", target, "search", "qq", "--json")
    assert [r["name"] for r in json.loads(out)] == ["钱七"]


def test_a_good_addition_is_loaded(capsys, village, tmp_path):
    file = tmp_path / "add.json"
    file.write_text(json.dumps(_addition(), ensure_ascii=False), encoding="utf-8")
    code, out, err = run(capsys, "--db", village, "load", file)
    assert code == 0, err
    assert "已添加 2 条记录" in out
    assert len(dump(capsys, village)["records"]["households"]) == 4


@pytest.mark.parametrize(
    ("content", "place"),
    [
        pytest.param(
            '{"format": "villagedesk-dump",\n "version": 1,\n "records": {',
            "第 3 行",
            id="invalid-json",
        ),
        pytest.param(_addition(name=123), "records.residents[0].name", id="wrong-type"),
        pytest.param(_addition(gender="男性"), "records.residents[0].gender", id="unknown-enum"),
        pytest.param(
            _addition(household_uid="x" * 32), "records.residents[0].household_uid", id="dangling"
        ),
        pytest.param(
            _addition(id_number=ZHANG_ID[:17] + "0"),
            "records.residents[0].id_number",
            id="check-digit",
        ),
        pytest.param(
            _addition(id_number=ZHANG_ID), "records.residents[0].id_number", id="duplicate-id"
        ),
        pytest.param(
            _addition(birth_date="2026-02-30"), "records.residents[0].birth_date", id="bad-date"
        ),
        pytest.param({**_addition(), "format": "something"}, "format", id="wrong-format"),
        pytest.param({**_addition(), "version": 7}, "version", id="newer-version"),
        pytest.param({**_addition(), "version": 3}, "version", id="version-3"),
        pytest.param({**_addition(), "templates": []}, "templates", id="templates-in-version-1"),
        pytest.param({**_addition(), "records": {"pets": []}}, "pets", id="unknown-list"),
    ],
)
def test_bad_file_is_refused_with_its_place_and_changes_nothing(
    capsys, village, tmp_path, content, place
):
    file = tmp_path / "bad.json"
    text = content if isinstance(content, str) else json.dumps(content, ensure_ascii=False)
    file.write_text(text, encoding="utf-8")
    before = dump(capsys, village)
    code, out, err = run(capsys, "--db", village, "load", file)
    assert code == 2
    assert_one_chinese_line(err)
    assert place in err
    after = dump(capsys, village)
    assert (after["records"], after["profile"]) == (before["records"], before["profile"])


def _add_monitoring_and_template(path: Path) -> None:
    """A monitoring list with one checked person, and a saved township template."""
    from openpyxl import Workbook

    from villagedesk.core.monitoring import CheckStatus, CheckTask, MonitoringEntry, MonitoringList
    from villagedesk.core.templates import ColumnRule, Template
    from villagedesk.storage.templates import put_template

    db = open_database(path, actor="测试员")
    try:
        zhang = next(p for p in db.residents.find() if p.name == "张三")
        lst = db.monitoring_lists.add(
            MonitoringList(name="医疗费用超5000元", source="县医保局", list_date=TODAY)
        )
        entry = MonitoringEntry(list_uid=lst.uid, row_no=3, name="张三", id_number=ZHANG_ID,
                                resident_uid=zhang.uid, household_uid=zhang.household_uid)  # fmt: skip
        db.monitoring_lists.add_entries([entry])
        task = CheckTask(list_uid=lst.uid, entry_uid=entry.uid, resident_uid=zhang.uid,
                         household_uid=zhang.household_uid)  # fmt: skip
        db.check_tasks.add_many([task])
        visit = db.visits.find()[0]
        db.check_tasks.move(task.uid, CheckStatus.VISITED, on=TODAY, visit_uid=visit.uid)
        form = io.BytesIO()
        Workbook().save(form)
        columns = [ColumnRule(1, "序号", "number"), ColumnRule(2, "走访日期", "field", "date")]
        put_template(db, Template(name="走访表", source_kind="visits", filename="走访表.xlsx",
                                  form=form.getvalue(), sheet="Sheet", header_rows=[1],
                                  first_data_row=2, columns=columns))  # fmt: skip
    finally:
        db.close()


def test_dump_and_load_say_the_monitoring_lists_and_templates(capsys, village, tmp_path):
    _add_monitoring_and_template(village)
    file = tmp_path / "all.json"
    code, _, err = run(capsys, "--db", village, "dump", "-o", file)
    assert code == 0 and "条记录和 1 个报表模板到" in err
    first = json.loads(file.read_text(encoding="utf-8"))
    assert [t["name"] for t in first["templates"]] == ["走访表"]
    empty = tmp_path / "empty.db"
    code, out, err = run(capsys, "--db", empty, "load", file)
    assert code == 0, err
    assert out.strip() == (
        "已添加 17 条记录（工作队成员 1，村民小组/网格 1，农户 3，村民 2，走访记录 1，问题 2，"
        "慰问记录 1，为民办实事 1，活动 1，驻村日志 1，监测名单 1，名单人员 1，核查任务 1，"
        "问题办理记录 4），报表模板 1 个"
    )
    second = dump(capsys, empty)
    assert (second["records"], second["templates"]) == (first["records"], first["templates"])
    assert second["records"]["check_tasks"][0]["status"] == "已入户核查"
    # the same templates again, no records: nothing added, said so
    again = tmp_path / "templates.json"
    again.write_text(json.dumps({**first, "records": {}}, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(capsys, "--db", empty, "load", again)
    assert code == 0
    assert out.strip() == "已添加 0 条记录；1 个报表模板数据库中已有（同名且内容相同），未重复添加"


def test_load_in_english_prefixes_the_chinese_reason(capsys, village, tmp_path):
    file = tmp_path / "bad.json"
    file.write_text(json.dumps(_addition(household_uid="x" * 32)), encoding="utf-8")
    code, _, err = run(capsys, "--db", village, "--lang", "en", "load", file)
    assert code == 2
    assert err.startswith("Invalid input: records.residents[0].household_uid")


def test_load_of_a_missing_file(capsys, village, tmp_path):
    code, _, err = run(capsys, "--db", village, "load", tmp_path / "nope.json")
    assert code == 2
    assert_one_chinese_line(err)
    assert "文件不存在" in err


# ---- check --------------------------------------------------------------------------


def test_check_good_and_broken(capsys, village):
    code, out, _ = run(capsys, "--db", village, "check")
    assert code == 0 and "数据库完好" in out
    conn = sqlite3.connect(village)  # foreign keys are off by default here: break one on purpose
    conn.execute("update residents set household_uid = 'missing' where name = '李四'")
    conn.commit()
    conn.close()
    code, out, _ = run(capsys, "--db", village, "check")
    assert code == 1
    assert "1 处问题" in out and "residents" in out


# ---- demo ---------------------------------------------------------------------------


def test_demo_refuses_a_database_with_records(capsys, village):
    before = dump(capsys, village)
    code, _, err = run(capsys, "--db", village, "demo", "--households", "5")
    assert code == 1
    assert_one_chinese_line(err)
    assert "不是空的" in err
    assert dump(capsys, village)["records"] == before["records"]


def test_demo_fills_an_empty_database(capsys, tmp_path):
    path = tmp_path / "demo.db"
    code, _, err = run(capsys, "--db", path, "demo", "--households", "8", "--seed", "2")
    assert code == 0, err
    assert "已生成演示村庄" in err
    code, out, _ = run(capsys, "--db", path, "stats", "--json")
    assert json.loads(out)["households"] == 8


# ---- bad input of every kind: one line, no traceback --------------------------------


def _not_a_database(tmp_path: Path) -> Path:
    path = tmp_path / "notes.db"
    path.write_text("这是会议记录，不是数据库", encoding="utf-8")
    return path


def _newer(tmp_path: Path) -> Path:
    path = tmp_path / "newer.db"
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "insert into _sqlite_migrations (migration_set, name, applied_at) "
        "values ('villagedesk', 'm999_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize(
    ("make", "command", "expected", "code"),
    [
        (lambda t: t / "no" / "v.db", ["stats"], "文件夹不存在", 1),
        (_not_a_database, ["stats"], "不是驻村工作台数据库", 1),
        (_newer, ["stats", "--json"], "更新版本", 1),
        (_newer, ["check"], "更新版本", 1),
        (lambda t: t / "v.db", ["stats", "--month", "2026-13"], "月份", 2),
        (lambda t: t / "v.db", ["search"], "用法错误", 2),
        (lambda t: t / "v.db", ["frobnicate"], "无效的选项", 2),
        (lambda t: t / "v.db", ["search", "x", "--limit", "many"], "整数", 2),
    ],
    ids=[
        "missing-folder",
        "not-a-database",
        "newer-schema",
        "check-newer",
        "bad-month",
        "missing-argument",
        "unknown-command",
        "bad-int",
    ],  # fmt: skip
)
def test_bad_input_gives_one_chinese_line(capsys, tmp_path, make, command, expected, code):
    path = make(tmp_path)
    got, out, err = run(capsys, "--db", path, *command)
    assert got == code
    assert_one_chinese_line(err)
    assert expected in err
    assert out == ""


def test_locked_database(capsys, village, tmp_path, monkeypatch):
    monkeypatch.setattr(database_mod, "BUSY_TIMEOUT_MS", 100)
    file = tmp_path / "add.json"
    file.write_text(json.dumps(_addition(), ensure_ascii=False), encoding="utf-8")
    other = sqlite3.connect(village, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        code, _, err = run(capsys, "--db", village, "load", file)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert code == 1
    assert_one_chinese_line(err)
    assert "正被另一个程序使用" in err
    assert len(dump(capsys, village)["records"]["households"]) == 3


def test_english_messages(capsys, tmp_path):
    code, _, err = run(capsys, "--db", tmp_path / "no" / "v.db", "--lang", "en", "stats")
    assert code == 1
    assert err.strip() == f"The folder does not exist: {tmp_path / 'no'}"
    code, _, err = run(capsys, "--lang", "en", "frobnicate")
    assert code == 2 and err.startswith("Usage error:")


def test_unexpected_error_is_one_line_and_logged(capsys, village, tmp_path, monkeypatch):
    import villagedesk.services.figures as figures

    def broken(*args, **kwargs):
        raise RuntimeError("figures exploded")

    monkeypatch.setattr(figures, "monthly_figures", broken)
    code, _, err = run(capsys, "--db", village, "stats")
    assert code == 1
    assert_one_chinese_line(err)
    assert "出现意外错误" in err and "figures exploded" in err
    log = tmp_path / "xdg" / "VillageDesk" / "villagedesk-error.log"
    assert str(log) in err
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "RuntimeError: figures exploded" in text


def test_interrupted_command_exits_130(capsys, village, monkeypatch):
    import villagedesk.services.figures as figures

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(figures, "monthly_figures", interrupted)
    code, _, err = run(capsys, "--db", village, "stats")
    assert code == 130 and "Traceback" not in err


# ---- the app ------------------------------------------------------------------------


def test_no_command_opens_the_app_with_the_options(capsys, village, monkeypatch):
    import villagedesk.ui.app as app

    calls = []

    def fake_run_app(db_path, **kwargs):
        calls.append((db_path, kwargs))
        return 0

    monkeypatch.setattr(app, "run_app", fake_run_app)
    code, _, _ = run(
        capsys,
        "--db",
        village,
        "--lang",
        "en",
        "--screenshot",
        "out.png",
        "--page",
        "issues",
        "--size",
        "800x600",
    )
    assert code == 0
    assert calls == [
        (str(village), {"lang": "en", "screenshot": "out.png", "page": "issues", "size": "800x600"})
    ]


def test_app_missing_gives_a_clear_message(capsys, village, monkeypatch):
    monkeypatch.setitem(sys.modules, "villagedesk.ui.app", None)
    code, _, err = run(capsys, "--db", village)
    assert code == 1
    assert_one_chinese_line(err)
    assert "程序窗口尚不可用" in err


def test_page_without_screenshot_is_a_usage_error(capsys, village):
    code, _, err = run(capsys, "--db", village, "--page", "issues")
    assert code == 2 and "--screenshot" in err
