<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ActionForms</name>
    <message>
        <source>（离岗）</source>
        <translation> (off duty)</translation>
    </message>
    <message>
        <source>（非本类）</source>
        <translation> (not its category)</translation>
    </message>
    <message>
        <source>事件类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>紧急程度</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>主办单位</source>
        <translation>Lead unit</translation>
    </message>
    <message>
        <source>协办单位</source>
        <translation>Assisting units</translation>
    </message>
    <message>
        <source>改派给</source>
        <translation>Reassign to</translation>
    </message>
    <message>
        <source>改派原因</source>
        <translation>Reason for reassigning</translation>
    </message>
    <message>
        <source>签收的协办单位</source>
        <translation>Assisting unit signing</translation>
    </message>
    <message>
        <source>反映人满意度</source>
        <translation>Reporter&apos;s satisfaction</translation>
    </message>
    <message>
        <source>区级部门评价</source>
        <translation>Rating of the district department</translation>
    </message>
    <message>
        <source>延期至</source>
        <translation>Extend to</translation>
    </message>
    <message>
        <source>延期理由</source>
        <translation>Reason for the extension</translation>
    </message>
    <message>
        <source>区级部门</source>
        <translation>District department</translation>
    </message>
    <message>
        <source>到场地点</source>
        <translation>Meeting place</translation>
    </message>
    <message>
        <source>到场时间</source>
        <translation>Meeting time</translation>
    </message>
    <message>
        <source>确认时限（小时）</source>
        <translation>Confirm within (hours)</translation>
    </message>
    <message>
        <source>不予立案理由</source>
        <translation>Reason for rejecting</translation>
    </message>
    <message>
        <source>并入的事件编号</source>
        <translation>Merge into event no.</translation>
    </message>
    <message>
        <source>并入本事件的报告编号</source>
        <translation>Report no. to merge into this event</translation>
    </message>
    <message>
        <source>答复内容</source>
        <translation>Answer given</translation>
    </message>
    <message>
        <source>退回理由</source>
        <translation>Reason for returning</translation>
    </message>
    <message>
        <source>处置结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>核查意见</source>
        <translation>Verification note</translation>
    </message>
    <message>
        <source>返工原因</source>
        <translation>Reason for rework</translation>
    </message>
    <message>
        <source>审批意见</source>
        <translation>Approval note</translation>
    </message>
    <message>
        <source>驳回理由</source>
        <translation>Reason for denying</translation>
    </message>
    <message>
        <source>召回原因</source>
        <translation>Reason for recalling</translation>
    </message>
    <message>
        <source>{action} — {code}</source>
        <translation>{action} — {code}</translation>
    </message>
    <message>
        <source>（可选）</source>
        <translation> (optional)</translation>
    </message>
    <message>
        <source>事件 {code}</source>
        <translation>Event {code}</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>受理</source>
        <translation>Receive</translation>
    </message>
    <message>
        <source>追加来源</source>
        <translation>Attach report</translation>
    </message>
    <message>
        <source>立案</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>不予立案</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>派遣</source>
        <translation>Dispatch</translation>
    </message>
    <message>
        <source>签收</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <source>退回</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>开始处置</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>反馈</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <source>核查通过</source>
        <translation>Verify</translation>
    </message>
    <message>
        <source>返工</source>
        <translation>Rework</translation>
    </message>
    <message>
        <source>结案</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>回访评价</source>
        <translation>Evaluate</translation>
    </message>
    <message>
        <source>申请延期</source>
        <translation>Request extension</translation>
    </message>
    <message>
        <source>批准延期</source>
        <translation>Approve extension</translation>
    </message>
    <message>
        <source>驳回延期</source>
        <translation>Deny extension</translation>
    </message>
    <message>
        <source>合并</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>街呼区应</source>
        <translation>Call the district</translation>
    </message>
    <message>
        <source>督办提醒</source>
        <translation>Supervision alert</translation>
    </message>
    <message>
        <source>单位状态</source>
        <translation>Unit status</translation>
    </message>
    <message>
        <source>接手</source>
        <translation>Take</translation>
    </message>
    <message>
        <source>放手</source>
        <translation>Release</translation>
    </message>
    <message>
        <source>当场答复</source>
        <translation>Answer on the spot</translation>
    </message>
    <message>
        <source>改派</source>
        <translation>Reassign</translation>
    </message>
    <message>
        <source>召回</source>
        <translation>Recall</translation>
    </message>
    <message>
        <source>增加协办</source>
        <translation>Add assisting unit</translation>
    </message>
    <message>
        <source>协办签收</source>
        <translation>Assist acknowledges</translation>
    </message>
    <message>
        <source>例会决定</source>
        <translation>Meeting decision</translation>
    </message>
    <message>
        <source>签到</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>签到失败</source>
        <translation>Sign-in failed</translation>
    </message>
    <message>
        <source>签退</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>交班</source>
        <translation>Hand over</translation>
    </message>
    <message>
        <source>接班</source>
        <translation>Take over</translation>
    </message>
    <message>
        <source>用户变更</source>
        <translation>User changed</translation>
    </message>
    <message>
        <source>组织变更</source>
        <translation>Organisation changed</translation>
    </message>
    <message>
        <source>知悉督办</source>
        <translation>Acknowledge alert</translation>
    </message>
    <message>
        <source>解除督办</source>
        <translation>Clear alert</translation>
    </message>
