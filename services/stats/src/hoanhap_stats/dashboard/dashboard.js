// Hoà Nhập dashboard: public figures from /v1, kept current by the live feed (Server-Sent Events).
"use strict";

const numberFormat = new Intl.NumberFormat("vi-VN");                 // 12.345
const percentFormat = new Intl.NumberFormat("vi-VN", { style: "percent", maximumFractionDigits: 1 });
const dateFormat = new Intl.DateTimeFormat("vi-VN", { day: "2-digit", month: "2-digit", year: "numeric",
  hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone: "Asia/Ho_Chi_Minh" });
const $ = (id) => document.getElementById(id);

function shown(value) {
  return value === null || value === undefined ? "<5" : numberFormat.format(value);
}

function defaultPeriod() {
  const year = new Date().getFullYear() - 1;
  $("from").value = `${year - 4}-01-01`;
  $("to").value = `${year}-12-31`;
}

async function figures(path, params) {
  const response = await fetch(`${path}?${new URLSearchParams(params)}`);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

async function refresh() {
  const province = $("province").value;
  const period = { from: $("from").value, to: $("to").value, province_code: province };
  const [communes, cohort, releases] = await Promise.all([
    figures(`/v1/provinces/${province}/communes`, {}),
    figures("/v1/recidivism/cohort", { ...period, months: 12 }),
    figures("/v1/releases", period),
  ]);
  renderCommunes(communes);
  $("cohort").textContent = cohort.suppressed ? "<5" : percentFormat.format(cohort.rate ?? 0);
  $("cohort-counts").textContent = cohort.suppressed ? "" :
    `${numberFormat.format(cohort.numerator)} / ${numberFormat.format(cohort.denominator)} người`;
  $("released").textContent = shown(releases.total);
  $("updated").textContent = dateFormat.format(new Date());
}

function renderCommunes(data) {
  $("province-title").textContent = `Theo xã, phường — ${data.province_name ?? data.province_code}`;
  const rows = data.communes.map((c) => `<tr data-commune="${c.commune_code}"><td>${c.commune_code}</td>
    <td>${c.name ?? ""}</td><td class="number people">${shown(c.people_managed)}</td>
    <td class="number reoffences">${shown(c.reoffences)}</td></tr>`);
  $("communes").innerHTML = rows.join("");
  const total = (key) => data.communes.reduce((sum, c) => sum + (c[key] ?? 0), 0);
  $("people-managed").textContent = numberFormat.format(total("people_managed"));
  $("reoffences").textContent = numberFormat.format(total("reoffences"));
  drawChart(data.communes.slice(0, 20));
}

function drawChart(communes) {
  const svg = $("chart");
  const width = svg.clientWidth || 800, height = svg.clientHeight || 250;
  const largest = Math.max(1, ...communes.map((c) => c.people_managed ?? 0));
  const barWidth = width / Math.max(communes.length, 1);
  svg.innerHTML = communes.map((c, i) => {
    const barHeight = ((c.people_managed ?? 0) / largest) * (height - 30);
    return `<rect x="${i * barWidth + 4}" y="${height - 20 - barHeight}" width="${barWidth - 8}"
      height="${barHeight}" fill="#8b1a1a"><title>${c.name ?? c.commune_code}: ${shown(c.people_managed)}</title></rect>
      <text x="${i * barWidth + barWidth / 2}" y="${height - 5}" font-size="10" text-anchor="middle">${c.commune_code}</text>`;
  }).join("");
}

function listen() {
  const feed = new EventSource("/v1/feed?after=latest");   // reconnections resume by Last-Event-ID
  feed.onopen = () => $("live").classList.add("on");
  feed.onerror = () => $("live").classList.remove("on");
  let pending = null;
  feed.addEventListener("change", (event) => {
    const change = JSON.parse(event.data);
    if (change.province_code !== $("province").value) return;
    const row = document.querySelector(`tr[data-commune="${change.commune_code}"]`);
    if (row) { row.classList.remove("flash"); void row.offsetWidth; row.classList.add("flash"); }
    // At most one refresh every 300 ms: a burst of changes costs one, and a steady stream (stats catching up)
    // still refreshes, where restarting the timer on every change would put the refresh off until it ends.
    if (pending === null) pending = setTimeout(() => { pending = null; refresh(); }, 300);
  });
}

$("filters").addEventListener("submit", (event) => { event.preventDefault(); refresh(); });
defaultPeriod();
refresh();
listen();
