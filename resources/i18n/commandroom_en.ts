<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>BoardCard</name>
    <message>
        <source>超时 {span}</source>
        <translation>Overdue {span}</translation>
    </message>
    <message>
        <source>超时未签收</source>
        <translation>Not signed in time</translation>
    </message>
    <message>
        <source>街呼区应</source>
        <translation>District call</translation>
    </message>
    <message>
        <source>待派遣：拖到右侧单位，或按 D</source>
        <translation>To dispatch: drag onto a unit, or press D</translation>
    </message>
    <message>
        <source>主办</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>协办</source>
        <translation>Assist</translation>
    </message>
    <message>
        <source>✓已签收</source>
        <translation>✓ signed</translation>
    </message>
    <message>
        <source>○未签收</source>
        <translation>○ not signed</translation>
    </message>
    <message>
        <source>流转 {n} 次</source>
        <translation>Transferred {n}×</translation>
    </message>
    <message>
        <source>时限 {due}</source>
        <translation>Due {due}</translation>
    </message>
</context>
<context>
    <name>BoardPanel</name>
    <message>
        <source>待派遣</source>
        <translation>To dispatch</translation>
    </message>
    <message>
        <source>待签收</source>
        <translation>To sign for</translation>
    </message>
    <message>
        <source>处置中</source>
        <translation>In hand</translation>
    </message>
    <message>
        <source>待核查</source>
        <translation>To verify</translation>
    </message>
    <message>
        <source>待结案</source>
        <translation>To close</translation>
    </message>
    <message>
        <source>筛选：编号、标题、地址、类别、网格、单位</source>
        <translation>Filter: code, title, address, category, grid, unit</translation>
    </message>
    <message>
        <source>处置单位（拖入派遣 · Ctrl+拖入增加协办 · 右键改状态）</source>
        <translation>Units (drop to dispatch · Ctrl+drop to add an assisting unit · right-click to change status)</translation>
    </message>
    <message>
        <source>先选中要派遣的事件，再按 D</source>
        <translation>Select the events to dispatch first, then press D</translation>
    </message>
    <message>
        <source>派遣 {codes}</source>
        <translation>Dispatch {codes}</translation>
    </message>
    <message>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>全部社区</source>
        <translation>All communities</translation>
    </message>
</context>
<context>
    <name>ConsoleStatusBar</name>
    <message>
        <source>数据库：{db}</source>
        <translation>Database: {db}</translation>
    </message>
    <message>
        <source>● 正在连接…</source>
        <translation>● Connecting…</translation>
    </message>
    <message>
        <source>● 已连接</source>
        <translation>● Connected</translation>
    </message>
    <message>
        <source>数据实时更新中</source>
        <translation>Live updates active</translation>
    </message>
    <message>
        <source>● 连接中断</source>
        <translation>● Disconnected</translation>
    </message>
    <message>
        <source>无法读取数据库：{reason}</source>
        <translation>Cannot read the database: {reason}</translation>
    </message>
    <message>
        <source>{login}（未登记用户）</source>
        <translation>{login} (unregistered user)</translation>
    </message>
    <message>
        <source>{role}：{name}（{login}）</source>
        <translation>{role}: {name} ({login})</translation>
    </message>
</context>
<context>
    <name>DemoProgress</name>
    <message>
        <source>正在生成演示街道…</source>
        <translation>Generating the demo street…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>生成演示街道</source>
        <translation>Demo street</translation>
    </message>
    <message>
        <source>正在生成演示街道：第 {done} / {total} 天</source>
        <translation>Generating the demo street: day {done} / {total}</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>数据库中还没有街道</source>
        <translation>The database has no street yet</translation>
    </message>
    <message>
        <source>这个数据库里还没有街道、网格和单位，值班台无事可显示。

是否生成演示街道（姚家街道，含 30 天的事件记录）？</source>
        <translation>This database has no street, grids or units yet, so the console has nothing to show.

Create the demo street (Yaojia Street, with 30 days of events)?</translation>
    </message>
    <message>
        <source>选择街道</source>
        <translation>Choose the street</translation>
    </message>
    <message>
        <source>数据库中有 {count} 个街道。本指挥室属于哪个街道？
