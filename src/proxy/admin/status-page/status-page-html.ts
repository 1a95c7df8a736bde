import { createHash } from 'crypto';

/*
 * The status page: one self-contained document (inline CSS and script, no fonts or files from
 * elsewhere), so it works offline and ships as code. The server puts no data in it: the script
 * fetches the snapshot and builds every element with textContent and attributes, so rule values,
 * target reasons and access-log lines (which clients write) are never parsed as markup.
 * The script avoids template literals to sit in this one.
 */

const STYLE = `
:root { color-scheme: light; --ok: #1a7f37; --bad: #cf222e; --warn: #9a6700; --idle: #6e7781; --line: #d0d7de; --bg: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; background: #fff; }
header { display: flex; gap: 12px; align-items: baseline; padding: 12px 20px; border-bottom: 1px solid var(--line); background: var(--bg); }
h1 { font-size: 18px; margin: 0; }
h2 { font-size: 15px; margin: 0 0 8px; }
h3 { font-size: 13px; margin: 8px 0 4px; }
main { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 16px; padding: 16px 20px; }
section { border: 1px solid var(--line); border-radius: 6px; padding: 12px; min-width: 0; }
section.wide { grid-column: 1 / -1; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 3px 8px 3px 0; vertical-align: top; border-bottom: 1px solid #eaeef2; }
th { font-weight: 600; color: #57606a; }
.muted, figcaption, #updated { color: #57606a; }
.pill { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 12px; font-weight: 600; color: #fff; background: var(--idle); }
[data-state=healthy], [data-state=OK], [data-state=live] { background: var(--ok); }
[data-state=unhealthy], [data-state=ALARM], [data-state=down] { background: var(--bad); }
[data-state=draining], [data-state=initial], [data-state=polling] { background: var(--warn); }
.group { margin-bottom: 10px; }
.group table { table-layout: fixed; }
.group th:nth-child(1) { width: 42%; } .group th:nth-child(2) { width: 20%; }
.listener { margin-bottom: 12px; }
code, .log { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, monospace; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 12px; }
figure { margin: 0; }
svg { width: 100%; height: 140px; background: var(--bg); border-radius: 4px; }
svg text { font: 11px system-ui, sans-serif; fill: #57606a; }
.log { list-style: none; margin: 0; padding: 0; max-height: 320px; overflow: auto; }
.log li { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; border-bottom: 1px solid #eaeef2; }
`;

