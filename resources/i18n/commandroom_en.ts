<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AttachForm</name>
    <message>
        <source>同一类别</source>
        <translation>same category</translation>
    </message>
    <message>
        <source>同一大类</source>
        <translation>same class</translation>
    </message>
    <message>
        <source>同一网格</source>
        <translation>same grid</translation>
    </message>
    <message>
        <source>位置相近</source>
        <translation>nearby</translation>
    </message>
    <message>
        <source>描述相似</source>
        <translation>similar text</translation>
    </message>
    <message>
        <source>近期上报</source>
        <translation>recent</translation>
    </message>
    <message>
        <source>合并到已有事件 — {code}</source>
        <translation>Attach to an existing event — {code}</translation>
    </message>
    <message>
        <source>合并</source>
        <translation>Attach</translation>
    </message>
    <message>
        <source>相似度较低</source>
        <translation>weak match</translation>
    </message>
    <message>
        <source>，相距 {m:.0f} 米</source>
        <translation>, {m:.0f} m away</translation>
    </message>
    <message>
        <source>{code}&#x3000;{title}&#x3000;[{status}]&#x3000;{when}
&#x3000;&#x3000;匹配 {score:.0%}：{why}{where}</source>
        <translation>{code}  {title}  [{status}]  {when}
    match {score:.0%}: {why}{where}</translation>
    </message>
    <message>
        <source>近七天内没有可合并的相似事件</source>
        <translation>No similar event in the last seven days to attach to</translation>
    </message>
    <message>
        <source>没有明显重复的事件；确属重复时请选择后合并</source>
        <translation>No clear duplicate; choose one only if it truly is the same matter</translation>
    </message>
    <message>
        <source>请选择要合并到的事件</source>
        <translation>Choose the event to attach to</translation>
    </message>
</context>
<context>
    <name>CallQueueModel</name>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>等待</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>紧急程度</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>反映人</source>
        <translation>Caller</translation>
    </message>
    <message>
        <source>反映内容</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>建议类别</source>
        <translation>Suggested</translation>
    </message>
    <message>
        <source>网格</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>接手</source>
        <translation>Held by</translation>
    </message>
    <message>
        <source>（{n}次反映）</source>
        <translation>({n} reports) </translation>
    </message>
    <message>
        <source>未定位</source>
        <translation>not located</translation>
    </message>
    <message>
        <source>本台接手</source>
        <translation>this console</translation>
    </message>
    <message>
        <source>{who} 已离线</source>
        <translation>{who} offline</translation>
    </message>
    <message>
        <source>{who} 处理中</source>
        <translation>{who} handling</translation>
    </message>
    <message>
        <source>{time} 接手</source>
        <translation>taken at {time}</translation>
    </message>
    <message>
        <source>受理时间：{time}</source>
        <translation>Received: {time}</translation>
    </message>
</context>
<context>
    <name>CallQueuePanel</name>
    <message>
        <source>暂无待处理的报告</source>
        <translation>No reports waiting</translation>
    </message>
    <message>
        <source>立案 R</source>
        <translation>Register R</translation>
    </message>
    <message>
        <source>合并 M</source>
        <translation>Attach M</translation>
    </message>
    <message>
        <source>当场答复 A</source>
        <translation>Answer A</translation>
    </message>
    <message>
        <source>不予立案 X</source>
        <translation>Reject X</translation>
    </message>
    <message>
        <source>接手 T</source>
        <translation>Take T</translation>
    </message>
    <message>
        <source>放手 U</source>
        <translation>Release U</translation>
    </message>
    <message>
        <source>手工录入 Ctrl+N</source>
        <translation>New report Ctrl+N</translation>
    </message>
    <message>
        <source>报告 {code} 已由本台接手</source>
        <translation>Report {code} is already held by this console</translation>
    </message>
    <message>
        <source>请先在队列中选择一条报告</source>
        <translation>Select a report in the queue first</translation>
    </message>
    <message>
        <source>该报告正由 {name}（{console}）处理，不能操作</source>
        <translation>This report is being handled by {name} ({console}); it cannot be acted on here</translation>
    </message>
    <message>
        <source>值班台尚未就绪，命令未执行</source>
        <translation>The console is not ready; the command was not given</translation>
    </message>
    <message>
        <source>已接手 {code}（原由 {who}（{console}）接手，该值班台已离线）</source>
        <translation>Took {code} (held by {who} ({console}), whose console has gone quiet)</translation>
    </message>
    <message>
        <source>已接手 {code}</source>
        <translation>Took {code}</translation>
    </message>
    <message>
        <source>已放手 {code}，其他值班台可接手</source>
        <translation>Released {code}; any console may take it</translation>
    </message>
    <message>
        <source>已立案 {code}，可在调度台按 D 派遣</source>
        <translation>Registered {code}; press D on the board to dispatch it</translation>
    </message>
    <message>
        <source>已将 {code} 合并到已有事件</source>
        <translation>Attached {code} to an existing event</translation>
    </message>
    <message>
        <source>已当场答复并办结 {code}</source>
        <translation>Answered {code} on the spot and closed it</translation>
    </message>
    <message>
        <source>已不予立案 {code}</source>
        <translation>Rejected {code}</translation>
    </message>
    <message>
        <source>已受理 {code}，已进入来电队列</source>
        <translation>Received {code}; it is waiting in the call queue</translation>
    </message>
    <message>
        <source>来电队列（{n} · 新 {new}）</source>
        <translation>Call queue ({n} · {new} new)</translation>
    </message>
    <message>
        <source>来电队列（{n}）</source>
        <translation>Call queue ({n})</translation>
    </message>
    <message>
        <source>来电队列</source>
        <translation>Call queue</translation>
    </message>