</context>
<context>
    <name>AdminPanel</name>
    <message>
        <source>修改值班电话…</source>
        <translation>Change duty phone…</translation>
    </message>
    <message>
        <source>登记离岗…</source>
        <translation>Staff member left…</translation>
    </message>
    <message>
        <source>新增类别…</source>
        <translation>New category…</translation>
    </message>
    <message>
        <source>处置单位</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>网格人员</source>
        <translation>Grid staff</translation>
    </message>
    <message>
        <source>事件类别</source>
        <translation>Categories</translation>
    </message>
    <message>
        <source>值班电话</source>
        <translation>Duty phone</translation>
    </message>
    <message>
        <source>{name}的值班电话：</source>
        <translation>Duty phone of {name}:</translation>
    </message>
    <message>
        <source>登记离岗</source>
        <translation>Staff member left</translation>
    </message>
    <message>
        <source>{name}（{grid}）离开网格，从网格人员中删除？</source>
        <translation>{name} ({grid}) has left the grid: remove from the grid staff?</translation>
    </message>
    <message>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
</context>
<context>
    <name>AgendaPanel</name>
    <message>
        <source>记录决定…</source>
        <translation>Record a decision…</translation>
    </message>
    <message>
        <source>上周决定落实情况</source>
        <translation>Last week&apos;s decisions</translation>
    </message>
    <message>
        <source>本周议题 {0} 项</source>
        <translation>{0} items on this week&apos;s agenda</translation>
    </message>
    <message>
        <source>（本周 {0} 起）</source>
        <translation> ({0} this week)</translation>
    </message>
    <message>
        <source>已落实</source>
        <translation>Kept</translation>
    </message>
    <message>
        <source>未落实</source>
        <translation>Not kept</translation>
    </message>
    <message>
        <source>上周例会无决定事项</source>
        <translation>No decisions at last week&apos;s meeting</translation>
    </message>
</context>
<context>
    <name>AlertsPanel</name>
    <message>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>事件</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>主办单位</source>
        <translation>Lead unit</translation>
    </message>
    <message>
        <source>已过</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>应于</source>
        <translation>Due at</translation>
    </message>
    <message>
        <source>（补报）</source>
        <translation> (raised late)</translation>
    </message>
    <message>
        <source>扫描时已过期，按实际应报时间补报</source>
        <translation>Fell due before the scan ran: raised late, with its true due time</translation>
    </message>
    <message>
        <source>知悉</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>事由</source>
        <translation>About</translation>
    </message>
    <message>
        <source>全部级别</source>
        <translation>All levels</translation>
    </message>
    <message>
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <source>知悉…</source>
        <translation>Acknowledge…</translation>
    </message>
    <message>
        <source>挂牌督办…</source>
        <translation>List for supervision…</translation>
    </message>
    <message>
        <source>上次扫描 {time}，新提醒 {n} 条</source>
        <translation>Last scan {time}, {n} new alerts</translation>
    </message>
    <message>
        <source>知悉督办提醒</source>
        <translation>Acknowledge the alert</translation>
    </message>
    <message>
        <source>{code} {level}：处理说明（可空）</source>
        <translation>{code} {level}: what was done (optional)</translation>
    </message>
    <message>
        <source>挂牌督办</source>
        <translation>Listed supervision</translation>
    </message>
    <message>
        <source>挂牌督办理由（上大屏并列入例会议程）：</source>
        <translation>Why list it (shown on the wall screen and put on the weekly meeting&apos;s agenda):</translation>
    </message>
    <message>
        <source>新{level}：{code} {title}（{reason}）</source>
        <translation>New {level}: {code} {title} ({reason})</translation>
    </message>
    <message>
        <source> 等 {n} 条</source>
        <translation> and {n} in all</translation>
    </message>
    <message>
        <source>已挂牌督办</source>
        <translation>Listed for supervision</translation>
    </message>
    <message>
        <source>已知悉</source>
        <translation>Acknowledged</translation>
    </message>