const SCRIPT = `
'use strict';
var WINDOW_SECONDS = 300;
function el(tag, text, attrs) {
  var e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
  return e;
}
function fill(id, children) {
  var box = document.getElementById(id);
  box.replaceChildren.apply(box, children);
}
function row(cells, attrs) {
  var tr = el('tr', undefined, attrs);
  cells.forEach(function (c) { var td = el('td'); if (c instanceof Node) td.appendChild(c); else td.textContent = c; tr.appendChild(td); });
  return tr;
}
function table(head, rows) {
  var t = el('table'), h = el('tr');
  head.forEach(function (c) { h.appendChild(el('th', c)); });
  t.appendChild(h);
  rows.forEach(function (r) { t.appendChild(r); });
  return t;
}
function pill(state) { return el('span', state, { 'class': 'pill', 'data-state': state }); }

function renderListeners(s) {
  fill('listener-list', s.listeners.map(function (l) {
    var box = el('div', undefined, { 'class': 'listener', 'data-listener': l.port });
    var where = l.localPort === undefined ? 'not served (no --port mapping)' : 'local port ' + l.localPort;
    box.appendChild(el('h3', l.protocol + ' ' + l.port + ' \\u2192 ' + where));
    if (l.rules.length === 0) { box.appendChild(el('p', 'rules not known to this admin server', { 'class': 'muted' })); return box; }
    box.appendChild(table(['priority', 'conditions', 'action'], l.rules.map(function (r) {
      var action = (r.signIn ? r.signIn + ', then ' : '') + r.action.text;
      return row([String(r.priority), r.conditions.join(' and ') || (r.priority === 'default' ? 'anything else' : 'any'), action],
        { 'data-priority': r.priority, 'data-action': r.action.type });
    })));
    return box;
  }));
}

function renderTargets(s) {
  fill('target-groups', s.targetGroups.map(function (g) {
    var box = el('div', undefined, { 'class': 'group', 'data-target-group': g.targetGroup });
    box.appendChild(el('h3', g.targetGroup));
    if (g.targets.length === 0) { box.appendChild(el('p', 'no targets registered', { 'class': 'muted' })); return box; }
    box.appendChild(table(['target', 'state', 'reason'], g.targets.map(function (t) {
      return row([t.id, pill(t.state), t.reason || ''], { 'data-target': t.id, 'data-target-state': t.state });
    })));
    return box;
  }));
}

function renderAlarms(s) {
  if (!s.alarms) { fill('alarm-list', [el('p', 'no alarms: this proxy evaluates none', { 'class': 'muted' })]); return; }
  if (s.alarms.alarms.length === 0) { fill('alarm-list', [el('p', 'no alarms in this model', { 'class': 'muted' })]); return; }
  // Alarms that need a look first, with CloudWatch's reason; the quiet ones folded away, so the page stays an overview.
  var order = { ALARM: 0, INSUFFICIENT_DATA: 1, OK: 2 };
  var sorted = s.alarms.alarms.slice().sort(function (a, b) { return order[a.state] - order[b.state]; });
  var value = function (a) { return a.value === undefined ? '' : String(+a.value.toFixed(3)); };
  var attrs = function (a) { return { 'data-alarm': a.id, 'data-alarm-state': a.state }; };
  var loud = sorted.filter(function (a) { return a.state !== 'OK'; });
  var quiet = sorted.filter(function (a) { return a.state === 'OK'; });
  var parts = [el('p', loud.filter(function (a) { return a.state === 'ALARM'; }).length + ' in ALARM, '
    + loud.filter(function (a) { return a.state !== 'ALARM'; }).length + ' without data, ' + quiet.length + ' OK', { 'class': 'muted' })];
  if (loud.length) parts.push(table(['alarm', 'state', 'value', 'watches', 'reason'], loud.map(function (a) { return row([a.id, pill(a.state), value(a), a.watches, a.reason], attrs(a)); })));
  if (quiet.length) {
    var fold = el('details');
    fold.appendChild(el('summary', quiet.length + ' alarms OK'));
    fold.appendChild(table(['alarm', 'state', 'value', 'watches'], quiet.map(function (a) { return row([a.id, pill(a.state), value(a), a.watches], attrs(a)); })));
    parts.push(fold);
  }
  var recent = s.alarms.transitions.slice(-5).reverse();
  if (recent.length) {
    parts.push(el('h3', 'recent changes'));
    parts.push(table(['at', 'alarm', 'change'], recent.map(function (t) { return row([t.at, t.id, t.from + ' \\u2192 ' + t.to]); })));
  }
  fill('alarm-list', parts);
}

var SVG = 'http://www.w3.org/2000/svg';
function svgEl(tag, attrs) {
  var e = document.createElementNS(SVG, tag);
  for (var k in attrs) e.setAttribute(k, attrs[k]);
  return e;
}
/** One chart: each series a polyline (broken where a value is null), y from 0 to the largest value. */
function chart(id, points, series, unit, now) {
  var W = 600, H = 140, L = 44, B = 18, T = 8;
  var max = 0;
  series.forEach(function (sr) { points.forEach(function (p) { var v = p[sr.key]; if (typeof v === 'number' && v > max) max = v; }); });
  var top = max > 0 ? max * 1.15 : 1;
  var svg = document.getElementById(id);
  svg.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
  svg.setAttribute('preserveAspectRatio', 'none');
  var kids = [svgEl('line', { x1: L, y1: H - B, x2: W, y2: H - B, stroke: '#d0d7de' })];
  var label = function (x, y, text, anchor) { var t = svgEl('text', { x: x, y: y, 'text-anchor': anchor || 'start' }); t.textContent = text; return t; };
  kids.push(label(L - 4, T + 10, (+top.toPrecision(3)) + ' ' + unit, 'end'), label(L - 4, H - B, '0', 'end'),
    label(L, H - 4, '-' + (WINDOW_SECONDS / 60) + ' min'), label(W - 2, H - 4, 'now', 'end'));
  var x = function (t) { return L + (W - L) * (1 - (now - t) / (WINDOW_SECONDS * 1000)); };
  var y = function (v) { return T + (H - B - T) * (1 - v / top); };
  series.forEach(function (sr) {
    var run = [];
    var flush = function () { if (run.length) kids.push(svgEl('polyline', { points: run.join(' '), fill: 'none', stroke: sr.color, 'stroke-width': 1.6, 'data-series': sr.key })); run = []; };
    points.forEach(function (p) { var v = p[sr.key]; if (typeof v !== 'number') { flush(); return; } run.push(x(p.t).toFixed(1) + ',' + y(v).toFixed(1)); });
    flush();
  });
  svg.replaceChildren.apply(svg, kids);
}

function renderTraffic(s) {
  var now = Date.parse(s.time);
  var points = s.traffic.points.filter(function (p) { return now - p.t <= WINDOW_SECONDS * 1000; });
  var last = points[points.length - 1] || {};
  if (s.traffic.unit === 'flows') {
    document.getElementById('rate-caption').textContent = 'New flows per second (now ' + (+(last.rate || 0).toFixed(1)) + ')';
    document.getElementById('second-caption').textContent = 'Active flows (now ' + (last.activeFlows || 0) + ')';
    chart('rate-chart', points, [{ key: 'rate', color: '#0969da' }], '/s', now);
    chart('second-chart', points, [{ key: 'activeFlows', color: '#8250df' }], '', now);
    return;
  }
  document.getElementById('rate-caption').textContent = 'Requests to targets per second, 5xx in red (now ' + (+(last.rate || 0).toFixed(1)) + ')';
  document.getElementById('second-caption').textContent = 'Mean target response time (now ' +
    (typeof last.latencyMs === 'number' ? (+last.latencyMs.toFixed(1)) + ' ms' : 'no responses') + ')';
  chart('rate-chart', points, [{ key: 'rate', color: '#0969da' }, { key: 'errors', color: '#cf222e' }], '/s', now);
  chart('second-chart', points, [{ key: 'latencyMs', color: '#8250df' }], 'ms', now);
}

function renderLog(s) {
  var box = document.getElementById('log');
  box.hidden = !s.accessLog;
  if (!s.accessLog) return;
  var lines = s.accessLog.slice().reverse();
  fill('log-lines', lines.length ? lines.map(function (l) { return el('li', l, { title: l }); }) : [el('li', 'no requests yet', { 'class': 'muted' })]);
}

function render(s) {
  var lb = s.loadBalancer;
  document.getElementById('title').textContent = lb ? lb.name : 'lbkit serve';
  document.title = (lb ? lb.name + ' \\u2014 ' : '') + 'lbkit status';
  document.getElementById('kind').textContent = lb ? (lb.kind === 'network' ? 'network load balancer' : 'application load balancer') : '';
  document.getElementById('updated').textContent = 'updated ' + new Date(s.time).toLocaleTimeString();
  [renderAlarms, renderTraffic, renderTargets, renderListeners, renderLog].forEach(function (f) { f(s); });
  document.body.setAttribute('data-rendered', s.time);
}

function mode(state) { var m = document.getElementById('mode'); m.textContent = state; m.setAttribute('data-state', state); }
/** Server-Sent Events while they work; polling GET /status once a second when they do not. */
function poll() {
  fetch('status', { cache: 'no-store' }).then(function (r) { return r.json(); })
    .then(function (s) { mode('polling'); render(s); }, function () { mode('down'); })
    .then(function () { setTimeout(poll, 1000); });
}
function live() {
  if (!window.EventSource) { poll(); return; }
  var events = new EventSource('events');
  events.onmessage = function (e) { mode('live'); render(JSON.parse(e.data)); };
  events.onerror = function () { events.close(); poll(); };
}
live();
`;

