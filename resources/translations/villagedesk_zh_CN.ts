<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About VillageDesk</source>
        <extracomment>(name, licence) of the libraries shipped inside the program folder</extracomment>
        <translation>关于驻村工作台</translation>
    </message>
    <message>
        <source>VillageDesk</source>
        <translation>驻村工作台</translation>
    </message>
    <message>
        <source>Offline visits, issue ledger, aid and reports for village work teams</source>
        <translation>驻村工作队的离线走访、问题台账、帮扶慰问和报表工具</translation>
    </message>
    <message>
        <source>Portable: the data stays in the data folder beside the program</source>
        <translation>便携模式：数据保存在程序旁边的 data 文件夹中</translation>
    </message>
    <message>
        <source>Installed: the data is in your user folder</source>
        <translation>安装模式：数据保存在本机用户文件夹中</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>数据文件夹：</translation>
    </message>
    <message>
        <source>Database file:</source>
        <translation>数据库文件：</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>模式：</translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <source>Licences of the software included:</source>
        <translation>所含软件的许可协议：</translation>
    </message>
    <message>
        <source>A database file chosen by you (--db or VILLAGEDESK_DB)</source>
        <translation>自行指定的数据库文件（--db 或 VILLAGEDESK_DB）</translation>
    </message>
    <message>
        <source>Libraries shipped with VillageDesk:</source>
        <translation>随驻村工作台一起提供的软件库：</translation>
    </message>
    <message>
        <source>Qt and PySide6 are used under the GNU LGPL version 3: they are shipped as separate library files in the program folder and may be replaced by compatible versions. Their source code is available from qt.io.</source>
        <translation>Qt 和 PySide6 按 GNU LGPL 第 3 版许可使用：它们以独立的库文件放在程序文件夹中，可以替换为兼容的版本，源代码可从 qt.io 获取。</translation>
    </message>
    <message>
        <source>Bundled font WenQuanYi Micro Hei (used under Apache-2.0):</source>
        <translation>内置字体 文泉驿微米黑（按 Apache-2.0 许可使用）：</translation>
    </message>
</context>
<context>
    <name>ActivitiesPage</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参加人数</translation>
    </message>
    <message>
        <source>Main content</source>
        <translation>主要内容</translation>
    </message>
    <message>
        <source>Search title, place, content</source>
        <translation>搜索主题、地点、内容</translation>
    </message>
    <message>
        <source>New activity</source>
        <translation>新建活动</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>%1 activities, %2 participants</source>
        <translation>%1 次活动，共 %2 人次参加</translation>
    </message>
    <message>
        <source>Move this activity to the recycle bin?</source>
        <translation>将这次活动移入回收站？</translation>
    </message>
</context>
<context>
    <name>ActivityForm</name>
    <message>
        <source>New activity</source>
        <translation>新建活动会议</translation>
    </message>
    <message>
        <source>Edit activity</source>
        <translation>修改活动会议</translation>
    </message>
    <message>
        <source>Date *</source>
        <translation>日期 *</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title *</source>
        <translation>主题 *</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参加人数</translation>
    </message>
    <message>
        <source>Main content</source>
        <translation>主要内容</translation>
    </message>
</context>
<context>
    <name>AidForm</name>
    <message>
        <source>New aid record</source>
        <extracomment>offered in the 困难类别 and 资金来源 boxes (free text is allowed too)</extracomment>
        <translation>新建慰问记录</translation>
    </message>
    <message>
        <source>Edit aid record</source>
        <translation>修改慰问记录</translation>
    </message>
    <message>
        <source>Date *</source>
        <translation>日期 *</translation>
    </message>
    <message>
        <source>Household *</source>
        <translation>慰问对象(户) *</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>具体村民</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Hardship</source>
        <translation>困难类别</translation>
    </message>
    <message>
        <source>Money (yuan)</source>
        <translation>慰问金(元)</translation>
    </message>
    <message>
        <source>e.g. 500 or 1,200.50; empty for goods only</source>
        <translation>如 500 或 1,200.50；只送物品可不填</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>e.g. rice, cooking oil</source>
        <translation>如 大米、食用油</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>e.g. 1 bag of 25 kg, 1 bottle</source>
        <translation>如 1袋(25公斤)、1桶</translation>
    </message>
    <message>
        <source>Funding source</source>
        <translation>资金来源</translation>
    </message>
    <message>
        <source>Given by</source>
        <translation>慰问人</translation>
    </message>
    <message>
        <source>Others</source>
        <translation>其他慰问人</translation>
    </message>
    <message>
        <source>Other people who took part</source>
        <translation>其他参加慰问的人员，用顿号分隔</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>(the household)</source>
        <translation>（整户）</translation>
    </message>
</context>
<context>
    <name>AidPage</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Recipient (head)</source>
        <translation>对象(户主)</translation>
    </message>
    <message>
        <source>Village group</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Hardship</source>
        <translation>困难类别</translation>
    </message>
    <message>
        <source>Money (yuan)</source>
        <translation>慰问金(元)</translation>
    </message>
    <message>
        <source>Goods and quantity</source>
        <translation>物品及数量</translation>
    </message>
    <message>
        <source>Funding source</source>
        <translation>资金来源</translation>
    </message>
    <message>
        <source>Given by</source>
        <translation>慰问人</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Search head (name or pinyin), goods, funding, given by</source>
        <translation>搜索户主（姓名或拼音）、物品、资金来源、慰问人</translation>
    </message>
    <message>
        <source>New aid record</source>
        <translation>新建慰问记录</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Total of the rows shown: %1 records, money %2, goods %3 records</source>
        <translation>合计（当前筛选）：%1 条，慰问金 %2，物资 %3 条</translation>
    </message>
    <message>
        <source>Move this aid record to the recycle bin?</source>
        <translation>将这条慰问记录移入回收站？</translation>
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
    <name>AuditDialog</name>
    <message>
        <source>Change log</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Mask ID numbers</source>
        <translation>隐藏证件号码中间位数</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Choose a row to see every field it changed.</source>
        <translation>选中一行，查看它修改的每一项内容。</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>%1 changes</source>
        <translation>共 %1 条</translation>
    </message>
    <message>
        <source>(the newest; narrow the dates to see older ones)</source>
        <translation>（只显示最新的；缩小日期范围可查看更早的）</translation>
    </message>
    <message>
        <source>Export the change log</source>
        <translation>导出操作日志</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到：%1</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
</context>
<context>
    <name>BackupPanel</name>
    <message>
        <source>Backups and security</source>
        <extracomment>every kind a page may watch: a restore or re-key changes them all</extracomment>
        <translation>备份与数据安全</translation>
    </message>
    <message>
        <source>Back up now…</source>
        <translation>立即备份…</translation>
    </message>
    <message>
        <source>Write a checked copy of all data (photos included) to a folder or USB stick</source>
        <translation>把全部数据（含照片）备份到一个文件夹或U盘，并校验备份</translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <source>Open backups folder</source>
        <translation>打开备份文件夹</translation>
    </message>
    <message>
        <source>Set a password…</source>
        <translation>设置密码…</translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation>修改密码…</translation>
    </message>
    <message>
        <source>Remove password…</source>
        <translation>取消密码…</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>only when a password is set</source>
        <translation>仅在设置了密码时</translation>
    </message>
    <message>
        <source>Change log…</source>
        <translation>操作日志…</translation>
    </message>
    <message>
        <source>Who changed what and when, before and after; export for an inspection</source>
        <translation>谁在什么时候修改了什么、修改前后的内容；可导出备查</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Lock the window after</source>
        <translation>无操作自动锁定</translation>
    </message>
    <message>
        <source>Change log</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <source>The database is protected by a password.</source>
        <translation>数据库已设置密码保护。</translation>
    </message>
    <message>
        <source>No password: anyone with this computer or the file can read the data.</source>
        <translation>未设置密码：拿到这台电脑或数据库文件的人都能看到数据。</translation>
    </message>
    <message>
        <source>Encryption support (sqlcipher3) is not installed on this computer.</source>
        <translation>本机没有安装加密组件（sqlcipher3），无法设置密码。</translation>
    </message>
    <message>
        <source>Choose where to put the backup (e.g. a USB stick)</source>
        <translation>选择备份保存的位置（例如U盘）</translation>
    </message>
    <message>
        <source>Backing up and checking the copy…</source>
        <translation>正在备份并校验…</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>The backup was written and checked:
%1</source>
        <translation>备份已完成并通过校验：
%1</translation>
    </message>
    <message>
        <source>No backup was made: %1</source>
        <translation>备份没有完成：%1</translation>
    </message>
    <message>
        <source>Choose a backup to restore</source>
        <translation>选择要恢复的备份</translation>
    </message>
    <message>
        <source>VillageDesk backups (*.db);;All files (*)</source>
        <translation>驻村工作台备份 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Replace all current data with the backup %1?

The current data is backed up first, so this can be undone by restoring that copy.</source>
        <translation>用备份 %1 替换当前的全部数据吗？

当前数据会先自动备份，恢复那份备份即可撤销这次操作。</translation>
    </message>
    <message>
        <source>The backup was restored.</source>
        <translation>已从备份恢复。</translation>
    </message>
    <message>
        <source>The data from before is kept in %1</source>
        <translation>恢复前的数据已保存在：%1</translation>
    </message>
</context>
<context>
    <name>CardBackDialog</name>
    <message>
        <source>Back of the contact card</source>
        <translation>联系卡背面：常用办事指南</translation>
    </message>
    <message>
        <source>The common procedures printed on the back of each card, one per line as “matter: what to do” (at most %1). Print the back from the reports page or below the card preview, with two-sided printing.</source>
        <translation>印在每张联系卡背面的常用办事指南，每行一项，写成“事项：怎么办”（最多 %1 项）。在“报表导出”页或联系卡预览下方勾选“加印背面”，用双面打印。</translation>
    </message>
    <message>
        <source>Fill in an example</source>
        <translation>填入示例</translation>
    </message>
    <message>
        <source>Replace the text with the usual procedures, to adapt to your county</source>
        <translation>用常见的办事指南替换现有内容，再按本县实际修改</translation>
    </message>
    <message>
        <source>The back as it prints</source>
        <translation>背面打印效果</translation>
    </message>
    <message>
        <source>The back holds at most %1 procedures; there are %2. Remove some.</source>
        <translation>背面最多印 %1 项办事指南，现在有 %2 项，请删去一些。</translation>
    </message>
</context>
<context>
    <name>CardPreview</name>
    <message>
        <source>The card preview needs the PDF renderer (pypdfium2). Print the cards to see them.</source>
        <translation>联系卡预览需要 PDF 渲染组件（pypdfium2）。可直接导出或打印联系卡查看。</translation>
    </message>
    <message>
        <source>Drawing the card…</source>
        <translation>正在生成联系卡预览…</translation>
    </message>
    <message>
        <source>The card as it prints (first of the sheet)</source>
        <extracomment>white around the card in the preview (points), so its cut marks show what a preview draws: given its temp folder (UI thread), the work for a background task</extracomment>
        <translation>打印效果预览（每页第一张）</translation>
    </message>