（下次可用 --street 直接指定）</source>
        <translation>The database holds {count} streets. Which street is this command room&apos;s?
(Next time, name it with --street.)</translation>
    </message>
    <message>
        <source>无法生成演示街道</source>
        <translation>Cannot create the demo street</translation>
    </message>
    <message>
        <source>生成演示街道时出错：{reason}
值班台将以空数据库打开。</source>
        <translation>Creating the demo street failed: {reason}
The console opens with an empty database.</translation>
    </message>
    <message>
        <source>无法打开数据库</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <source>无法打开数据库：{reason}</source>
        <translation>Cannot open the database: {reason}</translation>
    </message>
</context>
<context>
    <name>DispatchFlow</name>
    <message>
        <source>确认派遣</source>
        <translation>Confirm dispatch</translation>
    </message>
    <message>
        <source>「{unit}」不负责「{categories}」类事件。
仍要交给它吗？</source>
        <translation>{unit} does not handle {categories}.
Give it to them anyway?</translation>
    </message>
    <message>
        <source>仍然派遣</source>
        <translation>Dispatch anyway</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>已取消，未发送任何命令</source>
        <translation>Cancelled; no command was sent</translation>
    </message>
    <message>
        <source> 等 {n} 件</source>
        <translation> and others ({n} in all)</translation>
    </message>
    <message>
        <source> 给「{unit}」</source>
        <translation> to {unit}</translation>
    </message>
    <message>
        <source>值班台尚未连接命令通道，未发送任何命令</source>
        <translation>The console has no command channel yet; no command was sent</translation>
    </message>
    <message>
        <source>{name}（{console}）{time} {action}</source>
        <translation>{name} ({console}) at {time}: {action}</translation>
    </message>
    <message>
        <source>事件已离开看板</source>
        <translation>the event has left the board</translation>
    </message>
    <message>
        <source>现为「{status}」，主办 {unit}</source>
        <translation>now {status}, lead {unit}</translation>
    </message>
    <message>
        <source>现为「{status}」</source>
        <translation>now {status}</translation>
    </message>
    <message>
        <source>{refusal}：{who}，{now}。看板已是最新状态。</source>
        <translation>{refusal}: {who}; {now}. The board shows the current state.</translation>
    </message>
    <message>
        <source>已派遣 {code} 给「{unit}」</source>
        <translation>Dispatched {code} to {unit}</translation>
    </message>
    <message>
        <source>已改派 {code} 给「{unit}」</source>
        <translation>Reassigned {code} to {unit}</translation>
    </message>
    <message>
        <source>已增加「{unit}」协办 {code}</source>
        <translation>{unit} now assists on {code}</translation>
    </message>
    <message>
        <source>已召回 {code}，退回待派遣</source>
        <translation>Recalled {code}; it is back in To dispatch</translation>
    </message>
</context>
<context>
    <name>DropPlan</name>
    <message>
        <source>「{unit}」当前离岗，不能接收事件；未发送任何命令</source>
        <translation>{unit} is off duty and cannot take events; no command was sent</translation>
    </message>
    <message>
        <source>事件 {code} 当前为「{status}」，不能{action}</source>
        <translation>Event {code} is {status}: cannot {action}</translation>
    </message>
    <message>
        <source>事件 {code} 当前为「{status}」，不能召回</source>
        <translation>Event {code} is {status}: cannot recall</translation>
    </message>
    <message>
        <source>事件 {code} 尚未派遣：先不按 Ctrl 拖到主办单位</source>
        <translation>Event {code} is not dispatched yet: drag it onto its lead unit first, without Ctrl</translation>
    </message>
    <message>
        <source>「{unit}」是事件 {code} 的主办单位，不能同时协办</source>
        <translation>{unit} leads event {code}; it cannot also assist</translation>
    </message>
    <message>
        <source>「{unit}」已在协办事件 {code}</source>
        <translation>{unit} already assists on event {code}</translation>
    </message>
    <message>
        <source>「{unit}」已是事件 {code} 的主办单位</source>
        <translation>{unit} already leads event {code}</translation>
    </message>
