// The live map's page script. Python pushes batched JSON through one QWebChannel object
// ("bridge"): {op: "load"|"update"|"select"|"grid"|"texts"}; the page answers with one JSON
// message per gesture ({kind: "ready"|"marker"|"grid"|"point"}). User-typed text is only ever
// written with textContent (never innerHTML), so a description cannot run code.
(function () {
  "use strict";

  const CLASS_COLOURS = {
    "城市管理": "#1565c0", "矛盾纠纷": "#8e24aa", "治安安全隐患": "#c62828",
    "民生服务": "#2e7d32", "党群事务": "#ef6c00", "其他中心工作": "#546e7a",
  };
  // Load fill: open events per L4 grid (or, in overdue mode, the overdue share).
  const LOAD_STEPS = [[0, "#ffffff", 0.05], [1, "#fff3c4", 0.45], [3, "#ffd166", 0.55],
                      [6, "#f4a259", 0.6], [10, "#e4572e", 0.65]];
  const SHARE_STEPS = [[0, "#ffffff", 0.05], [0.01, "#fde0dd", 0.5], [0.25, "#fa9fb5", 0.6],
                       [0.5, "#dd3497", 0.65]];
  const LABEL_ZOOM = {2: [0, 14.5], 3: [14.5, 16.5], 4: [16.5, 30]};

  const S = {
    map: null, bridge: null, texts: {}, markers: new Map(), data: new Map(), grids: new Map(),
    gridData: new Map(), loads: new Map(), recurring: [], selected: new Set(), gridFilter: 0,
    loadMode: "open", applied: 0, gen: 0, timing: {},
    words: {st: {}, pr: {}},  // the statuses' and priorities' labels (the opening batch brings them)
  };
  window.commandroomMap = S;  // the tests read the page's state from here

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function noop() {}
  function tr(key) { return S.texts[key] || key; }
  function send(msg) { if (S.bridge) S.bridge.receive(JSON.stringify(msg)); }
  function colour(cls) {
    if (CLASS_COLOURS[cls]) return CLASS_COLOURS[cls];
    let h = 0;
    for (const ch of String(cls)) h = (h * 31 + ch.codePointAt(0)) % 360;
    return "hsl(" + h + ",45%,40%)";
  }

  // --- Markers ------------------------------------------------------------------------------
  // A marker arrives as an array (compact: ten thousand of them are one batch), in the order of
  // FIELDS (views/map/payload.py writes the same order); the page keeps it as an object.
  const FIELDS = ["id", "code", "lat", "lon", "st", "pr", "cls", "cat", "t", "a", "g", "od", "sv"];
  function record(row) {
    const d = {};
    for (let i = 0; i < FIELDS.length; i++) d[FIELDS[i]] = row[i];
    d.at = [d.lat, d.lon];
    d.od = !!d.od;
    return d;
  }
  // Shape, not colour alone: circle = in time, diamond = overdue; a badge 督/挂 = supervised
  // (督办 / 挂牌督办); a double ring = urgent. Colour is the category class.
  function styleKey(d) {
    return [d.cls, d.od, d.sv, d.pr, S.selected.has(d.id)].join("|");
  }
  // One icon per look (class, overdue, supervision, priority, selected), shared by every marker
  // that has it: ten thousand markers hold a few dozen icons, not ten thousand DOM trees, and a
  // restyle is a lookup. Its HTML is the serialised element: the category's text is escaped by
  // the serialiser (it was set with textContent), so the shared string carries no markup of ours.
  const ICONS = new Map();
  function icon(d) {
    const key = styleKey(d);
    let made = ICONS.get(key);
    if (made) return made;
    const root = el("div", "ev" + (d.od ? " overdue" : "") + (d.pr === "urgent" ? " urgent" : "")
                      + (d.sv ? " supervised" : "") + (S.selected.has(d.id) ? " selected" : ""));
    const body = el("div", "ev-body");
    body.style.background = colour(d.cls);
    body.appendChild(el("span", "ev-letter", (d.cls || tr("待")).slice(0, 1)));
    root.appendChild(body);
    if (d.sv) root.appendChild(el("span", "ev-badge", d.sv === "listed" ? tr("挂") : tr("督")));
    else if (d.od) root.appendChild(el("span", "ev-badge od", "!"));
    made = L.divIcon({html: root.outerHTML, className: "ev-icon", iconSize: [26, 26], iconAnchor: [13, 13]});
    ICONS.set(key, made);
    return made;
  }
  function tip(d) {
    const box = el("div", "tip");
    box.appendChild(el("div", "tip-code", d.code + " · " + (S.words.st[d.st] || d.st)));
    box.appendChild(el("div", "tip-title", d.t));
    if (d.a) box.appendChild(el("div", "tip-addr", d.a));
    const meta = [d.cat || tr("未分类"), S.words.pr[d.pr] || d.pr];
    if (d.od) meta.push(tr("已超期"));
    if (d.sv) meta.push(d.sv === "listed" ? tr("挂牌督办") : tr("督办"));
    box.appendChild(el("div", "tip-meta", meta.join(" · ")));
    return box;
  }
  // Shared by every marker (one function, not ten thousand closures): the marker names its event.
  // The tooltip is bound on the first hover, not for all ten thousand markers up front.
  const TIP = {direction: "top", offset: [0, -12]};
  function markerTip(m) { return tip(S.data.get(m._crId)); }
  function markerClicked(e) { send({kind: "marker", id: e.target._crId}); }
  function markerHovered(e) {
    const m = e.target;
    if (m.getTooltip()) return;
    m.bindTooltip(markerTip, TIP);
    m.openTooltip();
  }
  function makeMarker(d) {
    const m = L.marker(d.at, {icon: icon(d), keyboard: false, riseOnHover: true});
    m._crId = d.id;
    m._crStyle = styleKey(d);
    m.on("click", markerClicked);
    m.on("mouseover", markerHovered);
    return m;
  }
  function upsertMarkers(rows) {
    const add = [], moved = [], restyled = [];
    let t = performance.now();
    for (const row of rows) {
      const d = record(row);
      S.data.set(d.id, d);
      const m = S.markers.get(d.id);
      if (!m) {
        const made = makeMarker(d);
        S.markers.set(d.id, made);
        add.push(made);
        continue;
      }
      const at = m.getLatLng();
      const key = styleKey(d);
      const restyle = key !== m._crStyle;
      if (restyle) { m._crStyle = key; m.setIcon(icon(d)); }
      // Moved markers are taken out and put back as one batch each way (below); a restyled one
      // stays where it is and only its clusters' icons are redrawn (an alarm may have come or gone).
      if (at.lat !== d.lat || at.lng !== d.lon) moved.push([m, d.at]);
      else if (restyle) restyled.push(m);
    }
    S.timing.scan = performance.now() - t; t = performance.now();
    // Every bulk call of markercluster ends by redrawing the dirty visible cluster icons: once
    // for the batch is enough (at the end, with the restyled markers' clusters flagged too).
    S.cluster._refreshClustersIcons = noop;
    try {
      if (moved.length) {
        const out = moved.map((pair) => pair[0]);
        S.cluster.removeLayers(out);
        // Out of the group but still listened to: without this flag markercluster would re-file
        // each marker on its own "move" (one remove and one add, with every cluster icon
        // redrawn, per marker): the cost this batch avoids.
        S.cluster._ignoreMove = true;
        for (const [m, at] of moved) m.setLatLng(at);
        S.cluster._ignoreMove = false;
        add.push(...out);
      }
      S.timing.remove = performance.now() - t; t = performance.now();
      if (add.length) S.cluster.addLayers(add);
      S.timing.add = performance.now() - t; t = performance.now();
    } finally {
      delete S.cluster._refreshClustersIcons;  // markercluster's own again
    }
    S.cluster.refreshClusters(restyled);
    S.timing.refresh = performance.now() - t;
  }
  function removeMarkers(ids) {
    const gone = [];
    for (const id of ids) {
      const m = S.markers.get(id);
      if (m) { gone.push(m); S.markers.delete(id); }
      S.data.delete(id);
      S.selected.delete(id);
    }
    if (gone.length) S.cluster.removeLayers(gone);
  }
  // Does a cluster hold an overdue or supervised event? Walked once per batch (S.gen): the
  // clusters on screen are disjoint, so a refresh looks at each marker at most once.
  function alarmed(cluster) {
    if (cluster._crGen === S.gen) return cluster._crAlarm;
    let alarm = false;
    for (const m of cluster._markers) { const d = S.data.get(m._crId); if (d && (d.od || d.sv)) { alarm = true; break; } }
    if (!alarm) for (const c of cluster._childClusters) { if (alarmed(c)) { alarm = true; break; } }
    cluster._crGen = S.gen;
    cluster._crAlarm = alarm;
    return alarm;
  }
  // Cluster icons are shared per (count, alarm) as marker icons are per look: a batch redraws
  // the visible clusters' icons, and a redraw is then a lookup.
  const CLUSTER_ICONS = new Map();
  function clusterIcon(cluster) {
    const alarm = alarmed(cluster);
    const n = cluster.getChildCount();
    const key = n + (alarm ? "!" : "");
    let made = CLUSTER_ICONS.get(key);
    if (made) return made;
    const root = el("div", "cl" + (alarm ? " alarm" : ""));
    root.appendChild(el("span", "cl-n", n));
    if (alarm) root.appendChild(el("span", "ev-badge od", "!"));
    made = L.divIcon({html: root.outerHTML, className: "cl-icon", iconSize: [38, 38]});
    CLUSTER_ICONS.set(key, made);
    return made;
  }

  // --- Grids ---------------------------------------------------------------------------------
  const OUTLINE = {1: {color: "#263238", weight: 4}, 2: {color: "#37474f", weight: 3, dashArray: "8 6"},
                   3: {color: "#455a64", weight: 2}, 4: {color: "#78909c", weight: 0.8}};
  function fill(id) {
    const load = S.loads.get(id) || [0, 0];
    const value = S.loadMode === "open" ? load[0] : (load[0] ? load[1] / load[0] : 0);
    const steps = S.loadMode === "open" ? LOAD_STEPS : SHARE_STEPS;
    let pick = steps[0];
    for (const s of steps) if (value >= s[0]) pick = s;
    return {fillColor: pick[1], fillOpacity: pick[2]};
  }
  function gridTip(g) {
    const box = el("div", "tip");
    box.appendChild(el("div", "tip-title", g.name));
    const load = S.loads.get(g.id) || [0, 0];
    box.appendChild(el("div", "tip-meta", tr("在办 {n} 件，超期 {m} 件").replace("{n}", load[0]).replace("{m}", load[1])));
    return box;
  }
  function drawGrids(grids) {
    for (const layer of [S.outlines, S.cells, S.labels]) layer.clearLayers();
    S.grids.clear();
    for (const g of grids) {
      S.gridData.set(g.id, g);
      if (g.lv === 4) {
        const poly = L.polygon(g.rings, Object.assign({}, OUTLINE[4], fill(g.id)));
        poly.bindTooltip(() => gridTip(g), {sticky: true});
        poly.on("click", () => send({kind: "grid", id: S.gridFilter === g.id ? 0 : g.id}));
        S.cells.addLayer(poly);
        S.grids.set(g.id, poly);
      } else {
        S.outlines.addLayer(L.polygon(g.rings, Object.assign({fill: false, interactive: false}, OUTLINE[g.lv])));
      }
      if (g.lv >= 2) {
        S.labels.addLayer(L.tooltip({permanent: true, direction: "center", interactive: false, pane: "gridLabels",
                                     className: "grid-label lv" + g.lv})
          .setLatLng(g.at).setContent(el("span", null, g.name)));
      }
    }
    zoomLabels();
  }
  function restyleGrids() {
    for (const [id, poly] of S.grids) {
      const style = fill(id);
      if (S.gridFilter === id) Object.assign(style, {color: "#0d47a1", weight: 4});
      else Object.assign(style, {color: OUTLINE[4].color, weight: OUTLINE[4].weight});
      poly.setStyle(style);
    }
  }
  function setLoads(rows) {
    S.loads = new Map(rows.map((r) => [r[0], [r[1], r[2]]]));
    restyleGrids();
  }
  function zoomLabels() {
    const z = S.map.getZoom();
    const c = S.map.getContainer();
    for (const lv of [2, 3, 4]) {
      const [lo, hi] = LABEL_ZOOM[lv];
      c.classList.toggle("show-lv" + lv, z >= lo && z < hi);
    }
  }

  // --- Recurring problems (未诉先办) ------------------------------------------------------------
  function drawRecurring(rows) {
    S.recurring = rows;
    S.recurringLayer.clearLayers();
    const byGrid = new Map();
    for (const r of rows) { if (!byGrid.has(r.g)) byGrid.set(r.g, []); byGrid.get(r.g).push(r); }
    for (const [id, list] of byGrid) {
      const g = S.gridData.get(id);
      if (!g) continue;
      S.recurringLayer.addLayer(L.polygon(g.rings, {color: "#d84315", weight: 4, dashArray: "2 6",
                                                    fill: false, interactive: false, lineCap: "round"}));
      // One short line per grid (the list beside the map has every row): the category that
      // came back most, and how many more categories did.
      list.sort((a, b) => b.n - a.n);
      const more = list.length > 1 ? " " + tr("等{n}类").replace("{n}", list.length) : "";
      const badge = el("div", "rec", list[0].cat + " ×" + list[0].n + more);
      S.recurringLayer.addLayer(L.marker(g.at, {interactive: false, keyboard: false, zIndexOffset: 5000,
        icon: L.divIcon({html: badge, className: "rec-icon", iconSize: null, iconAnchor: [0, 0]})}));
    }
  }

  // --- Units --------------------------------------------------------------------------------
  // Units that share a building (the street's offices, the service centres) are one square
  // with their count until zoomed in far enough to stand apart; its tooltip names them all.
  function unitGroupIcon(cluster) {
    const units = cluster.getAllChildMarkers();
    const root = el("div", "unit group" + (units.some((m) => m._crApprox) ? " approx" : ""), tr("单"));
    root.appendChild(el("span", "unit-n", units.length));
    return L.divIcon({html: root, className: "unit-icon", iconSize: [22, 22]});
  }
  function unitGroupHovered(e) {
    const box = el("div", "tip");
    for (const m of e.layer.getAllChildMarkers()) box.appendChild(el("div", "tip-title", m._crName));
    e.layer.bindTooltip(box, {direction: "top"}).openTooltip();
  }
  function drawUnits(units) {
    S.units.clearLayers();
    const made = [];
    for (const u of units) {
      // A unit whose office is not known stands at its grid's centroid: dashed and pale, and its
      // tooltip says so (not colour alone).
      const root = el("div", "unit" + (u.on ? "" : " off") + (u.ap ? " approx" : ""), tr("单"));
      const m = L.marker(u.at, {icon: L.divIcon({html: root, className: "unit-icon", iconSize: [20, 20]}),
                                keyboard: false});
      const box = el("div", "tip");
      box.appendChild(el("div", "tip-title", u.name));
      box.appendChild(el("div", "tip-meta", u.type + " · " + (u.on ? tr("在岗 {n} 人").replace("{n}", u.duty) : tr("不在岗"))));
      if (u.ap) box.appendChild(el("div", "tip-addr", tr("位置未登记：显示在所属网格中心（近似）")));
      m.bindTooltip(box, {direction: "top"});
      m._crName = u.name;
      m._crApprox = u.ap;
      made.push(m);
    }
    S.units.addLayers(made);
  }

  // --- Selection ----------------------------------------------------------------------------
  function select(ids, pan) {
    const before = S.selected;
    S.selected = new Set(ids);
    const touched = [];
    for (const id of new Set([...before, ...S.selected])) {
      const d = S.data.get(id), m = S.markers.get(id);
      if (d && m && styleKey(d) !== m._crStyle) { m._crStyle = styleKey(d); m.setIcon(icon(d)); touched.push(m); }
    }
    if (touched.length) S.cluster.refreshClusters(touched);
    const first = S.markers.get(ids[0]);
    if (pan && first) S.cluster.zoomToShowLayer(first, () => S.map.panTo(first.getLatLng()));
  }

  // The whole street in view, leaving room for the legend. A map whose dock was hidden when the
  // street arrived has no size yet: it fits on its first resize instead. The dock (the wall
  // screen's window) often reaches its final size after the street arrived: a resize fits again
  // as long as nobody has moved the map since the last fit (``S.fitted`` is the view it left).
  // The legend sits in the bottom-right corner: the street goes beside it or above it,
  // whichever shows it bigger (a tall dock: above; a wide one: beside).
  function fit() {
    const c = S.map.getContainer();
    if (!S.cells.getLayers().length || !c.clientWidth || !c.clientHeight) return;
    const bounds = S.cells.getBounds(), map = c.getBoundingClientRect();
    const box = S.legend ? S.legend.getContainer().getBoundingClientRect() : null;  // with the attribution under it
    const w = box ? map.right - box.left + 10 : 190, h = box ? map.bottom - box.top + 10 : 10;
    const beside = {paddingTopLeft: [10, 10], paddingBottomRight: [w, 10], animate: false};
    const above = {paddingTopLeft: [10, 10], paddingBottomRight: [10, h], animate: false};
    const zoom = (o) => S.map.getBoundsZoom(bounds, false, L.point(o.paddingTopLeft).add(o.paddingBottomRight));
    S.map.fitBounds(bounds, zoom(above) > zoom(beside) ? above : beside);
    S.fitted = {zoom: S.map.getZoom(), centre: S.map.getCenter()};
  }

  // A resize keeps the centre to within a pixel's rounding (Leaflet pans by half the change).
  function untouchedSinceFit() {
    const m = S.map, f = S.fitted;
    return m.getZoom() === f.zoom && m.project(m.getCenter(), f.zoom).distanceTo(m.project(f.centre, f.zoom)) < 2;
  }

  // --- Batches ------------------------------------------------------------------------------
  function apply(text) {
    const started = performance.now();
    const b = JSON.parse(text);
    S.timing = {parse: performance.now() - started};
    S.gen += 1;
    if (b.texts) S.texts = b.texts;
    if (b.words) S.words = b.words;
    if (b.op === "load") {
      S.cluster.clearLayers(); S.markers.clear(); S.data.clear();
      drawGrids(b.grids);
      setLoads(b.loads);
      upsertMarkers(b.markers);
      drawUnits(b.units);
      drawRecurring(b.recurring);
      legend();  // before the fit, which measures it
      if (!S.fitted) fit();
    } else if (b.op === "update") {
      removeMarkers(b.remove);
      let t = performance.now();
      upsertMarkers(b.upsert);
      S.timing.upsert = performance.now() - t; t = performance.now();
      setLoads(b.loads);
      if (b.recurring) drawRecurring(b.recurring);  // absent: not counted again, unchanged
      if (b.units) drawUnits(b.units);
      S.timing.grids = performance.now() - t;
    } else if (b.op === "select") {
      select(b.ids, b.pan);
    } else if (b.op === "grid") {
      S.gridFilter = b.id;
      restyleGrids();
    } else if (b.op === "fit") {
      fit();
    } else if (b.op === "view") {
      S.map.setView(b.at, b.zoom, {animate: false});
    }
    S.applied += 1;
    const ended = performance.now();
    S.lastMs = ended - started;  // the page's own part of the last batch
    // With the wall-clock instants it began and ended (the same clock as Python's time.time()),
    // so the benchmark can tell the way in, the page's work and the way back apart.
    Object.assign(S.timing, {total: S.lastMs, start: performance.timeOrigin + started,
                             end: performance.timeOrigin + ended});
    send({kind: "applied", n: S.applied, timing: S.timing});
  }

  // --- Controls -----------------------------------------------------------------------------
  function legend() {
    if (S.legend) S.legend.remove();
    S.legend = L.control({position: "bottomright"});
    S.legend.onAdd = function () {
      const box = el("div", "legend");
      box.appendChild(el("div", "legend-title", tr("图例")));
      const row = (sample, text) => { const r = el("div", "legend-row"); r.appendChild(sample); r.appendChild(el("span", null, text)); box.appendChild(r); };
      const sample = (cls, badge) => { const s = el("div", "ev " + cls); const b = el("div", "ev-body"); b.style.background = "#607d8b"; s.appendChild(b); if (badge) s.appendChild(el("span", "ev-badge" + (badge === "!" ? " od" : ""), badge)); return s; };
      row(sample("", ""), tr("在办事件（颜色：类别）"));
      row(sample("urgent", ""), tr("紧急（双圈）"));
      row(sample("overdue", "!"), tr("超期（菱形）"));
      row(sample("", tr("督")), tr("督办 / 挂牌督办（挂）"));
      const units = el("span", "legend-units");
      units.appendChild(el("span", "unit", tr("单")));
      units.appendChild(el("span", "unit approx", tr("单")));
      row(units, tr("单位（虚线：位置近似）"));
      const mode = el("div", "legend-title legend-mode", S.loadMode === "open" ? tr("网格在办件数") : tr("网格超期占比"));
      mode.title = tr("点击切换");
      mode.addEventListener("click", () => { S.loadMode = S.loadMode === "open" ? "share" : "open"; restyleGrids(); legend(); });
      box.appendChild(mode);
      const scale = el("div", "legend-scale");
      const steps = S.loadMode === "open" ? LOAD_STEPS : SHARE_STEPS;
      steps.forEach((s) => {
        const cell = el("div", "legend-step");
        const sw = el("span", "swatch"); sw.style.background = s[1]; sw.style.opacity = Math.max(s[2], 0.3);
        cell.appendChild(sw);
        cell.appendChild(el("span", null, S.loadMode === "open" ? "≥" + s[0] : "≥" + Math.round(s[0] * 100) + "%"));
        scale.appendChild(cell);
      });
      box.appendChild(scale);
      const rec = el("span", "swatch rec-swatch");
      row(rec, tr("未诉先办：同类问题反复出现"));
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    S.legend.addTo(S.map);
  }

  function start(map, texts) {
    S.map = map;
    S.texts = texts || {};
    // Grid names under the markers and units (Leaflet puts tooltips above everything): a name
    // may be partly covered, a unit's count or an event's badge never is.
    const names = map.createPane("gridLabels");
    names.style.zIndex = 450;
    names.style.pointerEvents = "none";
    S.outlines = L.layerGroup().addTo(map);
    S.cells = L.featureGroup().addTo(map);
    S.labels = L.layerGroup().addTo(map);
    S.cluster = L.markerClusterGroup({chunkedLoading: true, disableClusteringAtZoom: 18,
                                      showCoverageOnHover: false, iconCreateFunction: clusterIcon,
                                      maxClusterRadius: 50}).addTo(map);
    S.units = L.markerClusterGroup({maxClusterRadius: 16, disableClusteringAtZoom: 18, showCoverageOnHover: false,
                                    iconCreateFunction: unitGroupIcon}).addTo(map);
    S.units.on("clustermouseover", unitGroupHovered);
    S.recurringLayer = L.layerGroup();
    S.cells.bringToBack();
    const overlays = {};
    overlays[tr("网格负荷")] = S.cells;
    overlays[tr("网格边界")] = S.outlines;
    overlays[tr("网格名称")] = S.labels;
    overlays[tr("事件")] = S.cluster;
    overlays[tr("单位")] = S.units;
    overlays[tr("未诉先办")] = S.recurringLayer;
    S.layers = L.control.layers(null, overlays, {collapsed: false, position: "topright"}).addTo(map);
    L.control.scale({imperial: false}).addTo(map);  // a Chinese street measures in metres
    map.on("zoomend", zoomLabels);
    map.on("resize", () => { if (!S.fitted || untouchedSinceFit()) fit(); });
    map.on("contextmenu", (e) => send({kind: "point", lat: e.latlng.lat, lon: e.latlng.lng}));
    new QWebChannel(qt.webChannelTransport, (channel) => {
      S.bridge = channel.objects.bridge;
      S.bridge.sig_push.connect(apply);
      send({kind: "ready"});
    });
  }
  S.start = start;
  S.apply = apply;
  S.showRecurring = (on) => { if (on) S.recurringLayer.addTo(S.map); else S.recurringLayer.remove(); };
})();