</context>
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
        <source>时限 {due}</source>
        <translation>Due {due}</translation>
    </message>
    <message>
        <source>流转 {n} 次</source>
        <translation>Transferred {n}×</translation>
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
        <source>处置单位</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>新立案的事件尚未出现在派遣板上，请稍后选中它再按 D</source>
        <translation>The event just registered is not on the board yet; select it there and press D in a moment</translation>
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
    <message>
        <source>仅显示网格「{name}」的事件（在地图上再次点击该网格取消）</source>
        <translation>Showing grid “{name}” only (click the grid on the map again to show all)</translation>
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
        <source>正在立案，完成后即打开派遣</source>
        <translation>Registering; the dispatch opens as soon as it is done</translation>
    </message>
    <message>
        <source>报告须先立案，才能派遣（R 立案后按 D）</source>
        <translation>Register the report before dispatching it (R, then D)</translation>
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
        <source>已立案 {code}，按 D 派遣</source>
        <translation>Registered {code}; press D to dispatch it</translation>
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
    <name>CategoriesModel</name>
    <message>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>大类</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>小类</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>主办单位类型</source>
        <translation>Lead unit type</translation>
    </message>
    <message>
        <source>属地管理</source>
        <translation>Territorial</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
</context>
<context>
    <name>CategoryForm</name>
    <message>
        <source>新增事件类别</source>
        <translation>New event category</translation>
    </message>
    <message>
        <source>可「街呼区应」的属地管理事项</source>
        <translation>A territorial item the street may call the district for</translation>
    </message>
    <message>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>大类</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>小类</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>主办单位类型</source>
        <translation>Lead unit type</translation>
    </message>
    <message>
        <source>属地管理</source>
        <translation>Territorial</translation>
    </message>
    <message>
        <source>{p}响应时限（分钟）</source>
        <translation>{p}: response limit (minutes)</translation>
    </message>
    <message>
        <source>{p}处置时限（分钟）</source>
        <translation>{p}: handling limit (minutes)</translation>
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
    <name>ClassesChart</name>
    <message>
        <source>近30天各类来件</source>
        <translation>Reports by class, 30 days</translation>
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
        <source>接入服务 {url}</source>
        <translation>Intake {url}</translation>
    </message>
    <message>
        <source>接入服务未启动（{where} 不可用）</source>
        <translation>Intake not started ({where} unavailable)</translation>
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
    <name>DecisionDialog</name>
    <message>
        <source>记录例会决定</source>
        <translation>Record a meeting decision</translation>
    </message>
    <message>
        <source>如：约谈主办单位负责人，限期整改</source>
        <translation>e.g. meet the lead unit&apos;s head; fix by a deadline</translation>
    </message>
    <message>
        <source>决定事项</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>责任单位/人</source>
        <translation>Responsible unit/person</translation>
    </message>
    <message>
        <source>完成时限</source>
        <translation>Due by</translation>
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
    <name>DetailHeader</name>
    <message>
        <source>正在读取…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>事件 #{id} 已不在本街道</source>
        <translation>Event #{id} is no longer in this street</translation>
    </message>
    <message>
        <source>⚠ 已超期 {span}（处置时限 {due}）</source>
        <translation>⚠ Overdue by {span} (due {due})</translation>
    </message>
    <message>
        <source>处置时限 {due}，{left}</source>
        <translation>Due {due}, {left}</translation>
    </message>
    <message>
        <source>；须在 {due} 前签收</source>
        <translation>; must be signed for by {due}</translation>
    </message>
    <message>
        <source>，按期</source>
        <translation>, on time</translation>
    </message>
    <message>
        <source>，超期</source>
        <translation>, late</translation>
    </message>
    <message>
        <source>办结于 {at}{verdict}</source>
        <translation>Closed {at}{verdict}</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>未立案</source>
        <translation>Not registered</translation>
    </message>
    <message>
        <source>社区/网格</source>
        <translation>Community/grid</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>反映人</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <source>处置单位</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>受理</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>派遣</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <source>签收</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>反馈</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>核查</source>
        <translation>Verified</translation>
    </message>
    <message>
        <source>结案</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>流转/返工/延期</source>
        <translation>Transfers/rework/extensions</translation>
    </message>
    <message>
        <source>来源报告</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>满意度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>接手</source>
        <translation>Taken by</translation>
    </message>
    <message>
        <source>不予立案理由</source>
        <translation>Rejected because</translation>
    </message>
    <message>
        <source>答复</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>描述</source>
        <translation>Description</translation>
    </message>