const BODY = `<header>
<h1 id="title">lbkit serve</h1><span id="kind" class="muted"></span><span id="mode" class="pill" data-state="connecting">connecting</span><span id="updated"></span>
</header>
<main>
<section id="alarms" class="wide"><h2>Alarms</h2><div id="alarm-list"></div></section>
<section id="traffic" class="wide"><h2>Traffic, last 5 minutes</h2><div class="charts">
<figure><figcaption id="rate-caption"></figcaption><svg id="rate-chart" role="img" aria-label="rate"></svg></figure>
<figure><figcaption id="second-caption"></figcaption><svg id="second-chart" role="img" aria-label="latency or active flows"></svg></figure>
</div></section>
<section id="targets"><h2>Target groups</h2><div id="target-groups"></div></section>
<section id="listeners"><h2>Listeners and rules</h2><div id="listener-list"></div></section>
<section id="log" class="wide" hidden><h2>Recent access log (newest first)</h2><ol id="log-lines" class="log"></ol></section>
</main>`;

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The page, the same bytes for every proxy. */
export const STATUS_PAGE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"><title>lbkit status</title><style>${STYLE}</style></head>
<body>
${BODY}
<script>${SCRIPT}</script>
</body></html>
`;

/** Only this page's own style and script run; it talks to this server alone (`connect-src 'self'`). */
export const STATUS_PAGE_CSP = [
  "default-src 'none'",
  `style-src ${sha256(STYLE)}`,
  `script-src ${sha256(SCRIPT)}`,
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