</context>
<context>
    <name>EventTableModel</name>
    <message>
        <source>事件编号</source>
        <translation>Event no.</translation>
    </message>
    <message>
        <source>紧急程度</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>事件类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>网格</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>主办单位</source>
        <translation>Lead unit</translation>
    </message>
    <message>
        <source>受理时间</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>处置时限</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>剩余时间</source>
        <translation>Time left</translation>
    </message>
    <message>
        <source>（{n}次反映）</source>
        <translation> ({n} reports)</translation>
    </message>
    <message>
        <source>待立案</source>
        <translation>Unregistered</translation>
    </message>
    <message>
        <source>处置时限：{due}</source>
        <translation>Handling due: {due}</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>仅看超期</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <source>搜索 编号 / 标题 / 地址</source>
        <translation>Search number / title / address</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>社区/网格</source>
        <translation>Community / grid</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>未办结</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>全部社区</source>
        <translation>All communities</translation>
    </message>
    <message>
        <source>显示 {shown} / 共 {total} 件</source>
        <translation>{shown} of {total} shown</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>受理</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>立案</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>不予立案</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>已派遣</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <source>已签收</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>处置中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>已反馈</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>已核查</source>
        <translation>Verified</translation>
    </message>
    <message>
        <source>已结案</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>已回访</source>
        <translation>Evaluated</translation>
    </message>
    <message>
        <source>已合并</source>
        <translation>Merged</translation>
    </message>
    <message>
        <source>当场答复</source>
        <translation>Answered on the spot</translation>
    </message>
    <message>
        <source>紧急</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>较急</source>
        <translation>High</translation>
    </message>
    <message>
        <source>一般</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>12345热线</source>
        <translation>12345 hotline</translation>
    </message>
    <message>
        <source>网格巡查</source>
        <translation>Grid patrol</translation>
    </message>
    <message>
        <source>随手拍</source>
        <translation>Photo app</translation>
    </message>
    <message>
        <source>来电来访</source>
        <translation>Walk-in / call</translation>
    </message>
    <message>
        <source>微心愿</source>
        <translation>Micro-wish</translation>
    </message>
    <message>
        <source>区级派单</source>
        <translation>District order</translation>
    </message>
    <message>
        <source>值班员</source>
        <translation>Duty officer</translation>
    </message>
    <message>
        <source>带班领导</source>
        <translation>Shift leader</translation>
    </message>
    <message>
        <source>大屏</source>
        <translation>Wall screen</translation>
    </message>
    <message>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>系统</source>
        <translation>System</translation>
    </message>
</context>
<context>
    <name>LaneView</name>
    <message>
        <source>暂无事件</source>
        <translation>No events</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>事件列表</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>派遣看板</source>
        <translation>Dispatch board</translation>
    </message>
    <message>
        <source>{street}综合信息指挥室 — 值班台</source>
        <translation>{street} Integrated Information Command Room — Duty Console</translation>
    </message>
    <message>
        <source>综合信息指挥室 — 值班台</source>
        <translation>Integrated Information Command Room — Duty Console</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>重置布局(&amp;R)</source>
        <translation>&amp;Reset layout</translation>
    </message>
    <message>
        <source>重新加载(&amp;L)</source>
        <translation>&amp;Reload</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <source>&lt;h3&gt;街道综合信息指挥室 值班台&lt;/h3&gt;&lt;p&gt;版本 {version}&lt;/p&gt;&lt;p&gt;受理、立案、派遣、处置、核查、结案的闭环管理，以及督办提醒与考核统计。&lt;/p&gt;&lt;p&gt;数据库：{db}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Street Integrated Information Command Room — Duty Console&lt;/h3&gt;&lt;p&gt;Version {version}&lt;/p&gt;&lt;p&gt;The closed loop of receiving, registering, dispatching, handling, verifying and closing events, with supervision alerts and performance measures.&lt;/p&gt;&lt;p&gt;Database: {db}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>新事件 {code}：{title}</source>
        <translation>New event {code}: {title}</translation>
    </message>
    <message>
        <source>新事件 {n} 件</source>
        <translation>{n} new events</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>召回事件</source>
        <translation>Recall event</translation>
    </message>
    <message>
        <source>召回 {what}，退回待派遣。召回理由：</source>
        <translation>Recall {what} to To dispatch. Reason:</translation>
    </message>
    <message>
        <source>派遣有误，重新派遣</source>
        <translation>Dispatched wrongly; dispatch again</translation>
    </message>
    <message>
        <source>单位无法处置</source>
        <translation>The unit cannot handle it</translation>
    </message>
    <message>
        <source>需先核实情况</source>
        <translation>Needs checking first</translation>
    </message>
    <message>
        <source>改派事件</source>
        <translation>Reassign event</translation>
    </message>
    <message>
        <source>改派 {what}。改派理由：</source>
        <translation>Reassign {what}. Reason:</translation>
    </message>
    <message>
        <source>不属于原单位职责</source>
        <translation>Not the first unit&apos;s duty</translation>
    </message>
    <message>
        <source>原单位人手不足</source>
        <translation>The first unit is short of people</translation>
    </message>
    <message>
        <source>就近处置</source>
        <translation>Nearer unit</translation>
    </message>
    <message>
        <source>选择或输入理由</source>
        <translation>Choose or type a reason</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Time</name>
    <message>
        <source>{d}天{h}时</source>
        <translation>{d}d {h}h</translation>
    </message>
    <message>
        <source>{h}时{m}分</source>
        <translation>{h}h {m}m</translation>
    </message>
    <message>
        <source>{m}分</source>
        <translation>{m}m</translation>
    </message>
    <message>
        <source>剩 {span}</source>
        <translation>{span} left</translation>
    </message>
    <message>
        <source>超 {span}</source>
        <translation>{span} over</translation>
    </message>