</context>
<context>
    <name>DetailTables</name>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>What</translation>
    </message>
    <message>
        <source>值班台</source>
        <translation>Console</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>反映人</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>已撤回 {at}：{reason}</source>
        <translation>Withdrawn {at}: {reason}</translation>
    </message>
    <message>
        <source>已退回 {at}：{reason}</source>
        <translation>Returned {at}: {reason}</translation>
    </message>
    <message>
        <source>已签收 {at}</source>
        <translation>Signed {at}</translation>
    </message>
    <message>
        <source>待签收</source>
        <translation>Not yet signed</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>派遣</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>签收时限</source>
        <translation>Sign by</translation>
    </message>
    <message>
        <source>处置时限</source>
        <translation>Handle by</translation>
    </message>
    <message>
        <source>申请时间</source>
        <translation>Requested</translation>
    </message>
    <message>
        <source>申请人</source>
        <translation>Requested by</translation>
    </message>
    <message>
        <source>延期至</source>
        <translation>Extend to</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>审批</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>区级部门</source>
        <translation>District department</translation>
    </message>
    <message>
        <source>发起</source>
        <translation>Raised</translation>
    </message>
    <message>
        <source>到场</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>确认</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>须在 {at} 前确认</source>
        <translation>Must confirm by {at}</translation>
    </message>
    <message>
        <source>评价</source>
        <translation>Rating</translation>
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
    <name>EventDetailPanel</name>
    <message>
        <source>在事件列表、调度看板或来电队列中选择一件事件，这里显示它的详情与处置时间线。</source>
        <translation>Select an event in the list, on the board or in the call queue: its details and timeline are shown here.</translation>
    </message>
    <message>
        <source>未执行：事件 {code} 已被 {name}（{console}）{action}，现为「{status}」，请按现状重新操作</source>
        <translation>Not done: {name} ({console}) gave &quot;{action}&quot; on event {code} first; it is now &quot;{status}&quot;. Decide again on what it is now.</translation>
    </message>
    <message>
        <source>处置时间线（{n}）</source>
        <translation>Timeline ({n})</translation>
    </message>
    <message>
        <source>来源报告（{n}）</source>
        <translation>Reports ({n})</translation>
    </message>
    <message>
        <source>处置单位（{n}）</source>
        <translation>Units ({n})</translation>
    </message>
    <message>
        <source>延期申请（{n}）</source>
        <translation>Extensions ({n})</translation>
    </message>
    <message>
        <source>街呼区应（{n}）</source>
        <translation>District calls ({n})</translation>
    </message>
    <message>
        <source>找不到这个编号的事件，请核对后重试</source>
        <translation>No event with this number; check it and try again</translation>
    </message>
    <message>
        <source>已{action}：{code}</source>
        <translation>Done: {action} {code}</translation>
    </message>
    <message>
        <source>命令未执行</source>
        <translation>Command not given</translation>
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
    <name>FiguresPanel</name>
    <message>
        <source>今日受理</source>
        <translation>Received today</translation>
    </message>
    <message>
        <source>立案</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>派遣</source>
        <translation>Dispatch</translation>
    </message>
    <message>
        <source>办结</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>在办</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>今日</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>本周</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>近30天</source>
        <translation>30 days</translation>
    </message>
    <message>
        <source>昨日</source>
        <translation>Yesterday</translation>
    </message>
    <message>
        <source>上周同期</source>
        <translation>Last week</translation>
    </message>
    <message>
        <source>前30天</source>
        <translation>30 days before</translation>
    </message>
    <message>
        <source>办结率</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>按期办结率</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>满意率</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>流转率</source>
        <translation>Passed on</translation>
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
    <name>FirstAdminDialog</name>
    <message>
        <source>设置第一位管理员</source>
        <translation>Set up the first administrator</translation>
    </message>
    <message>
        <source>这是本数据库的首次使用：请设置管理员账户，再由管理员添加值班员与带班领导。</source>
        <translation>This database is used for the first time: set up the administrator account; the administrator then adds the duty officers and shift leaders.</translation>
    </message>
    <message>
        <source>登录名</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>再输入一次</source>
        <translation>Again</translation>
    </message>
    <message>
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
    </message>
</context>
<context>
    <name>HandOverDialog</name>
    <message>
        <source>交班签退</source>
        <translation>Hand over and sign out</translation>
    </message>
    <message>
        <source>交班说明：需要下一班注意的事项…</source>
        <translation>Handover note: what the next shift must watch…</translation>
    </message>
    <message>
        <source>交班并签退</source>
        <translation>Hand over and sign out</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>未结事项（自动列出）</source>
        <translation>Open items (listed automatically)</translation>
    </message>
</context>
<context>
    <name>HourlyChart</name>
    <message>
        <source>每小时来件</source>
        <translation>Reports per hour</translation>
    </message>
    <message>
        <source>▮ 今日</source>
        <translation>▮ Today</translation>
    </message>
    <message>
        <source>━ 四周同日均值</source>
        <translation>━ Usual (4 weeks)</translation>
    </message>
