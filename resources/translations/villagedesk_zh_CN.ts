<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong that the program did not expect. Everything you saved before is safe in the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The details were written to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <extracomment>set by the reports page: print_hook(ctx, household_uid, parent) prints the household file</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No.</source>
        <translation type="unfinished">编号</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished">状态</translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished">层级</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished">办理时限</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This household no longer exists (it may have been deleted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household file — %1 (no. %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk cleared: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issues (%1, %2 tracking)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aid (%1, total %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation type="unfinished">责任人</translation>
    </message>
    <message>
        <source>Deleted at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted records stay here until restored. Nothing is ever erased.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History of the selected record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask ID numbers on printouts and exports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Village</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Village *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Township</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>County</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatching unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Village committee phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report signers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filled in by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These names are printed at the foot of every ledger and report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work and privacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit reminder after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Households needing attention (监测户, 低保户, 特困户, 独居老人, 留守儿童) not visited for this long are listed on the home page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes effect the next time the program starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Handled at</source>
        <translation>办理层级</translation>
    </message>
    <message>
        <source>Handling mode</source>
        <translation>办理方式</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Escalate / assign</source>
        <translation>上报/转办</translation>
    </message>
</context>
<context>
    <name>ConcludeDialog</name>
    <message>
        <source>Outcome</source>
        <translation>办结方式</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <source>Conclude</source>
        <translation>办结</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Issues collected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Solved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still tracking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished">逾期</translation>
    </message>
    <message>
        <source>Households visited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aid money (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goods handed out (times)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cumulative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No.</source>
        <translation type="unfinished">编号</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished">办理时限</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished">层级</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Households due a visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Village</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — figures for %2 (today %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explained (cannot be solved now): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 visits</source>
        <translation type="unfinished">共 %1 条</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits per month, last 12 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issues solved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issues per month, last 12 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue issues (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Households due a visit (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Follow-up notes</source>
        <translation>回访情况</translation>
    </message>
    <message>
        <source>Follow up and close</source>
        <translation>回访销号</translation>
    </message>
</context>
<context>
    <name>GlobalSearch</name>
    <message>
        <source>Search households and residents: name, zs, ID, phone (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HouseholdForm</name>
    <message>
        <source>New household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household no. *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head of household *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Villager group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished">（无）</translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitoring type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk causes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Living</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HouseholdPicker</name>
    <message>
        <source>Pinyin initials, name, household no. or phone</source>
        <translation>输入拼音首字母、姓名、户编号或电话</translation>
    </message>
    <message>
        <source>%1 (%2 of head %3)</source>
        <translation>%1（户主%3%2）</translation>
    </message>
    <message>
        <source>No household found</source>
        <translation>没有找到农户</translation>
    </message>
</context>
<context>
    <name>HouseholdsPage</name>
    <message>
        <source>Name, pinyin initials (zs), ID digits, phone, no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished">修改</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished">删除</translation>
    </message>
    <message>
        <source>Household file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 households</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No household selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members of %1 (no. %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move household %1 (%2) to the recycle bin? It can be restored there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move %1 to the recycle bin? It can be restored there.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IssueFields</name>
    <message>
        <source>Not yet (only register)</source>
        <translation>暂不转办（仅登记）</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>办理时限</translation>
    </message>
</context>
<context>
    <name>IssueForm</name>
    <message>
        <source>New issue</source>
        <translation>登记问题</translation>
    </message>
    <message>
        <source>Edit issue</source>
        <translation>修改问题</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>农户</translation>
    </message>
    <message>
        <source>Village group</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>反映人</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>诉求事项</translation>
    </message>
    <message>
        <source>Handled at</source>
        <translation>办理层级</translation>
    </message>
    <message>
        <source>Handling mode</source>
        <translation>办理方式</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
</context>
<context>
    <name>IssuesPage</name>
    <message>
        <source>Search number, request, reporter or head (pinyin)</source>
        <translation>搜索编号、诉求事项、反映人或户主（可用拼音）</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>New issue</source>
        <translation>登记问题</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Escalate / assign</source>
        <translation>上报/转办</translation>
    </message>
    <message>
        <source>Record progress</source>
        <translation>记录进展</translation>
    </message>
    <message>
        <source>Conclude</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>Follow up and close</source>
        <translation>回访销号</translation>
    </message>
    <message>
        <source>Handle again</source>
        <translation>重新办理</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>办理过程</translation>
    </message>
    <message>
        <source>Select an issue to see its details</source>
        <translation>请选择一个问题查看详情</translation>
    </message>
    <message>
        <source> (overdue %1 days)</source>
        <extracomment>the tabs, in order: None = all, then the statuses, then overdue</extracomment>
        <translation>（逾期 %1 天）</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>诉求事项</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <source>Reporter</source>
        <translation>反映人</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>农户</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Reporter / head</source>
        <translation>反映人/户主</translation>
    </message>
    <message>
        <source>Village group</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <source>Handled at</source>
        <translation>办理层级</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>办理方式</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>By</source>
        <translation>办理人</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>办理进展</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>办结方式</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>办结日期</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Follow-up notes</source>
        <translation>回访情况</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>%1 issues</source>
        <translation>共 %1 个问题</translation>
    </message>
    <message>
        <source>Delete issue</source>
        <translation>删除问题</translation>
    </message>
    <message>
        <source>Move issue %1 to the recycle bin?</source>
        <translation>把问题 %1 移到回收站吗？</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>VillageDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This page is not available in this version yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backup yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last backup: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(more than a week ago — please back up)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Households &amp; residents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deeds for the people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activities &amp; meetings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team diary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team &amp; contact cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports &amp; export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recycle bin</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Progress</source>
        <translation>办理进展</translation>
    </message>
    <message>
        <source>Record progress</source>
        <translation>记录进展</translation>
    </message>
</context>
<context>
    <name>RecordKind</name>
    <message>
        <source>Team member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Villager group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diary entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restored</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecycleBinPage</name>
    <message>
        <source>%1 deleted records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recycle bin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 records restored.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReopenDialog</name>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Handle again</source>
        <translation>重新办理</translation>
    </message>
</context>
<context>
    <name>ResidentForm</name>
    <message>
        <source>New resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relation to head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>18 digits; gender and birth date are read from it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Education</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labour skill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without an ID number gender and birth date stay empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, born %2, age %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPopup</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language applies after restarting the program.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>%1 — issue %2</source>
        <translation>%1 — 问题 %2</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Done by</source>
        <translation>办理人</translation>
    </message>
</context>
<context>
    <name>VisitForm</name>
    <message>
        <source>New visit</source>
        <extracomment>database path -&gt; the team members ticked on the last visit saved there this session (pre-fills the next visit: the same people usually walk together)</extracomment>
        <translation>新建走访</translation>
    </message>
    <message>
        <source>Edit visit</source>
        <translation>修改走访</translation>
    </message>
    <message>
        <source>(by household)</source>
        <translation>（按农户）</translation>
    </message>
    <message>
        <source>No team members yet (add them on the team page)</source>
        <translation>还没有工作队成员（请在“工作队与联系卡”页添加）</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>走访农户</translation>
    </message>
    <message>
        <source>Or village group</source>
        <translation>或村民小组</translation>
    </message>
    <message>
        <source>Way</source>
        <translation>走访方式</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>走访日期</translation>
    </message>
    <message>
        <source>Visited by</source>
        <translation>走访人员</translation>
    </message>
    <message>
        <source>Family situation / findings</source>
        <translation>家庭基本情况</translation>
    </message>
    <message>
        <source>Difficulties and requests</source>
        <translation>困难和诉求</translation>
    </message>
    <message>
        <source>Handled or explained on the spot</source>
        <translation>现场处置或解释</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Raise an issue from this visit</source>
        <translation>转入问题台账</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>诉求事项</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>反映人</translation>
    </message>
    <message>
        <source>Handled at</source>
        <translation>办理层级</translation>
    </message>
    <message>
        <source>Handling mode</source>
        <translation>办理方式</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Attach photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>No photos</source>
        <translation>没有照片</translation>
    </message>
    <message>
        <source>Attach photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.bmp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.bmp)</translation>
    </message>
    <message>
        <source>Issue raised from this visit: %1</source>
        <translation>本次走访已转入问题台账：%1</translation>
    </message>
    <message>
        <source>%1 photo(s) kept</source>
        <translation>已有照片 %1 张</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <source>Search head (name or pinyin) or what was written</source>
        <extracomment>the long text columns (fixed width, elided; the full text is in the detail pane)</extracomment>
        <translation>搜索户主（姓名或拼音）或走访内容</translation>
    </message>
    <message>
        <source>All ways</source>
        <translation>全部方式</translation>
    </message>
    <message>
        <source>New visit</source>
        <translation>新建走访</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <source>Date range…</source>
        <translation>自定日期…</translation>
    </message>
    <message>
        <source>All team members</source>
        <translation>全部走访人员</translation>
    </message>
    <message>
        <source>%1 visits</source>
        <translation>共 %1 条</translation>
    </message>
    <message>
        <source>Visited by</source>
        <translation>走访人员</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>走访日期</translation>
    </message>
    <message>
        <source>Household / group</source>
        <translation>走访对象</translation>
    </message>
    <message>
        <source>Village group</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <source>Way</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Family situation</source>
        <translation>家庭基本情况</translation>
    </message>
    <message>
        <source>Difficulties and requests</source>
        <translation>困难和诉求</translation>
    </message>
    <message>
        <source>Handled on the spot</source>
        <translation>现场处置或解释</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Issue raised</source>
        <translation>转入问题台账</translation>
    </message>
    <message>
        <source>Select a visit to read it in full</source>
        <translation>选择一条走访记录查看全文</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Delete visit</source>
        <translation>删除走访记录</translation>
    </message>
    <message>
        <source>Move this visit to the recycle bin?</source>
        <translation>把这条走访记录移到回收站吗？</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to VillageDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome! Fill in your village and the first member of the work team to start. You can change all of this later under Settings and Team.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up your village</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>11-digit mobile number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Village *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Township</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>County</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatching unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the village</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the demo village</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A made-up village with a year of work, to look around. Do not mix it with real data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the demo village…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo village</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo village could not be made: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
