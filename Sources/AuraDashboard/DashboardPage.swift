/// The dashboard: one self-contained HTML page (inline CSS, inline script, charts drawn as
/// inline SVG; nothing loaded from anywhere else, which its Content-Security-Policy enforces)
/// that polls `/dashboard/series.json` every 2 seconds. Every chart is an element with a
/// `data-chart` attribute whose `data-points` says how many points it drew; script errors and
/// `console.error` calls are listed in `#errors` (and counted in `body[data-errors]`), so a
/// headless browser's DOM dump tells a test what a person would see.
enum DashboardPage {
    /// The response headers: no caching, and nothing but this page's own inline code and
    /// same-origin requests.
    static let headers: [(String, String)] = [
        ("Cache-Control", "no-store"),
        ("Content-Security-Policy", "default-src 'none'; connect-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:"),
        ("X-Content-Type-Options", "nosniff"),
    ]

    static let html = #"""
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>AuraStream dashboard</title>
<script>
"use strict";
const recordedErrors = [];
function recordError(text) {
  recordedErrors.push(String(text));
  const box = document.getElementById("errors");
  if (box) { box.textContent = recordedErrors.join("\n"); box.hidden = false; }
  if (document.body) document.body.dataset.errors = String(recordedErrors.length);
}
window.addEventListener("error", (event) => recordError("error: " + event.message));
window.addEventListener("unhandledrejection", (event) => recordError("unhandled rejection: " + event.reason));
const consoleError = console.error.bind(console);
console.error = (...args) => { recordError(args.join(" ")); consoleError(...args); };
</script>
<style>
:root { --bg: #0f1419; --card: #182028; --text: #d8dee4; --muted: #8b98a5; --grid: #2a3540; --bad: #ff6b6b; --good: #5fd38d; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--text); font: 14px/1.4 system-ui, sans-serif; }
header { display: flex; align-items: center; gap: 16px; padding: 12px 20px; border-bottom: 1px solid var(--grid); flex-wrap: wrap; }
header h1 { font-size: 18px; margin: 0; font-weight: 600; }
header .status { color: var(--muted); flex: 1; }
button { background: var(--card); color: var(--text); border: 1px solid var(--grid); border-radius: 4px; padding: 4px 10px; cursor: pointer; }
button.selected { border-color: #6cb6ff; color: #6cb6ff; }
h2 { font-size: 15px; font-weight: 600; margin: 18px 20px 6px; color: var(--muted); text-transform: uppercase; letter-spacing: .05em; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(380px, 1fr)); gap: 12px; padding: 0 20px; }
.card { background: var(--card); border-radius: 6px; padding: 10px 12px; min-width: 0; }
.card h3 { font-size: 13px; font-weight: 600; margin: 0 0 2px; display: flex; justify-content: space-between; gap: 8px; }
.card h3 .now { color: #6cb6ff; font-variant-numeric: tabular-nums; }
.plot svg { width: 100%; height: auto; display: block; }
.legend { color: var(--muted); font-size: 12px; }
.legend span::before { content: ""; display: inline-block; width: 10px; height: 3px; margin: 0 4px 3px 8px; background: var(--c); }
table { border-collapse: collapse; width: 100%; font-size: 13px; font-variant-numeric: tabular-nums; }
th, td { text-align: left; padding: 3px 6px; border-bottom: 1px solid var(--grid); }
th { color: var(--muted); font-weight: 500; }
.ok { color: var(--good); } .bad { color: var(--bad); }
#errors { margin: 12px 20px; padding: 8px; background: #3a1d1d; color: var(--bad); white-space: pre-wrap; }
footer { color: var(--muted); padding: 16px 20px; font-size: 12px; }
</style>
</head>
<body data-state="loading" data-errors="0" data-updates="0">
<header>
  <h1>AuraStream</h1>
  <span class="status" id="status">loading…</span>
  <span id="windows"><button data-window="10m" class="selected">10 min</button> <button data-window="1h">1 hour</button> <button data-window="24h">24 hours</button></span>
</header>
<pre id="errors" hidden></pre>
<h2>Operations</h2>
<div class="grid">
  <div class="card" data-chart="calls"><h3>Calls per second <span class="now"></span></h3><div class="plot"></div><div class="legend"></div></div>
  <div class="card" data-chart="errorRate"><h3>Error rate (server errors) <span class="now"></span></h3><div class="plot"></div><div class="legend"></div></div>
  <div class="card" data-chart="latency"><h3>Unary latency <span class="now"></span></h3><div class="plot"></div><div class="legend"></div></div>
  <div class="card" data-chart="cacheHitRate"><h3>Cache hit rate <span class="now"></span></h3><div class="plot"></div><div class="legend"></div></div>
  <div class="card" data-chart="connections"><h3>Connections <span class="now"></span></h3><div class="plot"></div><div class="legend"></div></div>
  <div class="card" data-chart="memory"><h3>Resident memory <span class="now"></span></h3><div class="plot"></div><div class="legend"></div></div>
  <div class="card" data-chart="loopBusy"><h3>Event loops busy <span class="now"></span></h3><div class="plot"></div><div class="legend"></div></div>
  <div class="card" data-chart="jobQueue"><h3>Job queue depth <span class="now"></span></h3><div class="plot"></div><div class="legend"></div></div>
  <div class="card" data-chart="fsync"><h3>Job log fsync latency <span class="now"></span></h3><div class="plot"></div><div class="legend"></div></div>
  <div class="card"><h3>Health per service</h3><table id="services"></table></div>
  <div class="card"><h3>Plugins</h3><table id="plugins"></table></div>
  <div class="card"><h3>Active alerts</h3><table id="alerts"></table></div>
</div>
<h2>Business</h2>
<div class="grid">
  <div class="card" data-chart="sentiment"><h3>Sentiment distribution <span class="now"></span></h3><div class="plot"></div><div class="legend"></div></div>
  <div class="card" data-chart="processed"><h3>Processed per day <span class="now"></span></h3><div class="plot"></div><div class="legend"></div></div>
  <div class="card" data-chart="keys"><h3>Usage per API key <span class="now"></span></h3><div class="plot"></div><div class="legend"></div></div>
  <div class="card" data-chart="sla"><h3>SLA compliance <span class="now"></span></h3><div class="plot"></div><div class="legend"></div></div>
  <div class="card" data-chart="cost"><h3>Cost: CPU-seconds per 1000 analyses <span class="now"></span></h3><div class="plot"></div><div class="legend"></div></div>
</div>
<footer>Series live in the server's memory (a point a second for an hour, a minute for a day, a day for 30 days) and start over with it. docs/DASHBOARD.md explains every chart.</footer>
<script>
"use strict";
const WINDOWS = { "10m": ["second", 600], "1h": ["second", 3600], "24h": ["minute", 1440] };
const COLORS = ["#6cb6ff", "#f0b849", "#ff6b6b", "#5fd38d", "#c792ea"];
const key = new URLSearchParams(location.search).get("key");
let selected = "10m", updates = 0;

const W = 480, H = 150, L = 52, R = 10, T = 8, B = 20;
const esc = (text) => String(text).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
const clock = (ms) => new Date(ms).toISOString().slice(11, 19);
const day = (ms) => new Date(ms).toISOString().slice(5, 10);
const last = (values) => { for (let i = values.length - 1; i >= 0; i--) if (values[i] != null) return values[i]; return null; };
const sum = (values) => values.reduce((a, v) => a + (v == null ? 0 : v), 0);
const fmt = (v, digits = 3) => v == null ? "–" : Math.abs(v) >= 1000 ? Math.round(v).toLocaleString("en") : Number(v.toPrecision(digits)).toString();
const per = (a, b) => a.map((v, i) => (b[i] ? v / b[i] : null));
const scale = (values, factor) => values.map((v) => (v == null ? null : v * factor));

function card(id) { return document.querySelector(`[data-chart="${id}"]`); }

function legend(id, lines) {
  card(id).querySelector(".legend").innerHTML = lines.map((l, i) => `<span style="--c:${l.color || COLORS[i]}">${esc(l.label)}</span>`).join("");
}

function frame(lo, hi, unit, times) {
  let svg = `<svg viewBox="0 0 ${W} ${H}" role="img">`;
  const decimals = Math.max(0, Math.min(6, 1 - Math.floor(Math.log10(hi - lo))));  // enough to tell the three labels apart
  for (const f of [0, 0.5, 1]) {
    const y = T + (H - T - B) * (1 - f), v = lo + (hi - lo) * f;
    svg += `<line x1="${L}" x2="${W - R}" y1="${y}" y2="${y}" stroke="var(--grid)"/>`;
    svg += `<text x="${L - 4}" y="${y + 4}" fill="var(--muted)" font-size="10" text-anchor="end">${esc((Math.abs(v) >= 1000 ? fmt(v) : Number(v.toFixed(decimals)).toString()) + unit)}</text>`;
  }
  if (times.length) {
    svg += `<text x="${L}" y="${H - 4}" fill="var(--muted)" font-size="10">${esc(times[0])}</text>`;
    svg += `<text x="${W - R}" y="${H - 4}" fill="var(--muted)" font-size="10" text-anchor="end">${esc(times[times.length - 1])}</text>`;
  }
  return svg;
}

// Lines over time; a null value (nothing measured in that step) breaks the line.
function lineChart(id, times, lines, { unit = "", min = 0, max = null, target = null } = {}) {
  let hi = max, lo = min, points = 0;
  const all = lines.flatMap((l) => l.values).filter((v) => v != null).concat(target == null ? [] : [target]);
  if (hi == null) hi = Math.max(0, ...all) * 1.1 || 1;
  if (lo == null) lo = Math.min(...all, hi) - (hi - Math.min(...all, hi)) * 0.1;
  if (hi <= lo) hi = lo + 1;
  const x = (i) => L + (times.length <= 1 ? (W - L - R) / 2 : (i * (W - L - R)) / (times.length - 1));
  const y = (v) => T + (H - T - B) * (1 - (Math.min(Math.max(v, lo), hi) - lo) / (hi - lo));
  let svg = frame(lo, hi, unit, times.map(clock));
  if (target != null) svg += `<line x1="${L}" x2="${W - R}" y1="${y(target)}" y2="${y(target)}" stroke="var(--bad)" stroke-dasharray="4 3"/>`;
  lines.forEach((line, n) => {
    const color = line.color || COLORS[n], v = line.values;
    let d = "", dots = "";
    v.forEach((value, i) => {
      if (value == null) return;
      const joined = i > 0 && v[i - 1] != null, alone = !joined && (i + 1 >= v.length || v[i + 1] == null);
      if (alone) dots += `<circle cx="${x(i).toFixed(1)}" cy="${y(value).toFixed(1)}" r="2.2" fill="${color}"/>`;
      else d += `${joined ? "L" : "M"}${x(i).toFixed(1)} ${y(value).toFixed(1)}`;
      points++;
    });
    if (d) svg += `<path d="${d}" fill="none" stroke="${color}" stroke-width="1.5" stroke-linejoin="round" class="series"/>`;
    svg += dots;
  });
  finish(id, svg, points);
  legend(id, lines.concat(target == null ? [] : [{ label: `target ${fmt(target)}${unit}`, color: "var(--bad)" }]));
}

// Shares of a whole over time as stacked columns, one per step with results (sparse steps
// stay visible), e.g. sentiment labels: one path per part.
function stackedChart(id, times, parts) {
  const totals = times.map((_, i) => sum(parts.map((p) => p.values[i])));
  const slot = (W - L - R) / Math.max(times.length, 1), width = Math.max(slot, 1.5);
  const y = (f) => T + (H - T - B) * (1 - f);
  let svg = frame(0, 100, "%", times.map(clock));
  const shown = times.map((_, i) => i).filter((i) => totals[i] > 0);
  let below = shown.map(() => 0);
  parts.forEach((part, n) => {
    let d = "";
    shown.forEach((i, k) => {
      const share = (part.values[i] || 0) / totals[i];
      if (share > 0) d += `M${(L + i * slot).toFixed(1)} ${y(below[k] + share).toFixed(1)}h${width.toFixed(2)}V${y(below[k]).toFixed(1)}h${(-width).toFixed(2)}z`;
      below[k] += share;
    });
    if (d) svg += `<path d="${d}" fill="${COLORS[n]}" fill-opacity="0.85" class="series"/>`;
  });
  finish(id, svg, shown.length);
  legend(id, parts);
}

// Grouped vertical bars, one group per label (e.g. per day).
function barChart(id, labels, groups, unit = "") {
  const hi = Math.max(1, ...groups.flatMap((g) => g.values)) * 1.1;
  const slot = (W - L - R) / Math.max(labels.length, 1), width = Math.max(2, (slot * 0.8) / groups.length);
  let svg = frame(0, hi, unit, []), points = 0;
  labels.forEach((label, i) => {
    groups.forEach((g, n) => {
      const v = g.values[i] || 0, h = ((H - T - B) * v) / hi;
      svg += `<rect x="${(L + i * slot + slot * 0.1 + n * width).toFixed(1)}" y="${(H - B - h).toFixed(1)}" width="${width.toFixed(1)}" height="${h.toFixed(1)}" fill="${COLORS[n]}" class="series"><title>${esc(label)} ${esc(g.label)}: ${esc(fmt(v))}</title></rect>`;
      points++;
    });
    if (labels.length <= 12 || i % Math.ceil(labels.length / 8) === 0) svg += `<text x="${(L + i * slot + slot / 2).toFixed(1)}" y="${H - 4}" fill="var(--muted)" font-size="10" text-anchor="middle">${esc(label)}</text>`;
  });
  finish(id, svg, points);
  legend(id, groups);
}

// Horizontal bars, one per row (e.g. per API key).
function rowChart(id, rows) {
  const shown = rows.slice(0, 8), hi = Math.max(1, ...shown.map((r) => r.value));
  const rowHeight = Math.min(26, (H - T - 4) / Math.max(shown.length, 1));
  let svg = `<svg viewBox="0 0 ${W} ${H}" role="img">`;
  shown.forEach((r, i) => {
    const y = T + i * rowHeight, w = ((W - 140 - 130) * r.value) / hi;
    svg += `<text x="0" y="${(y + rowHeight / 2 + 4).toFixed(1)}" fill="var(--text)" font-size="11">${esc(r.label)}</text>`;
    svg += `<rect x="140" y="${(y + 2).toFixed(1)}" width="${Math.max(w, 1).toFixed(1)}" height="${(rowHeight - 4).toFixed(1)}" fill="${COLORS[0]}" class="series"/>`;
    svg += `<text x="${(144 + w).toFixed(1)}" y="${(y + rowHeight / 2 + 4).toFixed(1)}" fill="var(--muted)" font-size="10">${esc(r.note)}</text>`;
  });
  finish(id, svg, shown.length);
}

function finish(id, svg, points) {
  const el = card(id);
  el.querySelector(".plot").innerHTML = svg + (points ? "" : `<text x="${W / 2}" y="${H / 2}" fill="var(--muted)" text-anchor="middle">no data yet</text>`) + "</svg>";
  el.dataset.points = String(points);
}

function now(id, text) { card(id).querySelector(".now").textContent = text; }

function table(id, head, rows) {
  document.getElementById(id).innerHTML = `<tr>${head.map((h) => `<th>${esc(h)}</th>`).join("")}</tr>` +
    (rows.length ? rows.map((r) => `<tr>${r.map((c) => `<td${c.cls ? ` class="${c.cls}"` : ""}>${esc(c.text ?? c)}</td>`).join("")}</tr>`).join("")
      : `<tr><td colspan="${head.length}">none</td></tr>`);
}

function render(data) {
  const t = data.times, s = data.series, step = data.stepMs / 1000;
  // A late sampler makes a point span more than a step: divide by the time it really covers.
  const spans = t.map((time, i) => (i > 0 && time > t[i - 1] ? (time - t[i - 1]) / 1000 : step));
  const rate = (name) => s[name].map((v, i) => (v == null ? null : v / spans[i]));
  const analyses = s.positive.map((_, i) => s.positive[i] + s.negative[i] + s.neutral[i] + s.mixed[i]);

  lineChart("calls", t, [{ label: "calls/s", values: rate("calls") }]);
  now("calls", fmt(last(rate("calls"))) + "/s");
  const errorRate = scale(per(s.errors, s.calls), 100);
  lineChart("errorRate", t, [{ label: "server errors / calls", values: errorRate }], { unit: "%" });
  now("errorRate", fmt(sum(s.calls) ? (100 * sum(s.errors)) / sum(s.calls) : null) + "%");
  lineChart("latency", t, [["p50", s.p50], ["p95", s.p95], ["p99", s.p99]].map(([label, v]) => ({ label, values: scale(v, 1000) })), { unit: " ms" });
  now("latency", "p99 " + fmt(last(s.p99) == null ? null : last(s.p99) * 1000) + " ms");
  lineChart("cacheHitRate", t, [{ label: "hits / lookups", values: scale(s.cacheHitRate, 100) }], { unit: "%", max: 100 });
  now("cacheHitRate", fmt(last(s.cacheHitRate) == null ? null : last(s.cacheHitRate) * 100) + "%");
  lineChart("connections", t, [{ label: "open RPC connections", values: s.connections }]);
  now("connections", fmt(last(s.connections)));
  lineChart("memory", t, [{ label: "RSS", values: scale(s.residentBytes, 1 / 1048576) }], { unit: " MiB" });
  now("memory", fmt(last(s.residentBytes) / 1048576) + " MiB");
  lineChart("loopBusy", t, [{ label: "CPU time / wall time, all loops", values: scale(s.loopBusy, 100) }], { unit: "%", max: 100 });
  now("loopBusy", fmt(last(s.loopBusy) == null ? null : last(s.loopBusy) * 100) + "%");
  lineChart("jobQueue", t, [{ label: "jobs waiting", values: s.jobQueueDepth }]);
  now("jobQueue", fmt(last(s.jobQueueDepth)));
  lineChart("fsync", t, [{ label: "p50", values: scale(s.jobLogSyncP50, 1000) }, { label: "p99", values: scale(s.jobLogSyncP99, 1000) }], { unit: " ms" });
  now("fsync", fmt(sum(s.jobLogSyncs)) + " syncs");

  stackedChart("sentiment", t, DATA_LABELS.map(([name, label]) => ({ label, values: s[name] })));
  now("sentiment", fmt(sum(analyses)) + " results");
  const days = data.days.times.map(day).concat(["today"]);
  const perDay = (name) => data.days.series[name].concat([data.today[name] ?? 0]);
  barChart("processed", days, [{ label: "documents", values: perDay("documents") }, { label: "records", values: perDay("records") }]);
  now("processed", `today ${fmt(data.today.documents ?? 0)} documents, ${fmt(data.today.records ?? 0)} records`);
  rowChart("keys", data.keys.map((k) => ({ label: k.id, value: k.calls, note: `${fmt(k.calls)} calls, ${fmt(k.today)} today` })));
  now("keys", data.keys.length + " keys");
  const within = scale(per(s.unaryWithinObjective, s.unaryCalls), 100), availability = scale(per(s.errors, s.calls), -100).map((v) => (v == null ? null : 100 + v));
  // Availability first, so the SLA line is drawn over it where both are 100%.
  lineChart("sla", t, [{ label: "availability", values: availability, color: COLORS[1] }, { label: `unary calls within ${fmt(data.sla.latencyMs)} ms`, values: within, color: COLORS[0] }],
    { unit: "%", min: null, max: 100, target: data.sla.targetPercent });
  const compliance = sum(s.unaryCalls) ? (100 * sum(s.unaryWithinObjective)) / sum(s.unaryCalls) : null;
  now("sla", `${fmt(compliance, 4)}% (target ${data.sla.targetPercent}%)`);
  card("sla").querySelector(".now").className = "now " + (compliance == null ? "" : compliance >= data.sla.targetPercent ? "ok" : "bad");
  lineChart("cost", t, [{ label: "CPU-seconds / 1000 analyses", values: per(scale(s.cpuSeconds, 1000), analyses) }], { unit: " s" });
  now("cost", fmt(sum(analyses) ? (1000 * sum(s.cpuSeconds)) / sum(analyses) : null) + " s");

  table("services", ["service", "status"], data.services.map((v) => [v.name, { text: v.serving ? "SERVING" : "NOT SERVING", cls: v.serving ? "ok" : "bad" }]));
  table("plugins", ["plugin", "version", "calls", "failures", "p50", "p99"], data.plugins.map((p) =>
    [`${p.kind} ${p.name}${p.active ? " (active)" : ""}`, p.version, fmt(p.calls), { text: fmt(p.failures), cls: p.failures ? "bad" : "" },
     fmt(p.p50Seconds * 1e6) + " µs", fmt(p.p99Seconds * 1e6) + " µs"]));
  table("alerts", ["alert", "since", "message"], data.alerts.map((a) => [{ text: a.name, cls: "bad" }, clock(a.sinceMs), a.message]));
  document.getElementById("status").textContent = `updated ${clock(data.now)} UTC · ${t.length} points of ${step} s`;
}
const DATA_LABELS = [["positive", "positive"], ["negative", "negative"], ["neutral", "neutral"], ["mixed", "mixed"]];

async function refresh() {
  const [resolution, points] = WINDOWS[selected];
  const url = `/dashboard/series.json?resolution=${resolution}&points=${points}` + (key ? `&key=${encodeURIComponent(key)}` : "");
  const response = await fetch(url, { cache: "no-store" });
  if (!response.ok) {
    document.getElementById("status").textContent = `HTTP ${response.status}: ${await response.text()}`;
    document.body.dataset.state = "refused";
    return;
  }
  render(await response.json());
  document.body.dataset.updates = String(++updates);
  document.body.dataset.state = "ready";
}

function poll() {
  refresh().catch((error) => recordError("refresh: " + error)).finally(() => setTimeout(poll, 2000));
}
document.getElementById("windows").addEventListener("click", (event) => {
  const choice = event.target.dataset && event.target.dataset.window;
  if (!choice) return;
  selected = choice;
  for (const b of document.querySelectorAll("[data-window]")) b.classList.toggle("selected", b.dataset.window === choice);
  refresh().catch((error) => recordError("refresh: " + error));
});
poll();
</script>
</body>
</html>
"""#
}