</context>
<context>
    <name>InstantTabs</name>
    <message>
        <source>事件列表</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>派遣板</source>
        <translation>Board</translation>
    </message>
    <message>
        <source>地图</source>
        <translation>Map</translation>
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
    <message>
        <source>挂牌督办</source>
        <translation>Listed supervision</translation>
    </message>
    <message>
        <source>督办</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <source>超期办结</source>
        <translation>Closed late</translation>
    </message>
    <message>
        <source>多次流转</source>
        <translation>Passed around</translation>
    </message>
    <message>
        <source>返工</source>
        <translation>Reworked</translation>
    </message>
    <message>
        <source>街呼区应</source>
        <translation>Called the district</translation>
    </message>
    <message>
        <source>反复出现</source>
        <translation>Recurring</translation>
    </message>
    <message>
        <source>预警</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>催办</source>
        <translation>Reminder</translation>
    </message>
    <message>
        <source>通报</source>
        <translation>Notice</translation>
    </message>
    <message>
        <source>停滞</source>
        <translation>Stalled</translation>
    </message>
    <message>
        <source>主办</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>协办</source>
        <translation>Assisting</translation>
    </message>
    <message>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>基本满意</source>
        <translation>Mostly satisfied</translation>
    </message>
    <message>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <source>待审批</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>已批准</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>已驳回</source>
        <translation>Denied</translation>
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
    <name>ListedPanel</name>
    <message>
        <source>挂牌督办</source>
        <translation>Listed supervision</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>事件列表</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>事件详情</source>
        <translation>Event detail</translation>
    </message>
    <message>
        <source>待审批延期</source>
        <translation>Pending extensions</translation>
    </message>
    <message>
        <source>待审批延期（{n}）</source>
        <translation>Pending extensions ({n})</translation>
    </message>
    <message>
        <source>派遣看板</source>
        <translation>Dispatch board</translation>
    </message>
    <message>
        <source>来电队列</source>
        <translation>Call queue</translation>
    </message>
    <message>
        <source>组织管理</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>网格地图</source>
        <translation>Grid map</translation>
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
        <source>督办提醒</source>
        <translation>Supervision alert</translation>
    </message>
    <message>
        <source>督办提醒（{n}）</source>
        <translation>Alerts ({n})</translation>
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
        <source>例会回放（上周）(&amp;M)…</source>
        <translation>Last week&apos;s &amp;meeting…</translation>
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
        <source>右键定位用于立案：请先在来电队列中打开立案表单（R），再在地图上右键点选位置</source>
        <translation>Right-click places a report being registered: open the Register form in the call queue (R) first, then right-click the place on the map</translation>
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
    <name>MapPage</name>
    <message>
        <source>挂</source>
        <translation>L</translation>
    </message>
    <message>
        <source>待</source>
        <translation>?</translation>
    </message>
    <message>
        <source>等{n}类</source>
        <translation>+{n} kinds</translation>
    </message>
    <message>
        <source>督</source>
        <translation>S</translation>
    </message>
    <message>
        <source>未分类</source>
        <translation>Not categorised</translation>
    </message>
    <message>
        <source>已超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>挂牌督办</source>
        <translation>Listed supervision</translation>
    </message>
    <message>
        <source>督办</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <source>在办 {n} 件，超期 {m} 件</source>
        <translation>{n} open, {m} overdue</translation>
    </message>
    <message>
        <source>单</source>
        <translation>U</translation>
    </message>
    <message>
        <source>在岗 {n} 人</source>
        <translation>{n} on duty</translation>
    </message>
    <message>
        <source>不在岗</source>
        <translation>Off duty</translation>
    </message>
    <message>
        <source>图例</source>
        <translation>Legend</translation>
    </message>
    <message>
        <source>在办事件（颜色：类别）</source>
        <translation>Open event (colour: category)</translation>
    </message>
    <message>
        <source>紧急（双圈）</source>
        <translation>Urgent (double ring)</translation>
    </message>
    <message>
        <source>超期（菱形）</source>
        <translation>Overdue (diamond)</translation>
    </message>
    <message>
        <source>督办 / 挂牌督办（挂）</source>
        <translation>Supervised / listed (L)</translation>
    </message>
    <message>
        <source>网格在办件数</source>
        <translation>Open events per grid</translation>
    </message>
    <message>
        <source>网格超期占比</source>
        <translation>Overdue share per grid</translation>
    </message>
    <message>
        <source>点击切换</source>
        <translation>Click to switch</translation>
    </message>
    <message>
        <source>未诉先办：同类问题反复出现</source>
        <translation>Recurring: the same problem keeps coming back</translation>
    </message>
    <message>
        <source>网格负荷</source>
        <translation>Grid load</translation>
    </message>
    <message>
        <source>网格边界</source>
        <translation>Grid outlines</translation>
    </message>
    <message>
        <source>网格名称</source>
        <translation>Grid names</translation>
    </message>
    <message>
        <source>事件</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>未诉先办</source>
        <translation>Recurring problems</translation>
    </message>
    <message>
        <source>位置未登记：显示在所属网格中心（近似）</source>
        <translation>Place not recorded: shown at its grid&apos;s centre (approximate)</translation>
    </message>
    <message>
        <source>单位（虚线：位置近似）</source>
        <translation>Units (dashed: place approximate)</translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <source>地图载入中…</source>
        <translation>Loading the map…</translation>
    </message>
    <message>
        <source>未诉先办：反复出现的问题（{n}）</source>
        <translation>Recurring problems ({n})</translation>
    </message>
    <message>
        <source>该位置不在本街道范围内（{lat:.6f}, {lon:.6f}），不能作为事件位置</source>
        <translation>This place is outside the street ({lat:.6f}, {lon:.6f}); it cannot be an event&apos;s location</translation>
    </message>