</context>
<context>
    <name>CategoryPicker</name>
    <message>
        <source>输入类别名称或拼音首字母，如 ljdf</source>
        <translation>Type a category name or its pinyin initials, e.g. ljdf</translation>
    </message>
    <message>
        <source>{text}&#x3000;（建议 {p:.0%}）</source>
        <translation>{text}  (suggested {p:.0%})</translation>
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
    <name>DecisionForm</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DecisionForms</name>
    <message>
        <source>当场答复 — {code}</source>
        <translation>Answer on the spot — {code}</translation>
    </message>
    <message>
        <source>答复并办结</source>
        <translation>Answer and close</translation>
    </message>
    <message>
        <source>答复内容(&amp;T)</source>
        <translation>&amp;Answer</translation>
    </message>
    <message>
        <source>重复反映，已并入在办事件</source>
        <translation>Reported again; merged into an open event</translation>
    </message>
    <message>
        <source>不属于本街道管辖，已告知反映人向有关部门反映</source>
        <translation>Not within this street&apos;s remit; the caller was told where to turn</translation>
    </message>
    <message>
        <source>信息不全，无法核实</source>
        <translation>Too little information to verify</translation>
    </message>
    <message>
        <source>无效来电</source>
        <translation>Not a real report</translation>
    </message>
    <message>
        <source>不予立案 — {code}</source>
        <translation>Reject — {code}</translation>
    </message>
    <message>
        <source>不予立案</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>理由(&amp;T)</source>
        <translation>&amp;Reason</translation>
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
    <name>EntryForm</name>
    <message>
        <source>手工录入 — 来电来访</source>
        <translation>New report — phone or walk-in</translation>
    </message>
    <message>
        <source>反映的问题、地点、诉求（必填）</source>
        <translation>The problem, the place, the request (required)</translation>
    </message>
    <message>
        <source>反映内容(&amp;T)</source>
        <translation>&amp;Report</translation>
    </message>
    <message>
        <source>反映人(&amp;N)</source>
        <translation>Caller &amp;name</translation>
    </message>
    <message>
        <source>电话(&amp;H)</source>
        <translation>P&amp;hone</translation>
    </message>
    <message>
        <source>地址(&amp;A)</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <source>来源(&amp;S)</source>
        <translation>&amp;Source</translation>
    </message>
    <message>
        <source>紧急程度(&amp;P)</source>
        <translation>&amp;Priority</translation>
    </message>
    <message>
        <source>受理</source>
        <translation>Receive</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>请填写反映内容</source>
        <translation>Write what the caller reports</translation>
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
        <source>来电队列</source>
        <translation>Call queue</translation>
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
    <name>RegisterForm</name>
    <message>
        <source>立案 — {code}</source>
        <translation>Register — {code}</translation>
    </message>
    <message>
        <source>立案</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>纬度, 经度（如 36.6512, 117.1205）</source>
        <translation>latitude, longitude (e.g. 36.6512, 117.1205)</translation>
    </message>
    <message>
        <source>未定位：请填写坐标</source>
        <translation>not located: enter a point</translation>
    </message>
    <message>
        <source>事件类别(&amp;C)</source>
        <translation>&amp;Category</translation>
    </message>
    <message>
        <source>紧急程度(&amp;P)</source>
        <translation>&amp;Priority</translation>
    </message>
    <message>
        <source>地址(&amp;A)</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <source>坐标(&amp;L)</source>
        <translation>&amp;Location</translation>
    </message>
    <message>
        <source>所在网格</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>请选择事件类别</source>
        <translation>Choose a category</translation>
    </message>
    <message>
        <source>坐标格式应为「纬度, 经度」，如 36.6512, 117.1205</source>
        <translation>Write the point as &quot;latitude, longitude&quot;, e.g. 36.6512, 117.1205</translation>
    </message>
    <message>
        <source>该报告没有位置，立案前请填写坐标</source>
        <translation>This report has no location; enter a point before registering</translation>
    </message>
</context>
<context>
    <name>SoundToggle</name>
    <message>
        <source>提示音：开</source>
        <translation>Chime: on</translation>
    </message>
    <message>
        <source>提示音：关</source>
        <translation>Chime: off</translation>
    </message>
    <message>
        <source>本机没有可用的音频输出，新报告不会响铃</source>
        <translation>This computer has no audio output; new reports will not chime</translation>
    </message>
    <message>
        <source>新报告到达时响铃；点击切换</source>
        <translation>Chimes when a new report arrives; click to switch</translation>
    </message>
</context>
<context>
    <name>TextDecisionForm</name>
    <message>
        <source>请填写内容</source>
        <translation>Write the text</translation>
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
