<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
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
    <name>MainWindow</name>
    <message>
        <source>事件列表</source>
        <translation>Events</translation>
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
</TS>