</context>
<context>
    <name>MeasuresPanel</name>
    <message>
        <source>按主办单位</source>
        <translation>By lead unit</translation>
    </message>
    <message>
        <source>按网格</source>
        <translation>By grid</translation>
    </message>
    <message>
        <source>按事件类别</source>
        <translation>By category</translation>
    </message>
    <message>
        <source>办结率（%）</source>
        <translation>Completion rate (%)</translation>
    </message>
    <message>
        <source>按期办结率（%）</source>
        <translation>On-time closure rate (%)</translation>
    </message>
    <message>
        <source>满意率（%）</source>
        <translation>Satisfaction rate (%)</translation>
    </message>
    <message>
        <source>流转率（%）</source>
        <translation>Transfer rate (%)</translation>
    </message>
    <message>
        <source>返工率（%）</source>
        <translation>Rework rate (%)</translation>
    </message>
    <message>
        <source>受理量</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>{0}：本周与上周（{1}），受理量前 {2} 位</source>
        <translation>{0}: this week and last ({1}), the {2} busiest</translation>
    </message>
    <message>
        <source>上周</source>
        <translation>Last week</translation>
    </message>
    <message>
        <source>本周</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>{0} 办结率 {1:.1f}% → {2:.1f}%</source>
        <translation>{0} completion {1:.1f}% → {2:.1f}%</translation>
    </message>
    <message>
        <source>办结率变化最大的单位：{0}</source>
        <translation>Units whose completion rate moved most: {0}</translation>
    </message>
    <message>
        <source>各单位办结率与上周持平。</source>
        <translation>Every unit&apos;s completion rate is as last week.</translation>
    </message>
</context>
<context>
    <name>MeetingWindow</name>
    <message>
        <source>例会回放</source>
        <translation>Meeting replay</translation>
    </message>
    <message>
        <source>正在载入本周的记录…</source>
        <translation>Loading the week&apos;s records…</translation>
    </message>
    <message>
        <source>无法载入本周的记录：{0}</source>
        <translation>Cannot load the week&apos;s records: {0}</translation>
    </message>
    <message>
        <source>{0} 例会回放 {1}</source>
        <translation>{0} meeting replay {1}</translation>
    </message>
    <message>
        <source>本周指标</source>
        <translation>Measures</translation>
    </message>
    <message>
        <source>选择事件以查看其处置经过</source>
        <translation>Select an event to see its history</translation>
    </message>
    <message>
        <source>{0} 截至 {1:%m-%d %H:%M}</source>
        <translation>{0} as of {1:%m-%d %H:%M}</translation>
    </message>
    <message>
        <source>（本周之前的记录未载入）</source>
        <translation>(records before this week not loaded)</translation>
    </message>
    <message>
        <source>只读：未登录，不能记录决定</source>
        <translation>Read-only: nobody signed in, no decisions</translation>
    </message>
    <message>
        <source>只读：{0}不能记录决定（须由{1}记录）</source>
        <translation>Read-only: a {0} cannot record decisions ({1} only)</translation>
    </message>
    <message>
        <source>未能记录决定</source>
        <translation>The decision was not recorded</translation>
    </message>
</context>
<context>
    <name>OpenItemsTree</name>
    <message>
        <source>事件</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>已接手未处理的来电（{n}）</source>
        <translation>Reports taken and not yet handled ({n})</translation>
    </message>
    <message>
        <source>下一班内到期的事件（{n}）</source>
        <translation>Events due before the next shift ends ({n})</translation>
    </message>
    <message>
        <source>未解除的督办提醒（{n}）</source>
        <translation>Open supervision alerts ({n})</translation>
    </message>
    <message>
        <source>{due}（已超时）</source>
        <translation>{due} (overdue)</translation>
    </message>
    <message>
        <source>…另有 {n} 件</source>
        <translation>… and {n} more</translation>
    </message>
