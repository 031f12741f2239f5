// Hoà Nhập dashboard: the figures of a closed calendar year from /v1, as the API publishes them (withheld cells
// stay withheld, totals are the API's own), refreshed when the public feed says figures may have changed.
// The URL fragment may name the province (#province=46) and a jurisdiction token (#token=...): a fragment never
// reaches a server, nor its logs.
"use strict";

const numberFormat = new Intl.NumberFormat("vi-VN");                 // 12.345
const percentFormat = new Intl.NumberFormat("vi-VN", { style: "percent", maximumFractionDigits: 1 });
const dateFormat = new Intl.DateTimeFormat("vi-VN", { day: "2-digit", month: "2-digit", year: "numeric",
  hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone: "Asia/Ho_Chi_Minh" });
const vietnamYear = () => Number(new Intl.DateTimeFormat("en", { year: "numeric", timeZone: "Asia/Ho_Chi_Minh" })
  .format(new Date()));
const fragment = new URLSearchParams(location.hash.slice(1));
const token = fragment.get("token");
const WITHHELD = "không công bố";
const $ = (id) => document.getElementById(id);

function shown(value) {
  return value === null || value === undefined ? WITHHELD : numberFormat.format(value);
}

function show(element, value) {
  element.textContent = shown(value);
  element.classList.toggle("withheld", value === null || value === undefined);
}

async function figures(path, params) {
  const headers = token ? { Authorization: `Bearer ${token}` } : {};
  const response = await fetch(`${path}?${new URLSearchParams(params)}`, { headers });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

async function refresh() {
  const province = $("province").value, year = $("year").value;
  const period = { from: `${year}-01-01`, to: `${year}-12-31`, province_code: province };
  const [communes, cohort, releases] = await Promise.all([
    figures(`/v1/provinces/${province}/communes`, { from: period.from, to: period.to }),
    figures("/v1/recidivism/cohort", { ...period, months: 12 }),
    figures("/v1/releases", period),
  ]);
  $("view").textContent = communes.disclosure.view === "public" ? "Số liệu công khai" : "Số liệu đầy đủ (địa bàn)";
  renderCommunes(communes);
  renderCohort(cohort);
  show($("released"), releases.total);
  $("updated").textContent = dateFormat.format(new Date());
}

function renderCohort(cohort) {
  const element = $("cohort");
  element.textContent = cohort.suppressed ? WITHHELD : percentFormat.format(cohort.rate ?? 0);
  element.classList.toggle("withheld", cohort.suppressed);
  const pending = cohort.follow_up_complete_on && new Date(cohort.follow_up_complete_on) > new Date();
  $("cohort-counts").textContent = !cohort.suppressed
    ? `${numberFormat.format(cohort.numerator)} / ${numberFormat.format(cohort.denominator)} người`
    : pending ? `công bố khi đủ 12 tháng theo dõi (${cohort.follow_up_complete_on})` : "";
}

function renderCommunes(data) {
  $("province-title").textContent = `Theo xã, phường — ${data.province_name ?? data.province_code}`;
  const cell = (c, key, id) => `<td id="${id}-${c.commune_code}" class="number${c[key] === null ? " withheld" : ""}">
    ${shown(c[key])}</td>`;
  $("communes").innerHTML = data.communes.map((c) => `<tr data-commune="${c.commune_code}"><td>${c.commune_code}</td>
    <td>${c.name ?? ""}</td>${cell(c, "people_managed", "people")}${cell(c, "reoffences", "reoffences")}</tr>`).join("");
  show($("people-managed"), data.people_managed);   // the province's own published figure, never a sum of cells
  show($("reoffences"), data.reoffences);
  drawChart([...data.communes].sort((a, b) => (b.people_managed ?? -1) - (a.people_managed ?? -1)).slice(0, 20));
}

function drawChart(communes) {
  const svg = $("chart");
  const width = svg.clientWidth || 800, height = svg.clientHeight || 250;
  const largest = Math.max(1, ...communes.map((c) => c.people_managed ?? 0));
  const barWidth = width / Math.max(communes.length, 1);
  svg.innerHTML = communes.map((c, i) => {
    const withheld = c.people_managed === null;   // drawn as an outline at no height: no value to draw
    const barHeight = withheld ? 0 : (c.people_managed / largest) * (height - 30);
    return `<rect x="${i * barWidth + 4}" y="${height - 20 - barHeight}" width="${barWidth - 8}"
      height="${withheld ? 1 : barHeight}" fill="${withheld ? "#bbb" : "#8b1a1a"}"><title>${c.name ?? c.commune_code}:
      ${shown(c.people_managed)}</title></rect>
      <text x="${i * barWidth + barWidth / 2}" y="${height - 5}" font-size="10" text-anchor="middle">${c.commune_code}</text>`;
  }).join("");
}

const FEED_RETRY_MS = 15000;   // the feed's 503 past its cap says Retry-After: 10

function listen() {
  const feed = new EventSource("/v1/feed");   // notices only: the figures come from the API at its rules
  feed.onopen = () => $("live").classList.add("on");
  feed.onerror = () => {
    $("live").classList.remove("on");
    // A refusal (a 503 when the feed is full) closes the source for good: try again later, with what was missed.
    if (feed.readyState === EventSource.CLOSED) setTimeout(() => { refresh(); listen(); }, FEED_RETRY_MS);
  };
  feed.addEventListener("figures-changed", () => refresh());
}

$("filters").addEventListener("submit", (event) => { event.preventDefault(); refresh(); });
$("year").value = vietnamYear() - 1;   // the last closed year: the public sees closed years only
if (fragment.get("province")) $("province").value = fragment.get("province");
refresh();
listen();