</context>
<context>
    <name>UnitActions</name>
    <message>
        <source>设为{status}</source>
        <translation>Set {status}</translation>
    </message>
    <message>
        <source>修改在岗人数…</source>
        <translation>People on duty…</translation>
    </message>
    <message>
        <source>在岗人数</source>
        <translation>People on duty</translation>
    </message>
    <message>
        <source>「{unit}」现在在岗人数：</source>
        <translation>People on duty at {unit} now:</translation>
    </message>
    <message>
        <source>值班台尚未连接命令通道，未发送任何命令</source>
        <translation>The console has no command channel yet; no command was sent</translation>
    </message>
    <message>
        <source>「{unit}」已设为{status}，在岗 {n} 人</source>
        <translation>{unit} set to {status}, {n} on duty</translation>
    </message>
</context>
<context>
    <name>UnitCard</name>
    <message>
        <source>街道办公室</source>
        <translation>Street office</translation>
    </message>
    <message>
        <source>服务中心</source>
        <translation>Service centre</translation>
    </message>
    <message>
        <source>派驻机构</source>
        <translation>Resident unit</translation>
    </message>
    <message>
        <source>区级部门</source>
        <translation>District department</translation>
    </message>
    <message>
        <source>社区居委会</source>
        <translation>Community committee</translation>
    </message>
    <message>
        <source>在岗</source>
        <translation>On duty</translation>
    </message>
    <message>
        <source>繁忙</source>
        <translation>Busy</translation>
    </message>
    <message>
        <source>离岗</source>
        <translation>Off duty</translation>
    </message>
    <message>
        <source>{type} · 在岗 {n} 人</source>
        <translation>{type} · {n} on duty</translation>
    </message>
    <message>
        <source>在办 {n}</source>
        <translation>Open {n}</translation>
    </message>
    <message>
        <source>⚠ 超时 {n}</source>
        <translation>⚠ Overdue {n}</translation>
    </message>
</context>
<context>
    <name>UnitPicker</name>
    <message>
        <source>派遣到单位</source>
        <translation>Dispatch to a unit</translation>
    </message>
    <message>
        <source>输入单位名称或拼音首字母，回车派遣；Ctrl+回车 增加协办</source>
        <translation>Type a unit&apos;s name or its pinyin initials; Enter dispatches, Ctrl+Enter adds an assisting unit</translation>
    </message>
    <message>
        <source>{name}&#x3000;{status} · 在办 {load}</source>
        <translation>{name}  {status} · open {load}</translation>
    </message>
</context>
</TS>