</context>
<context>
    <name>OrgTab</name>
    <message>
        <source>筛选…</source>
        <translation>Filter…</translation>
    </message>
</context>
<context>
    <name>OverduePanel</name>
    <message>
        <source>超期事件</source>
        <translation>Overdue events</translation>
    </message>
    <message>
        <source>超 {age}</source>
        <translation>over {age}</translation>
    </message>
</context>
<context>
    <name>PendingExtensionsPanel</name>
    <message>
        <source>事件</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>主办单位</source>
        <translation>Lead unit</translation>
    </message>
    <message>
        <source>申请人</source>
        <translation>Requested by</translation>
    </message>
    <message>
        <source>现时限</source>
        <translation>Due now</translation>
    </message>
    <message>
        <source>延期至</source>
        <translation>Extend to</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>已{action}：{code}</source>
        <translation>Done: {action} {code}</translation>
    </message>
</context>
<context>
    <name>RatesChart</name>
    <message>
        <source>近30天办结率与满意率</source>
        <translation>Closed and satisfied, 30 days</translation>
    </message>
    <message>
        <source>━● 办结率</source>
        <translation>━● Closed</translation>
    </message>
    <message>
        <source>╌▲ 满意率</source>
        <translation>╌▲ Satisfied</translation>
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
    <name>RecurringModel</name>
    <message>
        <source>网格</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>问题类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>次数</source>
        <translation>Times</translation>
    </message>
    <message>
        <source>最近</source>
        <translation>Latest</translation>
    </message>
    <message>
        <source>{n} 件</source>
        <translation>{n} events</translation>
    </message>
    <message>
        <source>{n} 件（{r} 次反映）</source>
        <translation>{n} events ({r} reports)</translation>
    </message>
    <message>
        <source>{grid}：{category} 近期反复出现 {n} 件</source>
        <translation>{grid}: {category} came back {n} times lately</translation>
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
        <source>纬度, 经度（如 36.6512, 117.1205）；或在地图上右键设点</source>
        <translation>Latitude, longitude (e.g. 36.6512, 117.1205); or right-click on the map</translation>
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
        <source>所在网格(&amp;G)</source>
        <translation>&amp;Grid</translation>
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
        <source>事件描述(&amp;D)</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <source>由坐标确定</source>
        <translation>From the point</translation>
    </message>
    <message>
        <source>由坐标确定：{0}</source>
        <translation>From the point: {0}</translation>
    </message>
    <message>
        <source>没有唯一名为「{name}」的网格，请从列表中选择</source>
        <translation>No single grid is named “{name}”; choose one from the list</translation>
    </message>
    <message>
        <source>请选择所在网格，或填写坐标</source>
        <translation>Choose the grid, or enter the point</translation>
    </message>
    <message>
        <source>请选择事件类别</source>
        <translation>Choose a category</translation>
    </message>
    <message>
        <source>坐标格式应为「纬度, 经度」，如 36.6512, 117.1205</source>
        <translation>Write the point as &quot;latitude, longitude&quot;, e.g. 36.6512, 117.1205</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>签到 — 综合信息指挥室</source>
        <translation>Sign in — Integrated Information Command Room</translation>
    </message>
    <message>
        <source>{street}综合信息指挥室</source>
        <translation>{street} Integrated Information Command Room</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>签到</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>SignOut</name>
    <message>
        <source>交班签退(&amp;O)…</source>
        <translation>Hand &amp;over and sign out…</translation>
    </message>
    <message>
        <source>签退(&amp;O)</source>
        <translation>Sign &amp;out</translation>
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
    <name>StaffModel</name>
    <message>
        <source>网格</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
</context>
<context>
    <name>StaleBanner</name>
    <message>
        <source>✕ 无法连接数据库，正在重试…</source>
        <translation>✕ Cannot reach the database, retrying…</translation>
    </message>
    <message>
        <source>✕ 数据库连接中断：画面停留在 {at} 的数据，正在自动重连…</source>
        <translation>✕ Database lost: showing the data of {at}, reconnecting…</translation>
    </message>
</context>
<context>
    <name>SupervisedPanel</name>
    <message>
        <source>督办事件</source>
        <translation>Supervised (督办)</translation>
    </message>