</context>
<context>
    <name>ChecksDialog</name>
    <message>
        <source>Monitoring checks</source>
        <translation>监测比对核查（一比一派一查一救）</translation>
    </message>
    <message>
        <source>Search name, head, group, list…</source>
        <translation>搜索姓名、户主、村民小组、名单…</translation>
    </message>
    <message>
        <source>List</source>
        <translation>名单</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Village group</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <source>Why listed</source>
        <translation>比对原因</translation>
    </message>
    <message>
        <source>Matched by</source>
        <translation>匹配方式</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Checking visit</source>
        <translation>核查走访</translation>
    </message>
    <message>
        <source>Aid record</source>
        <translation>救助记录</translation>
    </message>
    <message>
        <source>Checked at home…</source>
        <translation>标记已入户核查…</translation>
    </message>
    <message>
        <source>Aid given…</source>
        <translation>纳入救助…</translation>
    </message>
    <message>
        <source>Not eligible…</source>
        <translation>不符合条件…</translation>
    </message>
    <message>
        <source>Household file</source>
        <translation>农户档案</translation>
    </message>
    <message>
        <source>Yellow rows were matched by name only: make sure it is the same person.</source>
        <translation>黄色行是按姓名匹配的，请核对是否为同一人。</translation>
    </message>
    <message>
        <source>Matched by name only — please confirm it is the same person.</source>
        <translation>按姓名匹配（没有身份证号码），请确认是否为同一人。</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>说明：%1</translation>
    </message>
    <message>
        <source>Cannot change the check</source>
        <translation>无法更改核查状态</translation>
    </message>
    <message>
        <source>Checked at home</source>
        <translation>已入户核查</translation>
    </message>
    <message>
        <source>Which visit checked %1 (%2's household)?</source>
        <translation>哪一次走访核查了%1（%2户）？</translation>
    </message>
    <message>
        <source>New visit…</source>
        <translation>新建走访记录…</translation>
    </message>
    <message>
        <source>Aid given</source>
        <translation>纳入救助</translation>
    </message>
    <message>
        <source>Which aid record helped %1 (%2's household)?</source>
        <translation>哪一条帮扶慰问记录救助了%1（%2户）？</translation>
    </message>
    <message>
        <source>New aid record…</source>
        <translation>新建帮扶慰问记录…</translation>
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
        <extracomment>what a tile shows until its figure has been computed the lists and charts load just after the window's first paint, not competing with it</extracomment>
        <translation>收集问题</translation>
    </message>
    <message>
        <source>Solved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Still tracking</source>
        <translation>跟踪办理</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Households visited</source>
        <translation>走访农户</translation>
    </message>
    <message>
        <source>Aid money (yuan)</source>
        <translation>慰问金（元）</translation>
    </message>
    <message>
        <source>Goods handed out (times)</source>
        <translation>慰问品（次）</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Cumulative</source>
        <translation>累计</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>办理层级</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>诉求事项</translation>
    </message>
    <message>
        <source>Household no.</source>
        <translation>户编号</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>最近走访</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未走访</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>关注原因</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Overdue issues</source>
        <translation>逾期问题</translation>
    </message>
    <message>
        <source>Households due a visit</source>
        <translation>待走访农户</translation>
    </message>
    <message>
        <source>Recent activity</source>
        <translation>最近动态</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>本村</translation>
    </message>
    <message>
        <source>%1 — figures for %2 (today %3)</source>
        <translation>%1 — %2工作数据（今天 %3）</translation>
    </message>
    <message>
        <source>Explained (cannot be solved now): %1</source>
        <translation>已解释（暂不能解决）：%1</translation>
    </message>
    <message>
        <source>%1 visits</source>
        <translation>走访 %1 次</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>走访次数</translation>
    </message>
    <message>
        <source>Visits per month, last 12 months</source>
        <translation>近12个月每月走访次数</translation>
    </message>
    <message>
        <source>Issues solved</source>
        <translation>解决问题</translation>
    </message>
    <message>
        <source>Issues per month, last 12 months</source>
        <translation>近12个月每月问题收集与解决</translation>
    </message>
    <message>
        <source>Overdue issues (%1)</source>
        <translation>逾期问题（%1）</translation>
    </message>
    <message>
        <source>Households due a visit (%1)</source>
        <translation>待走访农户（%1）</translation>
    </message>
</context>
<context>
    <name>DeedForm</name>
    <message>
        <source>New deed</source>
        <translation>新建为民办实事</translation>
    </message>
    <message>
        <source>Edit deed</source>
        <translation>修改为民办实事</translation>
    </message>
    <message>
        <source>Deed *</source>
        <translation>事项名称 *</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>具体举措</translation>
    </message>
    <message>
        <source>Expected goal</source>
        <translation>预期目标</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>设定</translation>
    </message>
    <message>
        <source>Handling mode</source>
        <translation>办理方式</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>完成情况</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进展情况</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>Households (people) benefiting</source>
        <translation>受益户(人)数</translation>
    </message>
    <message>
        <source>Investment (yuan)</source>
        <translation>投入资金(元)</translation>
    </message>
    <message>
        <source>e.g. 12000 or 1.2万</source>
        <translation>如 12000 或 1.2万</translation>
    </message>
</context>
<context>
    <name>DeedsPage</name>
    <message>
        <source>Search deed, area, measures, responsible</source>
        <translation>搜索事项、领域、举措、责任人</translation>
    </message>
    <message>
        <source>New deed</source>
        <translation>新建实事</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Select a deed to read it in full</source>
        <translation>选择一项实事查看详情</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>Status</source>
        <extracomment>status colours: done green, ongoing blue, not started grey; late ones red</extracomment>
        <translation>完成情况</translation>
    </message>
    <message>
        <source>Deed</source>
        <translation>事项名称</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>具体举措</translation>
    </message>
    <message>
        <source>Expected goal</source>
        <translation>预期目标</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Handling mode</source>
        <translation>办理方式</translation>
    </message>
    <message>
        <source>Investment (yuan)</source>
        <translation>投入资金(元)</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进展情况</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>Beneficiaries</source>
        <translation>受益户(人)数</translation>
    </message>
    <message>
        <source>Investment</source>
        <translation>投入资金</translation>
    </message>
    <message>
        <source>%1 items, %2 done</source>
        <translation>共 %1 项，已完成 %2 项</translation>
    </message>
    <message>
        <source>, %1 late</source>
        <translation>，逾期 %1 项</translation>
    </message>
    <message>
        <source>Move this deed to the recycle bin?</source>
        <translation>将这项实事移入回收站？</translation>
    </message>
</context>
<context>
    <name>DiaryForm</name>
    <message>
        <source>New diary entry</source>
        <translation>写驻村日志</translation>
    </message>
    <message>
        <source>Edit diary entry</source>
        <translation>修改驻村日志</translation>
    </message>
    <message>
        <source>Date *</source>
        <translation>日期 *</translation>
    </message>
    <message>
        <source>Team member *</source>
        <translation>人员 *</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>在村/外出/请假</translation>
    </message>
    <message>
        <source>Work done</source>
        <translation>工作内容</translation>
    </message>
</context>
<context>
    <name>DiaryPage</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>在村/外出/请假</translation>
    </message>
    <message>
        <source>Work done</source>
        <translation>工作内容</translation>
    </message>
    <message>
        <source>week of %1: %2 days</source>
        <translation>%1起的一周：%2天</translation>
    </message>
    <message>
        <source>Days in village</source>
        <translation>在村天数</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>外出</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <source>Weeks under 5 days</source>
        <translation>在村不足5天的周</translation>
    </message>
    <message>
        <source>Search work done</source>
        <translation>搜索工作内容</translation>
    </message>
    <message>
        <source>New diary entry</source>
        <translation>写日志</translation>
    </message>
    <message>
        <source>All team members</source>
        <translation>全部队员</translation>
    </message>
    <message>
        <source>Teams live in the village five days and four nights a week; full weeks with fewer than %1 days in the village are marked red.</source>
        <translation>驻村工作队每周应驻村五天四夜；整周在村不足 %1 天的以红色标出。</translation>
    </message>
    <message>
        <source>Days in the village, %1</source>
        <translation>%1 在村天数</translation>
    </message>
    <message>
        <source>Move this diary entry to the recycle bin?</source>
        <translation>将这条日志移入回收站？</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something went wrong that the program did not expect. Everything you saved before is safe in the database.</source>
        <translation>程序遇到了一个意外问题。之前保存的内容都安全地保存在数据库中，不会丢失。</translation>
    </message>
    <message>
        <source>The details were written to %1</source>
        <translation>详细信息已写入 %1</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Step 1 of 5: choose the file</source>
        <extracomment>departments that send comparison lists (suggestions; any text is accepted)</extracomment>
        <translation>第 1 步（共 5 步）：选择文件</translation>
    </message>
    <message>
        <source>Excel (.xlsx, .xls) or CSV. Title rows, two-row headers and totals rows are fine.</source>
        <translation>Excel（.xlsx、.xls）或 CSV 文件。有标题行、两行表头、合计行都没关系。</translation>
    </message>
    <message>
        <source>The spreadsheet to import</source>
        <translation>要导入的表格文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Households (one row per household)</source>
        <translation>农户（每户一行）</translation>
    </message>
    <message>
        <source>Residents (one row per person)</source>
        <translation>村民（每人一行）</translation>
    </message>
    <message>
        <source>Visit records</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <source>Issue ledger</source>
        <translation>问题台账</translation>
    </message>
    <message>
        <source>Aid handed out</source>
        <translation>帮扶慰问</translation>
    </message>
    <message>
        <source>Monitoring list (一比一派一查一救)</source>
        <translation>监测比对名单（一比一派一查一救）</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>What the file holds</source>
        <translation>表格内容</translation>
    </message>
    <message>
        <source>Monitoring list</source>
        <translation>监测比对名单</translation>
    </message>
    <message>
        <source>Which department sent the list</source>
        <translation>哪个部门发来的名单</translation>
    </message>
    <message>
        <source>e.g. medical costs over 5,000 yuan</source>
        <translation>如：医疗费用超5000元人员</translation>
    </message>
    <message>
        <source>Source (department) *</source>
        <translation>名单来源（部门）*</translation>
    </message>
    <message>
        <source>Date of the list</source>
        <translation>名单日期</translation>
    </message>
    <message>
        <source>Name of the list</source>
        <translation>名单名称</translation>
    </message>
    <message>
        <source>Nothing is written until the last step. Rows with problems are listed with the reason and can be saved to a workbook, fixed and imported again.</source>
        <translation>到最后一步才会写入。有问题的行会列出原因，可以另存为表格，改好后再导入。</translation>
    </message>
    <message>
        <source>Choose a spreadsheet</source>
        <translation>选择表格文件</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls *.csv);;All files (*)</source>
        <translation>表格文件 (*.xlsx *.xls *.csv);;所有文件 (*)</translation>
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
        <translation>搜索农户和村民：姓名、拼音首字母(zs)、身份证号、电话（Ctrl+F）</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>没有找到</translation>
    </message>
    <message>
        <source>Household of %1</source>
        <translation>%1户</translation>
    </message>
</context>
<context>
    <name>HouseholdFileDialog</name>
    <message>
        <source>Date</source>
        <extracomment>set by the reports page: print_hook(ctx, household_uid, parent) prints the household file</extracomment>
        <translation>日期</translation>
    </message>
    <message>
        <source>Way</source>
        <translation>走访方式</translation>
    </message>
    <message>
        <source>What was found</source>
        <translation>了解到的情况</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>困难和诉求</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>现场处置或解释</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>办理层级</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>诉求事项</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Money</source>
        <translation>慰问金</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>物品及数量</translation>
    </message>
    <message>
        <source>Given by</source>
        <translation>慰问人</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Household file</source>
        <translation>一户一档</translation>
    </message>
    <message>
        <source>This household no longer exists (it may have been deleted).</source>
        <translation>该农户已不存在（可能已被删除）。</translation>
    </message>
    <message>
        <source>Household file — %1 (no. %2)</source>
        <translation>一户一档 — %1户（户编号 %2）</translation>
    </message>
    <message>
        <source>No. %1</source>
        <translation>户编号 %1</translation>
    </message>
    <message>
        <source>Phone %1</source>
        <translation>电话 %1</translation>
    </message>
    <message>
        <source>%1 members</source>
        <translation>%1 人</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>住址：%1</translation>
    </message>
    <message>
        <source>Risk cleared: %1</source>
        <translation>风险是否消除：%1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Members (%1)</source>
        <translation>家庭成员（%1）</translation>
    </message>
    <message>
        <source>Visits (%1)</source>
        <translation>走访记录（%1）</translation>
    </message>
    <message>
        <source>Issues (%1, %2 tracking)</source>
        <translation>问题台账（%1，跟踪 %2）</translation>
    </message>
    <message>
        <source>Aid (%1, total %2)</source>
        <translation>帮扶慰问（%1，合计 %2）</translation>
    </message>
</context>
<context>
    <name>HouseholdForm</name>
    <message>
        <source>New household</source>
        <translation>新建农户</translation>
    </message>
    <message>
        <source>Edit household</source>
        <translation>修改农户</translation>
    </message>
    <message>
        <source>Household no. *</source>
        <translation>户编号 *</translation>
    </message>
    <message>
        <source>Head of household *</source>
        <translation>户主姓名 *</translation>
    </message>
    <message>
        <source>Villager group</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Household phone</source>
        <translation>户联系电话</translation>
    </message>
    <message>
        <source>Household type</source>
        <translation>户类型</translation>
    </message>
    <message>
        <source>Monitoring type</source>
        <translation>监测对象类型</translation>
    </message>
    <message>
        <source>Risk causes</source>
        <translation>风险类型</translation>
    </message>
    <message>
        <source>Living</source>
        <translation>居住情况</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
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
        <source>Household no.</source>
        <translation>户编号</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>户类型</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>最近走访</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康状况</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>关注类别</translation>
    </message>
    <message>
        <source>Name, pinyin initials (zs), ID digits, phone, no.</source>
        <translation>姓名、拼音首字母(zs)、身份证号、电话、户编号</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部户类型</translation>
    </message>
    <message>
        <source>New household</source>
        <translation>新建农户</translation>
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
        <source>Household file</source>
        <translation>一户一档</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <source>Edit member</source>
        <translation>修改成员</translation>
    </message>
    <message>
        <source>Delete member</source>
        <translation>删除成员</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>全部村民小组</translation>
    </message>
    <message>
        <source>%1 of %2 households</source>
        <translation>%1 / %2 户</translation>
    </message>
    <message>
        <source>No household selected</source>
        <translation>未选择农户</translation>
    </message>
    <message>
        <source>Members of %1 (no. %2)</source>
        <translation>%1户家庭成员（户编号 %2）</translation>
    </message>
    <message>
        <source>Delete household</source>
        <translation>删除农户</translation>
    </message>
    <message>
        <source>Move household %1 (%2) to the recycle bin? It can be restored there.</source>
        <translation>把 %1户（户编号 %2）移到回收站吗？以后可以在回收站恢复。</translation>
    </message>
    <message>
        <source>Move %1 to the recycle bin? It can be restored there.</source>
        <translation>把 %1 移到回收站吗？以后可以在回收站恢复。</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <source>add</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>not imported</source>
        <translation>未导入</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>imported, please check</source>
        <translation>已导入，请核对</translation>
    </message>
    <message>
        <source>not matched</source>
        <translation>未匹配</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import data</source>
        <extracomment>an import writing at least this many rows (or updating any) is preceded by a backup the kinds in the order the wizard offers them which pages refresh after an import of each kind what the background tasks import. PySide6 hooks every import (it reads the module's source for its __feature__ switch); doing that on a worker thread while the UI thread runs Python crashed the interpreter ("deallocating None"), so these are imported on the UI thread first.</extracomment>
        <translation>导入数据</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>下一步 &gt;</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; 上一步</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>IssueFields</name>
    <message>
        <source>Not yet (only register)</source>
        <translation>暂不转办（仅登记）</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>设定</translation>
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
        <source>Show all issues again</source>
        <translation>取消此筛选，显示全部问题</translation>
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
        <extracomment>rows loaded at most for a tab, category or figure (a village has a few hundred issues); the search box filters the loaded rows in memory and the label says when the cap cut some off the tabs, in order: None = all, then the statuses, then overdue</extracomment>
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
        <source>%1 of the first %2 issues match; pick a tab to search the others</source>
        <translation>前 %2 条中有 %1 条符合；选择状态标签可查找其余问题</translation>
    </message>
    <message>
        <source>First %1 shown; narrow the filter to see the others</source>
        <translation>显示前 %1 个，其余的请缩小筛选范围</translation>
    </message>
    <message>
        <source>%1 of %2 issues</source>
        <translation>%1 / %2 条问题</translation>
    </message>
    <message>
        <source>%1 issues</source>
        <translation>共 %1 个问题</translation>
    </message>
    <message>
        <source>collected</source>
        <translation>收集问题</translation>
    </message>
    <message>
        <source>solved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>explained</source>
        <translation>已解释</translation>
    </message>
    <message>
        <source>still tracking</source>
        <translation>持续跟踪</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Cumulative</source>
        <translation>累计</translation>
    </message>
    <message>
        <source>Dashboard figure: %1 %2</source>
        <translation>首页数字：%1 %2</translation>
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
    <name>ListPage</name>
    <message>
        <source>Edit</source>
        <extracomment>widest a long text column starts (the tooltip and the form show it in full) the repository attribute of ``ctx.db`` (``"aid"``, ``"deeds"`` …) the kind passed to ``ctx.notify`` after a change columns that hold long text (width capped once after the first load) whether the bar has a period (month / date range) filter widest a long text column starts</extracomment>
        <translation>修改</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Move this record to the recycle bin?</source>
        <translation>将这条记录移入回收站？</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <source>Date range…</source>
        <translation>日期范围…</translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>%1 条</translation>
    </message>
</context>
<context>
    <name>LockCover</name>
    <message>
        <source>Locked</source>
        <extracomment>how often the idle time is looked at (a lock may come this much late)</extracomment>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>The window was locked after a while without use, to protect the villagers' personal information. Enter the database password to go on.</source>
        <translation>较长时间没有操作，为保护村民个人信息，窗口已锁定。请输入数据库密码继续使用。</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>VillageDesk</source>
        <extracomment>emitted once, just after the window's first paint (work that can wait for it)</extracomment>
        <translation>驻村工作台</translation>
    </message>
    <message>
        <source>This page is not available in this version yet.</source>
        <translation>此页面在当前版本中尚未提供。</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Import data…</source>
        <translation>导入数据…</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Today: %1</source>
        <translation>今天：%1</translation>
    </message>
    <message>
        <source>No backup yet</source>
        <translation>尚无备份</translation>
    </message>
    <message>
        <source>Last backup: %1</source>
        <translation>上次备份：%1</translation>
    </message>
    <message>
        <source>(more than a week ago — please back up)</source>
        <translation>（已超过一周，请及时备份）</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Step 3 of 5: check the columns</source>
        <translation>第 3 步（共 5 步）：核对各列</translation>
    </message>
    <message>
        <source>Each column of the file and the field it fills. Change a field if it is wrong.</source>
        <translation>表格的每一列以及导入为哪一项。不对的可以改。</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Header in the file</source>
        <translation>表格中的列名</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>第一行的值</translation>
    </message>
    <message>
        <source>Imported as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>Recognised</source>
        <translation>识别情况</translation>
    </message>
    <message>
        <source>Recognised as the national poverty-monitoring system's household export: the columns were matched automatically.</source>
        <translation>已识别为全国防返贫监测信息系统导出表，各列已自动对应。</translation>
    </message>
    <message>
        <source>Using the columns you set for a file of this shape last time.</source>
        <translation>使用上次为同样格式的表格设置的对应关系。</translation>
    </message>
    <message>
        <source>The header is in row %1. Columns were matched by their names.</source>
        <translation>表头在第 %1 行，已按列名自动对应。</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>Still needed: %1 — choose the column that holds it.</source>
        <translation>还缺少：%1——请指定是哪一列。</translation>
    </message>
    <message>
        <source>not used</source>
        <translation>不导入</translation>
    </message>
    <message>
        <source>set by you</source>
        <translation>手动指定</translation>
    </message>
    <message>
        <source>remembered</source>
        <translation>上次的设置</translation>
    </message>
    <message>
        <source>exact (%1)</source>
        <translation>完全匹配（%1）</translation>
    </message>
    <message>
        <source>close (%1)</source>
        <translation>相近（%1）</translation>
    </message>
    <message>
        <source>please check (%1)</source>
        <translation>请核对（%1）</translation>
    </message>
</context>
<context>
    <name>NotEligibleDialog</name>
    <message>
        <source>Not eligible</source>
        <translation>不符合条件</translation>
    </message>
    <message>
        <source>Why does %1 not qualify?</source>
        <translation>%1为什么不符合条件？</translation>
    </message>
    <message>
        <source>e.g. costs already covered by insurance; income above the line</source>
        <translation>如：费用已由大病保险报销；收入高于标准</translation>
    </message>
</context>
<context>
    <name>OpenChecksLabel</name>
    <message>
        <source>Monitoring lists (一比一派一查一救): people the team must check</source>
        <extracomment>changes of these record kinds can change the number of open checks</extracomment>
        <translation>监测比对名单（一比一派一查一救）：需要入户核查的人</translation>
    </message>
    <message>
        <source>Checks: …</source>
        <translation>核查：…</translation>
    </message>
    <message>
        <source>%1 people to check at home ›</source>
        <translation>待核查 %1 人 ›</translation>
    </message>
    <message>
        <source>No open monitoring checks ›</source>
        <translation>没有待核查的人 ›</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Households &amp; residents</source>
        <translation>农户与村民</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <source>Issue ledger</source>
        <translation>问题台账</translation>
    </message>
    <message>
        <source>Aid</source>
        <translation>帮扶慰问</translation>
    </message>
    <message>
        <source>Deeds for the people</source>
        <translation>为民办实事</translation>
    </message>
    <message>
        <source>Activities &amp; meetings</source>
        <translation>活动会议</translation>
    </message>
    <message>
        <source>Team diary</source>
        <translation>驻村日志</translation>
    </message>
    <message>
        <source>Team &amp; contact cards</source>
        <translation>工作队与联系卡</translation>
    </message>
    <message>
        <source>Reports &amp; export</source>
        <translation>报表导出</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Recycle bin</source>
        <translation>回收站</translation>
    </message>
</context>
<context>
    <name>PasswordChangeDialog</name>
    <message>
        <source>Set a password</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <source>Change the password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Remove the password</source>
        <translation>取消密码</translation>
    </message>
    <message>
        <source>Without a password, anyone who gets this computer or the database file can read the villagers' personal information.</source>
        <translation>取消密码后，任何拿到这台电脑或数据库文件的人都能看到村民的个人信息。</translation>
    </message>
    <message>
        <source>Write the password down and keep it somewhere safe. A forgotten password cannot be recovered by anyone: without it the data (and its backups made from now on) cannot be opened. Backups made before stay without a password: delete them or keep them somewhere safe.</source>
        <translation>请把密码写下来妥善保管。密码忘记后任何人都无法找回：没有密码，数据（以及今后的备份）都打不开。以前做的备份仍然没有密码，请删除或妥善保管。</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>at least %1 characters</source>
        <translation>至少 %1 个字符</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Database password</source>
        <translation>数据库密码</translation>
    </message>
    <message>
        <source>This database is protected by a password. Enter it to open:
%1</source>
        <translation>这个数据库设置了密码，请输入密码打开：
%1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>PhotoPicker</name>
    <message>
        <source>Choose photo…</source>
        <extracomment>largest photo file accepted (a phone photo is 3–8 MB)</extracomment>
        <translation>选择照片…</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>移除照片</translation>
    </message>
    <message>
        <source>The centre square is kept</source>
        <translation>保留照片中间的正方形部分</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>无照片</translation>
    </message>
    <message>
        <source>Choose a photo</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.bmp *.gif *.webp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.bmp *.gif *.webp)</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Step 4 of 5: check the rows</source>
        <translation>第 4 步（共 5 步）：检查各行</translation>
    </message>
    <message>
        <source>The first rows with their problems; every row is being checked below.</source>
        <translation>先显示前几行及其问题，下方正在检查全部行。</translation>
    </message>
    <message>
        <source>skip them</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>update the stored record</source>
        <translation>更新已有记录</translation>
    </message>
    <message>
        <source>keep both</source>
        <translation>保留两条</translation>
    </message>
    <message>
        <source>Rows already in the database (same ID number or number):</source>
        <translation>已有的记录（身份证号码或编号相同）：</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>匹配</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>正在检查全部行…</translation>
    </message>
    <message>
        <source>Read %1 rows…</source>
        <translation>已读取 %1 行…</translation>
    </message>
    <message>
        <source>All %1 rows checked.</source>
        <translation>全部 %1 行已检查。</translation>
    </message>
    <message>
        <source>To add: %1 · to update: %2 · skipped: %3 · refused: %4</source>
        <translation>新增 %1 · 更新 %2 · 跳过 %3 · 拒绝 %4</translation>
    </message>
    <message>
        <source>(%1 blank, totals or note rows left out)</source>
        <translation>（空行、合计行、说明行共 %1 行不导入）</translation>
    </message>
    <message>
        <source>Nothing can be imported from this file.</source>
        <translation>这个文件没有可以导入的行。</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>The printer could not be started</source>
        <extracomment>highest resolution pages are rasterised at for printing (dpi)</extracomment>
        <translation>无法启动打印机</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Print preview is not available on this computer. Open the PDF file to print it from the PDF reader?</source>
        <translation>本机无法显示打印预览。是否用 PDF 阅读器打开文件进行打印？</translation>
    </message>
    <message>
        <source>Print preview — %1</source>
        <translation>打印预览 — %1</translation>
    </message>
    <message>
        <source>The file could not be printed: %1</source>
        <translation>无法打印该文件：%1</translation>
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
        <translation>工作队成员</translation>
    </message>
    <message>
        <source>Villager group</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>农户</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>村民</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Aid</source>
        <translation>帮扶慰问</translation>
    </message>
    <message>
        <source>Deed</source>
        <translation>为民办实事</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活动会议</translation>
    </message>
    <message>
        <source>Diary entry</source>
        <translation>驻村日志</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>created</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>恢复</translation>
    </message>
</context>
<context>
    <name>RecycleBinPage</name>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Deleted at</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>涉及字段</translation>
    </message>
    <message>
        <source>Restore selected</source>
        <translation>恢复所选</translation>
    </message>
    <message>
        <source>Deleted records stay here until restored. Nothing is ever erased.</source>
        <translation>删除的记录保存在这里，随时可以恢复，不会被彻底清除。</translation>
    </message>
    <message>
        <source>Change log…</source>
        <translation>修改记录…</translation>
    </message>
    <message>
        <source>History of the selected record</source>
        <translation>所选记录的修改历史</translation>
    </message>
    <message>
        <source>%1 deleted records</source>
        <translation>共 %1 条已删除记录</translation>
    </message>
    <message>
        <source>Recycle bin</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>%1 records restored.</source>
        <translation>已恢复 %1 条记录。</translation>
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
    <name>ReportsPage</name>
    <message>
        <source>Writing %1…</source>
        <extracomment>the module each output's writer lives in (imported before its background task starts)</extracomment>
        <translation>正在生成%1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF file (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Save %1</source>
        <translation>保存%1</translation>
    </message>
    <message>
        <source>Export done</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <source>Saved %1.
Open the folder?</source>
        <translation>已保存：%1
打开所在文件夹？</translation>
    </message>
    <message>
        <source>Hide the middle digits of ID numbers</source>
        <translation>隐藏身份证号中间位</translation>
    </message>
    <message>
        <source>One card per household (with head and number)</source>
        <translation>每户一张（印户主姓名和户编号）</translation>
    </message>
    <message>
        <source>Print the back too (common procedures, two-sided)</source>
        <translation>加印背面（常用办事指南，双面打印）</translation>
    </message>
    <message>
        <source>Month and options</source>
        <translation>月份与选项</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Household file of</source>
        <translation>一户一档</translation>
    </message>
    <message>
        <source>(empty: all households)</source>
        <translation>（不填＝全部农户）</translation>
    </message>
    <message>
        <source>Contact cards</source>
        <translation>便民联系卡</translation>
    </message>
    <message>
        <source>Monthly ledger</source>
        <translation>月度台账</translation>
    </message>
    <message>
        <source>Excel workbook: summary, visits, issues, aid, deeds, activities, diary</source>
        <translation>Excel 工作簿：汇总、走访台账、问题台账、帮扶慰问、为民办实事、活动会议、驻村日志</translation>
    </message>
    <message>
        <source>Monthly work report</source>
        <translation>月度工作报告</translation>
    </message>
    <message>
        <source>PDF: figures, chart, issues, aid, deeds, activities</source>
        <translation>PDF：数据汇总、图表、问题办理、帮扶慰问、为民办实事、活动会议</translation>
    </message>
    <message>
        <source>Household files</source>
        <translation>一户一档</translation>
    </message>
    <message>
        <source>PDF: one household per page (all, or the one picked above)</source>
        <translation>PDF：每户一页（全部农户，或上面选定的一户）</translation>
    </message>
    <message>
        <source>Aid sign-off sheet</source>
        <translation>慰问金发放登记表</translation>
    </message>
    <message>
        <source>PDF: the month's aid with a signature column</source>
        <translation>PDF：本月慰问金/物资发放，带领取人签字栏</translation>
    </message>
    <message>
        <source>PDF: eight cards to an A4 sheet with cut marks, or one per household</source>
        <translation>PDF：每张 A4 八张卡片带裁切线，或每户一张</translation>
    </message>
    <message>
        <source>Files for the township</source>
        <translation>报送乡镇的文件</translation>
    </message>
    <message>
        <source>Save as file…</source>
        <translation>导出文件…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Files are written to a temporary file first and only then put in place, so a failed export never leaves half a file.</source>
        <translation>文件先写入临时文件，完成后才替换目标文件，导出失败不会留下残缺文件。</translation>
    </message>
</context>
<context>
    <name>ResidentForm</name>
    <message>
        <source>New resident</source>
        <translation>添加村民</translation>
    </message>
    <message>
        <source>Edit resident</source>
        <translation>修改村民</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>所属农户</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <source>Relation to head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>18 digits; gender and birth date are read from it</source>
        <translation>18位，性别和出生日期将自动识别</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>文化程度</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康状况</translation>
    </message>
    <message>
        <source>Labour skill</source>
        <translation>劳动技能</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>关注类别</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Without an ID number gender and birth date stay empty.</source>
        <translation>未填身份证号码时，性别和出生日期为空。</translation>
    </message>
    <message>
        <source>%1, born %2, age %3</source>
        <translation>%1，%2出生，%3岁</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>Step 5 of 5: import</source>
        <extracomment>report keys (tables written) → their name in the summary</extracomment>
        <translation>第 5 步（共 5 步）：导入</translation>
    </message>
    <message>
        <source>Every valid row is written in one step: all of them, or none if anything fails.</source>
        <translation>所有有效的行一次写入：要么全部导入，出错时一行也不导入。</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Save the refused rows…</source>
        <translation>保存未导入的行…</translation>
    </message>
    <message>
        <source>A workbook of the refused rows with a reason column: fix it and import it again</source>
        <translation>把未导入的行连同原因存为表格，改好后可以再导入</translation>
    </message>
    <message>
        <source>Open the check tasks…</source>
        <translation>查看核查任务…</translation>
    </message>
    <message>
        <source>Importing… (all rows or none)</source>
        <translation>正在导入…（全部导入或全部不导入）</translation>
    </message>
    <message>
        <source>Done: %1 rows added (%2), %3 updated, %4 skipped, %5 not imported.</source>
        <translation>导入完成：新增 %1 行（%2），更新 %3 行，跳过 %4 行，未导入 %5 行。</translation>
    </message>
    <message>
        <source>Matched by ID number: %1 · by name (please confirm): %2 · unmatched: %3</source>
        <translation>身份证号码匹配 %1 人 · 按姓名匹配（待确认）%2 人 · 未匹配 %3 人</translation>
    </message>
    <message>
        <source>A backup was made first: %1</source>
        <translation>导入前已备份：%1</translation>
    </message>
    <message>
        <source>Nothing was imported: the database is unchanged.</source>
        <translation>没有导入任何数据，数据库没有改变。</translation>
    </message>
    <message>
        <source>The import was stopped.</source>
        <translation>导入已停止。</translation>
    </message>
    <message>
        <source>Save the refused rows</source>
        <translation>保存未导入的行</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>%1 rows saved to %2</source>
        <translation>已保存 %1 行到 %2</translation>
    </message>
</context>
<context>
    <name>RuleTable</name>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Header in the form</source>
        <translation>表格里的表头</translation>
    </message>
    <message>
        <source>Filled with</source>
        <translation>填入</translation>
    </message>
    <message>
        <source>Fixed text</source>
        <translation>固定文字</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>空（不填）</translation>
    </message>
    <message>
        <source>Running number</source>
        <translation>序号（1、2、3…）</translation>
    </message>
    <message>
        <source>Fixed text →</source>
        <translation>固定文字 →</translation>
    </message>
    <message>
        <source>Same text in every row</source>
        <translation>每行填同样的文字</translation>
    </message>
    <message>
        <source>Column %1 gets a fixed text: type it in, or choose another rule.</source>
        <translation>第 %1 列选了“固定文字”，请在右边填写文字，或改选别的填法。</translation>
    </message>
</context>
<context>
    <name>Safety</name>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <extracomment>background checks wait this long after start, so the first seconds belong to the user</extracomment>
        <translation>数据库文件已损坏</translation>
    </message>
    <message>
        <source>The damaged file was kept as %1</source>
        <translation>损坏的文件已保留为：%1</translation>
    </message>
    <message>
        <source>Restore the backup of %1 now?</source>
        <translation>现在恢复 %1 的备份吗？</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>恢复失败</translation>
    </message>
    <message>
        <source>A check found damage in the database file. Keep the damaged file aside and restore the newest backup now? (Recommended; otherwise keep working carefully and make a backup.)</source>
        <translation>检查发现数据库文件有损坏。是否把损坏的文件保留在一旁，并立即恢复最近的备份？（建议恢复；否则请谨慎操作并尽快备份。）</translation>
    </message>
    <message>
        <source>The database file is read-only: you can look, but not save.</source>
        <translation>数据库文件是只读的，只能查看，不能保存</translation>
    </message>
</context>
<context>
    <name>SearchPopup</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <source>Household no.</source>
        <translation>户编号</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Mask ID numbers on printouts and exports</source>
        <translation>打印和导出时隐藏身份证号码中间位数</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村情信息</translation>
    </message>
    <message>
        <source>Village *</source>
        <translation>村名 *</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>County</source>
        <translation>县（市、区）</translation>
    </message>
    <message>
        <source>Dispatching unit</source>
        <translation>派出单位</translation>
    </message>
    <message>
        <source>Village committee phone</source>
        <translation>村委会电话</translation>
    </message>
    <message>
        <source>Report signers</source>
        <translation>报表签字人</translation>
    </message>
    <message>
        <source>Filled in by</source>
        <translation>填报人</translation>
    </message>
    <message>
        <source>Reviewed by</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>These names are printed at the foot of every ledger and report.</source>
        <translation>这些姓名印在每份台账和报表的末尾。</translation>
    </message>
    <message>
        <source>Work and privacy</source>
        <translation>工作与隐私</translation>
    </message>
    <message>
        <source>Visit reminder after</source>
        <translation>走访提醒天数</translation>
    </message>
    <message>
        <source>Households needing attention (监测户, 低保户, 特困户, 独居老人, 留守儿童) not visited for this long are listed on the home page.</source>
        <translation>需重点关注的农户（监测户、低保户、特困户、独居老人、留守儿童）超过此天数未走访时，会列在首页。</translation>
    </message>
    <message>
        <source>Takes effect the next time the program starts.</source>
        <translation>下次启动程序时生效。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Database file: %1</source>
        <translation>数据库文件：%1</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>撤销修改</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <source>The new language applies after restarting the program.</source>
        <translation>新的界面语言将在重新启动程序后生效。</translation>
    </message>
</context>
<context>
    <name>SheetPage</name>
    <message>
        <source>Step 2 of 5: choose the sheet</source>
        <translation>第 2 步（共 5 步）：选择工作表</translation>
    </message>
    <message>
        <source>This workbook has several sheets. Which one holds the table?</source>
        <translation>这个工作簿有多个工作表，要导入哪一个？</translation>
    </message>
</context>
<context>
    <name>StartUp</name>
    <message>
        <source>Cannot open the database</source>
        <extracomment>what the window needs at startup that does not import Qt (see run_app) pages load some parts just after their first paint; a screenshot waits for them</extracomment>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Use the newest good backup (%1)</source>
        <translation>使用最新的完好备份（%1）</translation>
    </message>
    <message>
        <source>The damaged file will be kept beside it, renamed, so nothing is lost.</source>
        <translation>损坏的文件会改名保留在原处，不会丢失。</translation>
    </message>
    <message>
        <source>Choose another file…</source>
        <translation>选择其他文件…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Choose a database</source>
        <translation>选择数据库</translation>
    </message>
    <message>
        <source>VillageDesk database (*.db);;All files (*)</source>
        <translation>驻村工作台数据库 (*.db);;所有文件 (*)</translation>
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
    <name>TeamMemberForm</name>
    <message>
        <source>New team member</source>
        <translation>新增工作队成员</translation>
    </message>
    <message>
        <source>Edit team member</source>
        <translation>修改工作队成员</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>Area (village cadres)</source>
        <translation>负责片区（村干部）</translation>
    </message>
    <message>
        <source>e.g. groups 1–3</source>
        <translation>如 一组至三组</translation>
    </message>
    <message>
        <source>In the village from</source>
        <translation>驻村日期</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>设定</translation>
    </message>
    <message>
        <source>Left on</source>
        <translation>离村日期</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>TeamPage</name>
    <message>
        <source>now</source>
        <translation>至今</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Unit / area</source>
        <translation>单位 / 负责片区</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>In the village</source>
        <translation>驻村时间</translation>
    </message>
    <message>
        <source>New team member</source>
        <translation>新增队员</translation>
    </message>
    <message>
        <source>New village cadre</source>
        <translation>新增村干部</translation>
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
        <source>Work team</source>
        <translation>驻村工作队</translation>
    </message>
    <message>
        <source>Village cadres on the card</source>
        <translation>印在联系卡上的村干部</translation>
    </message>
    <message>
        <source>e.g. 有求必应、有访必复，24小时开机</source>
        <translation>如：有求必应、有访必复，24小时开机</translation>
    </message>
    <message>
        <source>Save card text</source>
        <translation>保存卡片文字</translation>
    </message>
    <message>
        <source>Print cards (one A4 sheet)…</source>
        <translation>打印联系卡（一页八张）…</translation>
    </message>
    <message>
        <source>Print one card per household…</source>
        <translation>每户一张打印…</translation>
    </message>
    <message>
        <source>Back of the card…</source>
        <translation>背面办事指南…</translation>
    </message>
    <message>
        <source>Common procedures printed on the back of the card</source>
        <translation>印在联系卡背面的常用办事指南</translation>
    </message>
    <message>
        <source>With the back (two-sided)</source>
        <translation>加印背面（双面）</translation>
    </message>
    <message>
        <source>Contact card</source>
        <translation>便民联系卡</translation>
    </message>
    <message>
        <source>Service promise</source>
        <translation>服务承诺</translation>
    </message>
    <message>
        <source>Village committee phone</source>
        <translation>村委会电话</translation>
    </message>
    <message>
        <source>Move %1 to the recycle bin? Their visits and diary stay.</source>
        <translation>将 %1 移入回收站？其走访记录和日志会保留。</translation>
    </message>
    <message>
        <source>Saved; the preview shows the new card.</source>
        <translation>已保存，预览已更新。</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <source>New township template</source>
        <translation>新建乡镇表格模板</translation>
    </message>
    <message>
        <source>The blank Excel form (.xlsx) the township sent</source>
        <translation>乡镇发来的空白 Excel 表格（.xlsx）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Blank form</source>
        <translation>空白表格</translation>
    </message>
    <message>
        <source>Worksheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Choose the form first: its header and columns show here.</source>
        <translation>请先选择表格：找到的表头和各列会显示在这里。</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>The form lists</source>
        <translation>表格列出</translation>
    </message>
    <message>
        <source>e.g. Township visit form</source>
        <translation>如：乡镇走访登记表</translation>
    </message>
    <message>
        <source>Template name</source>
        <translation>模板名称</translation>
    </message>
    <message>
        <source>Columns of the form and what each gets</source>
        <translation>表格的各列及填入内容</translation>
    </message>
    <message>
        <source>Check each column. Choose a field of our records, a running number, nothing, or a fixed text typed on the right.</source>
        <translation>请逐列核对：可选我们记录里的字段、序号、空（不填），或在右边填写固定文字。</translation>
    </message>
    <message>
        <source>Choose the township's blank form</source>
        <translation>选择乡镇发来的空白表格</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx *.xlsm *.xltx);;All files (*)</source>
        <translation>Excel 工作簿 (*.xlsx *.xlsm *.xltx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The file could not be read as a form (%1).</source>
        <translation>无法把这个文件读成表格（%1）。</translation>
    </message>
    <message>
        <source>Header in row %1; the records are written from row %2 on.</source>
        <translation>表头在第 %1 行；记录从第 %2 行起填写。</translation>
    </message>
    <message>
        <source>Above the header: %1</source>
        <translation>表头上方：%1</translation>
    </message>
    <message>
        <source>Choose the township's blank form first.</source>
        <translation>请先选择乡镇发来的空白表格。</translation>
    </message>
    <message>
        <source>Replace template</source>
        <translation>替换模板</translation>
    </message>
    <message>
        <source>There is already a template named “%1”. Replace it?</source>
        <translation>已经有名为“%1”的模板。要替换它吗？</translation>
    </message>
    <message>
        <source>Give the template another name, or agree to replace the old one.</source>
        <translation>请给模板换一个名字，或同意替换原来的模板。</translation>
    </message>
</context>
<context>
    <name>TemplateRules</name>
    <message>
        <source>Visits of the month</source>
        <extracomment>what a template lists, as the user reads it (ROW_SOURCES order)</extracomment>
        <translation>本月走访记录</translation>
    </message>
    <message>
        <source>Issues (registered this month)</source>
        <translation>问题（本月登记）</translation>
    </message>
    <message>
        <source>Issues (still being tracked)</source>
        <translation>问题（跟踪中）</translation>
    </message>
    <message>
        <source>All issues</source>
        <translation>全部问题</translation>
    </message>
    <message>
        <source>Aid of the month</source>
        <translation>本月帮扶慰问</translation>
    </message>
    <message>
        <source>Deeds for the people</source>
        <translation>为民办实事</translation>
    </message>
    <message>
        <source>Activities of the month</source>
        <translation>本月活动</translation>
    </message>
    <message>
        <source>Work diary of the month</source>
        <translation>本月驻村日志</translation>
    </message>
    <message>
        <source>Households with a tag</source>
        <translation>带某标签的农户</translation>
    </message>
    <message>
        <source>Residents with a tag</source>
        <translation>带某标签的村民</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>TemplatesBox</name>
    <message>
        <source>Township form templates</source>
        <extracomment>what the fill task imports (loaded on the UI thread first, see ui.tasks.preload)</extracomment>
        <translation>乡镇表格模板</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>列出</translation>
    </message>
    <message>
        <source>Form file</source>
        <translation>表格文件</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <source>No templates yet. “New template…” learns a blank form the township sent; after that every month’s form is filled in with one click.</source>
        <translation>还没有模板。点“新建模板…”让本软件学习乡镇发来的空白表格，以后每月一键填好。</translation>
    </message>
    <message>
        <source>New template…</source>
        <translation>新建模板…</translation>
    </message>
    <message>
        <source>Fill in for the month…</source>
        <translation>填写本月…</translation>
    </message>
    <message>
        <source>Fills the chosen form for the month picked above and saves it as a new file</source>
        <translation>按上面选的月份填写选中的表格，另存为新文件</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation>删除模板</translation>
    </message>
    <message>
        <source>Delete the template “%1”? The months already filled in stay as they are.</source>
        <translation>删除模板“%1”吗？已经填好的表格文件不受影响。</translation>
    </message>
</context>
<context>
    <name>VisitForm</name>
    <message>
        <source>New visit</source>
        <extracomment>database path -&gt; the team members ticked on the last visit saved there this session (pre-fills the next visit: the same people usually walk together) the pressed way must be obvious at a glance</extracomment>
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
        <extracomment>rows loaded at most (newest first) for the date/way/member filters: a village has a few thousand visits; the search box then filters the loaded rows in memory, and the label says so when the cap cut older ones off</extracomment>
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
        <source>Household file</source>
        <translation>农户档案</translation>
    </message>
    <message>
        <source>%1 of the latest %2 visits match; pick a month to search older ones</source>
        <translation>最近 %2 条中有 %1 条符合；选择月份可查找更早的走访</translation>
    </message>
    <message>
        <source>Latest %1 shown; narrow the filter to see older ones</source>
        <translation>显示最近 %1 条，更早的请缩小筛选范围</translation>
    </message>
    <message>
        <source>%1 of %2 visits</source>
        <translation>%1 / %2 条走访记录</translation>
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
        <translation>欢迎使用驻村工作台</translation>
    </message>
    <message>
        <source>Welcome! Fill in your village and the first member of the work team to start. You can change all of this later under Settings and Team.</source>
        <translation>欢迎！请填写所驻村和第一位工作队成员即可开始使用。这些内容以后都可以在“设置”和“工作队与联系卡”中修改。</translation>
    </message>
    <message>
        <source>Set up your village</source>
        <translation>设置您所驻的村</translation>
    </message>
    <message>
        <source>11-digit mobile number</source>
        <translation>11位手机号码</translation>
    </message>
    <message>
        <source>Village *</source>
        <translation>村名 *</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>County</source>
        <translation>县（市、区）</translation>
    </message>
    <message>
        <source>Dispatching unit</source>
        <translation>派出单位</translation>
    </message>
    <message>
        <source>Your name *</source>
        <translation>您的姓名 *</translation>
    </message>
    <message>
        <source>Your role</source>
        <translation>您的职务</translation>
    </message>
    <message>
        <source>Your phone</source>
        <translation>您的电话</translation>
    </message>
    <message>
        <source>Create the village</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Try the demo village</source>
        <translation>打开示例村</translation>
    </message>
    <message>
        <source>A made-up village with a year of work, to look around. Do not mix it with real data.</source>
        <translation>一个虚构的村和一年的工作记录，用于熟悉软件。请不要与真实数据混用。</translation>
    </message>
    <message>
        <source>Building the demo village…</source>
        <translation>正在生成示例村…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Demo village</source>
        <translation>示例村</translation>
    </message>
    <message>
        <source>The demo village could not be made: %1</source>
        <translation>无法生成示例村：%1</translation>
    </message>
</context>
</TS>