</context>
<context>
    <name>TakeOverDialog</name>
    <message>
        <source>接班</source>
        <translation>Take over the shift</translation>
    </message>
    <message>
        <source>{login} 于 {at} 交班：</source>
        <translation>{login} handed over at {at}:</translation>
    </message>
    <message>
        <source>（无交班说明）</source>
        <translation>(no handover note)</translation>
    </message>
    <message>
        <source>已阅，接班</source>
        <translation>Read: take over</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>交班时的未结事项</source>
        <translation>Open items at the handover</translation>
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
    <name>Ticker</name>
    <message>
        <source>最新来件</source>
        <translation>New reports</translation>
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
    <name>Timeline</name>
    <message>
        <source>单位 #{id}</source>
        <translation>Unit #{id}</translation>
    </message>
    <message>
        <source>{unit}（主办）</source>
        <translation>{unit} (lead)</translation>
    </message>
    <message>
        <source>{unit}（协办）</source>
        <translation>{unit} (assisting)</translation>
    </message>
    <message>
        <source>，响应时限 {at}</source>
        <translation>, sign by {at}</translation>
    </message>
    <message>
        <source>，处置时限 {at}</source>
        <translation>, handle by {at}</translation>
    </message>
    <message>
        <source>→ 由 {old} 改派 {new}（主办）：{reason}</source>
        <translation>→ from {old} to {new} (lead): {reason}</translation>
    </message>
    <message>
        <source>→ {dept}，{meet} 到 {place}，{confirm} 前确认</source>
        <translation>→ {dept}, at {place} {meet}, confirm by {confirm}</translation>
    </message>
    <message>
        <source>{unit}，{reason}</source>
        <translation>{unit}, {reason}</translation>
    </message>
    <message>
        <source>至 {due}，{reason}</source>
        <translation>to {due}, {reason}</translation>
    </message>
    <message>
        <source>新的处置时限 {due}</source>
        <translation>new due time {due}</translation>
    </message>
    <message>
        <source>按期办结</source>
        <translation>on time</translation>
    </message>
    <message>
        <source>超期办结</source>
        <translation>late</translation>
    </message>
    <message>
        <source>锁定在 {console}</source>
        <translation>locked to {console}</translation>
    </message>
    <message>
        <source>（{login} 的值班台已离线）</source>
        <translation> ({login}&apos;s console had gone quiet)</translation>
    </message>
    <message>
        <source>并入事件 #{id}</source>
        <translation>into event #{id}</translation>
    </message>
    <message>
        <source>由事件 #{id} 并入</source>
        <translation>from event #{id}</translation>
    </message>
</context>
<context>
    <name>TimelineBar</name>
    <message>
        <source>10分钟/秒</source>
        <translation>10 min/s</translation>
    </message>
    <message>
        <source>1小时/秒</source>
        <translation>1 h/s</translation>
    </message>
    <message>
        <source>6小时/秒</source>
        <translation>6 h/s</translation>
    </message>
    <message>
        <source>1天/秒</source>
        <translation>1 day/s</translation>
    </message>
    <message>
        <source>播放</source>
        <translation>Play</translation>
    </message>
    <message>
        <source>◀ 上一变化</source>
        <translation>◀ Previous change</translation>
    </message>
    <message>
        <source>下一变化 ▶</source>
        <translation>Next change ▶</translation>
    </message>
    <message>
        <source>暂停</source>
        <translation>Pause</translation>
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
<context>
    <name>UnitsModel</name>
    <message>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>值班电话</source>
        <translation>Duty phone</translation>
    </message>
    <message>
        <source>在岗人数</source>
        <translation>On duty</translation>
    </message>
</context>
<context>
    <name>UnitsPanel</name>
    <message>
        <source>本周各单位按期办结率</source>
        <translation>Units on time, this week</translation>
    </message>
</context>
<context>
    <name>WallHeader</name>
    <message>
        <source>星期一</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>星期二</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>星期三</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>星期四</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>星期五</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>星期六</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>星期日</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>值班 {officer}  带班 {leader}</source>
        <translation>Duty {officer}  Leader {leader}</translation>
    </message>
    <message>
        <source>● 实时</source>
        <translation>● Live</translation>
    </message>
    <message>
        <source>✕ 数据中断</source>
        <translation>✕ Data lost</translation>
    </message>
</context>
<context>
    <name>WallRows</name>
    <message>
        <source>已 {age}</source>
        <translation>{age} ago</translation>
    </message>
    <message>
        <source>暂无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>另有 {n} 条</source>
        <translation>{n} more</translation>
    </message>
</context>
<context>
    <name>WallWindow</name>
    <message>
        <source>大屏</source>
        <translation>Wall screen</translation>
    </message>
    <message>
        <source>退出大屏</source>
        <translation>Leave the wall</translation>
    </message>
    <message>
        <source>退出大屏显示？</source>
        <translation>Leave the wall screen?</translation>
    </message>
</context>
</TS>
