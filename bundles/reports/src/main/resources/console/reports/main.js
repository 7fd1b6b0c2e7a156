// bashgah-reports' console pages: the dashboard (a chart of every report, the RFM grid), the member list each chart
// and cell drills down to (save it as a segment, export it), and the saved segments. Public REST API only:
// /api/v1/reports/... with the user's token. Charts: Apache ECharts, embedded in this bundle (vendor/echarts/).
//
// Routes: #/ext/reports/dashboard, #/ext/reports/dashboard/members/<report>/<query>, #/ext/reports/segments[/<id>].

const FILTERS = 'bashgah.reports.filters';
const MANAGERS = ['chain-admin', 'branch-manager'];
const RFM_ROWS = [5, 4, 3, 2, 1];
const RFM_COLUMNS = [1, 2, 3, 4, 5];
const COLORS = ['#0f766e', '#d97706', '#2563eb', '#9333ea', '#dc2626', '#65a30d', '#0891b2'];
const SEGMENT_COLORS = {
  champions: '#0f766e', loyal: '#14b8a6', 'potential-loyalists': '#5eead4', new: '#a7f3d0', promising: '#bbf7d0',
  'need-attention': '#fde68a', 'about-to-sleep': '#fcd34d', 'at-risk': '#fb923c', 'cannot-lose': '#f87171',
  hibernating: '#cbd5e1', lost: '#94a3b8',
};

let echartsModule = null;

/** ECharts, loaded once per page from this bundle (an ES module; about 1 MB, so only when a dashboard opens). */
async function charts(c) {
  if (!echartsModule) echartsModule = await import(`${c.base}vendor/echarts/echarts.esm.min.js`);
  return echartsModule;
}

function stylesheet(c) {
  if (document.getElementById('reports-css')) return;
  document.head.append(c.h('link', { id: 'reports-css', rel: 'stylesheet', href: `${c.base}reports.css` }));
}

export async function mount(main, c, item, rest) {
  stylesheet(c);
  const [what, report, query] = (rest || '').split('/');
  if (item === 'segments') return what ? segmentMembers(main, c, what) : segments(main, c);
  if (what === 'members') return memberList(main, c, report, new URLSearchParams(query || ''));
  if (item === 'rfm') return dashboard(main, c, ['rfm'], c.t('report.rfm'));
  return dashboard(main, c, ALL_REPORTS, c.t('dash.title'));
}

// ------------------------------------------------------------------------------------------------ helpers

const mayListMembers = c => MANAGERS.includes(c.user.role);

function membersRoute(report, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  return `#/ext/reports/dashboard/members/${report}/${q.toString()}`;
}

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  const text = q.toString();
  return text ? `?${text}` : '';
}

function percent(c, value) {
  if (value === null || value === undefined) return '—';
  return `${c.fmt.number(value)}${c.lang === 'fa' ? '٪' : '%'}`;
}

/** A day (ISO) in the organisation's calendar and the user's language: Jalali for a Persian chain. */
function dayName(c, scope, iso, options = { day: 'numeric', month: 'short', year: 'numeric' }) {
  if (!iso) return '';
  const calendar = scope.calendar === 'persian' ? 'persian' : 'gregory';
  const locale = `${c.lang === 'fa' ? 'fa-IR' : 'en-US'}-u-ca-${calendar}`;
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));
}

/** A bucket's name for people: its month, or the day it starts (a week by its first day). */
function bucketName(c, scope, period) {
  if (scope.bucket === 'month') return dayName(c, scope, period.from, { month: 'long', year: 'numeric' });
  if (scope.bucket === 'week') return c.t('bucket.weekOf', { day: dayName(c, scope, period.from, { day: 'numeric', month: 'short' }) });
  return dayName(c, scope, period.from, { day: 'numeric', month: 'short' });
}

/** A KPI: a label and a number (kept in data-value for tests and copying), a link when it drills down. */
function kpi(c, id, label, value, href = null, kind = 'number') {
  const shown = kind === 'percent' ? c.h('span', { class: 'amount', 'data-value': value ?? '' }, percent(c, value))
    : c.money(value ?? 0);
  shown.id = id;
  return c.h('div', { class: 'kpi' }, c.h('span', { class: 'kpi-label' }, label),
    href ? c.h('a', { href, class: 'kpi-value', 'data-drill': id }, shown) : c.h('span', { class: 'kpi-value' }, shown));
}

function exportButtons(c, path, message) {
  const get = format => async () => {
    await c.attempt(message, () => c.download(`${path}${path.includes('?') ? '&' : '?'}format=${format}`));
  };
  return c.h('span', { class: 'exports' },
    c.h('button', { type: 'button', class: 'link', 'data-export': 'csv', onclick: get('csv') }, 'CSV'),
    c.h('button', { type: 'button', class: 'link', 'data-export': 'xlsx', onclick: get('xlsx') }, 'XLSX'));
}

/**
 * A chart card: title, KPIs, the chart, its numbers as a table (the chart's text alternative) and exports. The
 * ECharts instance is kept on the element (`.chart`), so tests and the console's developers can reach it.
 */
function card(c, id, title, note, path) {
  const message = c.h('div', { class: 'card-message' });
  const body = c.h('div', { class: 'card-body' });
  const el = c.h('section', { class: 'card report-card', id: `card-${id}`, 'data-report': id },
    c.h('div', { class: 'card-head' }, c.h('h2', {}, title), exportButtons(c, path, message)),
    note ? c.h('p', { class: 'muted' }, note) : null, message, body);
  return { el, body, message };
}

function chartBox(c, id) {
  return c.h('div', { class: 'chart', id: `chart-${id}`, role: 'img' });
}

function figures(c, headers, rows, id) {
  return c.h('details', { class: 'figures' }, c.h('summary', {}, c.t('dash.figures')), c.table(headers, rows, { id: `figures-${id}` }));
}

/** Draws an ECharts option into el; a click on a data item calls onClick(dataIndex, seriesIndex). */
function draw(echarts, c, el, label, option, onClick) {
  el.setAttribute('aria-label', label);
  // SVG: crisp at any size, and its texts are in the page like any other text
  const chart = echarts.init(el, null, { renderer: 'svg' });
  const rtl = c.lang === 'fa';
  const family = getComputedStyle(document.documentElement).fontFamily;
  chart.setOption({
    animation: false, color: COLORS, textStyle: { fontFamily: family },
    grid: { left: 56, right: 56, top: 36, bottom: 48, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: v => c.fmt.number(v) },
    legend: { top: 0, [rtl ? 'right' : 'left']: 0 },
    ...option,
  });
  if (onClick) {
    chart.on('click', e => onClick(e.dataIndex, e.seriesIndex));
    el.classList.add('drills');
  }
  new ResizeObserver(() => chart.resize()).observe(el);
  el.chart = chart;
  return chart;
}

/** A category axis that runs right to left in Persian, and a value axis with the language's digits. */
function axes(c, categories, extra = {}) {
  const rtl = c.lang === 'fa';
  const value = { type: 'value', position: rtl ? 'right' : 'left', axisLabel: { formatter: v => c.fmt.number(v) } };
  const axis = { xAxis: { type: 'category', data: categories, inverse: rtl, axisLabel: { hideOverlap: true } }, yAxis: [value] };
  if (extra.second) axis.yAxis.push({ ...value, position: rtl ? 'left' : 'right', splitLine: { show: false } });
  return axis;
}

function bars(name, data, extra = {}) {
  return { type: 'bar', name, data, label: { show: extra.labels ?? false, position: 'top', formatter: extra.format }, ...extra.series };
}

function line(name, data, extra = {}) {
  return { type: 'line', name, data, symbolSize: 6, connectNulls: false, ...extra };
}

// ---------------------------------------------------------------------------------------------- dashboard

function savedFilters(c) {
  let f = {};
  try { f = JSON.parse(sessionStorage.getItem(FILTERS) || '{}'); } catch { f = {}; }
  if (c.user.branch) f.branch = c.user.branch;   // a branch user's reports are its branch's (the API says so too)
  return { branch: f.branch || '', from: f.from || '', to: f.to || '', bucket: f.bucket || 'day' };
}

const ALL_REPORTS = ['new-members', 'sales', 'average-basket', 'engagement', 'retention', 'rfm', 'churn', 'clv',
  'tiers', 'points', 'purchase-interval', 'credit-liability', 'leaderboard'];
const SERIES = ['new-members', 'sales', 'average-basket', 'engagement', 'leaderboard'];

/** The dashboard: the pickers, then a card per report of `names` (the RFM page is the dashboard of one). */
async function dashboard(main, c, names, title) {
  const { h, t, api } = c;
  const filters = savedFilters(c);
  const branches = c.user.branch ? [] : await api('GET', '/branches').catch(() => []);
  const branch = h('select', { id: 'dash-branch', disabled: !!c.user.branch },
    c.user.branch ? h('option', { value: c.user.branch }, c.user.branch)
      : [h('option', { value: '' }, t('dash.wholeChain')), branches.map(b => h('option', { value: b.code }, `${b.name} (${b.code})`))]);
  branch.value = filters.branch;
  const from = h('input', { id: 'dash-from', type: 'date', value: filters.from });
  const to = h('input', { id: 'dash-to', type: 'date', value: filters.to });
  const bucket = h('select', { id: 'dash-bucket' }, ['day', 'week', 'month'].map(b => h('option', { value: b }, t(`bucket.${b}`))));
  bucket.value = filters.bucket;
  const range = h('p', { class: 'muted', id: 'dash-range' });
  const message = h('div', { id: 'dash-message' });
  const area = h('div', { class: 'report-grid', id: 'dash-cards' });

  const ranged = names.some(n => SERIES.includes(n));
  main.replaceChildren(h('h1', {}, title),
    h('form', { class: 'card search', id: 'dash-filters', onsubmit: e => {
      e.preventDefault();
      sessionStorage.setItem(FILTERS, JSON.stringify({ branch: branch.value, from: from.value, to: to.value, bucket: bucket.value }));
      show();
    } }, c.field(t('dash.branch'), branch), ranged ? [c.field(t('dash.from'), from), c.field(t('dash.to'), to),
      c.field(t('dash.bucket'), bucket)] : null, h('button', { type: 'submit', class: 'primary', id: 'dash-apply' }, t('dash.apply'))),
    range, message, area);

  async function show() {
    message.replaceChildren();
    const f = { branch: branch.value, from: from.value, to: to.value, bucket: bucket.value };
    const echarts = await charts(c);
    area.replaceChildren();
    area.dataset.loading = '1';
    const series = { branch: f.branch, from: f.from, to: f.to, bucket: f.bucket };
    const snapshot = { branch: f.branch };
    // one call per report, side by side; a report that fails shows its problem in its own card
    const params = {
      'new-members': series, sales: series, 'average-basket': series, engagement: series,
      retention: { branch: f.branch, bucket: 'month' }, leaderboard: { from: f.from, to: f.to },
    };
    if (c.user.branch) params.leaderboard.branch = c.user.branch;
    const answers = await Promise.all(names.map(n => api('GET', `/reports/${n}${query(params[n] || snapshot)}`)
      .then(body => ({ body }), error => ({ error }))));
    const drawers = { 'new-members': newMembers, sales, 'average-basket': averageBasket, engagement, retention, rfm: rfmCard,
      churn, clv, tiers, points, 'purchase-interval': purchaseInterval, 'credit-liability': creditLiability, leaderboard };
    names.forEach((n, i) => {
      const path = `/reports/${n}${query(params[n] || snapshot)}`;
      const box = card(c, n, t(`report.${n}`), t(`note.${n}`), path);
      area.append(box.el);
      if (answers[i].error) box.body.replaceChildren(c.problemBox(answers[i].error));
      else drawers[n](echarts, c, box.body, answers[i].body, f);
    });
    const sc = answers[names.indexOf('sales')]?.body?.scope;
    if (sc) {
      if (!from.value) from.value = sc.from;
      if (!to.value) to.value = sc.to;
      range.replaceChildren(t('dash.range', { from: dayName(c, sc, sc.from), to: dayName(c, sc, sc.to), today: dayName(c, sc, sc.today) }));
    }
    delete area.dataset.loading;
    area.dataset.ready = '1';
  }
  await show();
}

function newMembers(echarts, c, body, r) {
  const { h, t } = c;
  const names = r.periods.map(p => bucketName(c, r.scope, p));
  const drill = i => { if (mayListMembers(c)) c.go(membersRoute('new-members', { branch: r.scope.branch, from: r.periods[i].from, to: r.periods[i].to }).slice(2)); };
  const el = chartBox(c, 'new-members');
  body.append(h('div', { class: 'kpis' },
    kpi(c, 'kpi-joined', t('kpi.joined'), r.joined, mayListMembers(c) ? membersRoute('new-members', { branch: r.scope.branch, from: r.scope.from, to: r.scope.to }) : null),
    kpi(c, 'kpi-members-start', t('kpi.membersAtStart'), r.membersAtStart), kpi(c, 'kpi-members-end', t('kpi.membersAtEnd'), r.membersAtEnd)),
  el, figures(c, [t('col.period'), t('kpi.joined'), t('kpi.members')], r.periods.map((p, i) => h('tr', {},
    h('td', {}, names[i]), h('td', {}, c.money(p.joined)), h('td', {}, c.money(p.members)))), 'new-members'));
  draw(echarts, c, el, t('report.new-members'), { ...axes(c, names, { second: true }),
    series: [bars(t('kpi.joined'), r.periods.map(p => p.joined)), line(t('kpi.members'), r.periods.map(p => p.members), { yAxisIndex: 1 })] },
  mayListMembers(c) ? (i, s) => s === 0 && drill(i) : null);
}

function sales(echarts, c, body, r) {
  const { h, t } = c;
  const names = r.periods.map(p => bucketName(c, r.scope, p));
  const el = chartBox(c, 'sales');
  body.append(h('div', { class: 'kpis' },
    kpi(c, 'kpi-sales-amount', t('kpi.amount'), r.total.amount), kpi(c, 'kpi-sales-purchases', t('kpi.purchases'), r.total.purchases),
    kpi(c, 'kpi-sales-members', t('kpi.buyers'), r.total.members), kpi(c, 'kpi-sales-basket', t('kpi.averageBasket'), r.total.averageBasket),
    kpi(c, 'kpi-sales-refunded', t('kpi.refunded'), r.total.refunded)),
  el, figures(c, [t('col.period'), t('kpi.amount'), t('kpi.purchases'), t('kpi.buyers'), t('kpi.refunded')], r.periods.map((p, i) => h('tr', {},
    h('td', {}, names[i]), h('td', {}, c.money(p.amount)), h('td', {}, c.money(p.purchases)), h('td', {}, c.money(p.members)),
    h('td', {}, c.money(p.refunded)))), 'sales'));
  draw(echarts, c, el, t('report.sales'), { ...axes(c, names, { second: true }),
    series: [bars(t('kpi.amount'), r.periods.map(p => p.amount)),
      line(t('kpi.purchases'), r.periods.map(p => p.purchases), { yAxisIndex: 1 }),
      line(t('kpi.buyers'), r.periods.map(p => p.members), { yAxisIndex: 1 })] });
}

function averageBasket(echarts, c, body, r) {
  const { h, t } = c;
  const names = r.periods.map(p => bucketName(c, r.scope, p));
  const el = chartBox(c, 'average-basket');
  body.append(h('div', { class: 'kpis' },
    kpi(c, 'kpi-basket-all', t('kpi.averageBasket'), r.total.averageBasket),
    kpi(c, 'kpi-basket-first', t('kpi.firstVisitBasket'), r.total.firstVisitBasket),
    kpi(c, 'kpi-basket-repeat', t('kpi.repeatBasket'), r.total.repeatBasket)), el);
  draw(echarts, c, el, t('report.average-basket'), { ...axes(c, names),
    series: [line(t('kpi.averageBasket'), r.periods.map(p => p.averageBasket)),
      line(t('kpi.firstVisitBasket'), r.periods.map(p => p.firstVisitBasket)),
      line(t('kpi.repeatBasket'), r.periods.map(p => p.repeatBasket))] });
}

function engagement(echarts, c, body, r) {
  const { h, t } = c;
  const names = r.periods.map(p => bucketName(c, r.scope, p));
  const el = chartBox(c, 'engagement');
  body.append(h('div', { class: 'kpis' },
    kpi(c, 'kpi-engaged', t('kpi.activePercent'), r.total.activePercent, null, 'percent'),
    kpi(c, 'kpi-engaged-active', t('kpi.active'), r.total.active), kpi(c, 'kpi-engaged-members', t('kpi.members'), r.total.members)), el);
  draw(echarts, c, el, t('report.engagement'), { ...axes(c, names),
    tooltip: { trigger: 'axis', valueFormatter: v => percent(c, v) },
    series: [line(t('kpi.activePercent'), r.periods.map(p => p.activePercent), { areaStyle: { opacity: 0.15 } })] });
}

/** Retention as a table of cohorts (rows) by periods after joining (columns), shaded by the percentage. */
function retention(echarts, c, body, r) {
  const { h, t } = c;
  const periods = Math.max(0, ...r.cohorts.map(x => x.retained.length));
  const cell = x => {
    const td = h('td', { class: 'num heat', 'data-percent': x.percent ?? '' }, x.percent === null ? '—' : percent(c, x.percent));
    // the shade is set through the CSS object model: the console's CSP allows no inline style attributes
    if (x.percent !== null) {
      td.style.setProperty('--heat', String(Number(x.percent) / 100));
      if (Number(x.percent) > 50) td.classList.add('dark');
    }
    return td;
  };
  body.append(c.table([t('col.cohort'), t('kpi.members'), ...Array.from({ length: periods }, (_, k) => t('col.periodAfter', { k: c.fmt.number(k) }))],
    r.cohorts.map(x => h('tr', { 'data-cohort': x.label },
      h('th', { scope: 'row' }, mayListMembers(c)
        ? h('a', { href: membersRoute('new-members', { branch: r.scope.branch, from: x.from, to: x.to }) }, dayName(c, r.scope, x.from, { month: 'long', year: 'numeric' }))
        : dayName(c, r.scope, x.from, { month: 'long', year: 'numeric' })),
      h('td', { class: 'num' }, c.money(x.members)), x.retained.map(cell))), { id: 'retention-table', class: 'retention' }));
}

/** The RF grid: rows R5 (bought lately) to R1, columns F1 (one visit) to F5; each cell its segment and count. */
function rfmGrid(c, r) {
  const { h, t } = c;
  const cells = new Map(r.grid.map(g => [`${g.r}-${g.f}`, g]));
  return h('div', { class: 'table-wrap' }, h('table', { class: 'rfm-grid', id: 'rfm-grid' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('rfm.corner')), RFM_COLUMNS.map(f => h('th', { scope: 'col' }, `F${c.fmt.number(f)}`)))),
    h('tbody', {}, RFM_ROWS.map(rScore => h('tr', {}, h('th', { scope: 'row' }, `R${c.fmt.number(rScore)}`), RFM_COLUMNS.map(f => {
      const g = cells.get(`${rScore}-${f}`) || { r: rScore, f, segment: '', members: 0 };
      const content = [h('span', { class: 'segment' }, t(`segment.${g.segment}`)), h('span', { class: 'count' }, c.money(g.members))];
      const td = h('td', { 'data-r': String(rScore), 'data-f': String(f), 'data-segment': g.segment, 'data-members': String(g.members) },
        mayListMembers(c) && g.members > 0 ? h('a', { href: membersRoute('rfm', { branch: r.scope.branch, r: rScore, f }) }, content) : content);
      td.style.setProperty('--segment', SEGMENT_COLORS[g.segment] || '#e5e7eb');
      return td;
    }))))));
}

function rfmCard(echarts, c, body, r) {
  const { h, t } = c;
  body.append(h('div', { class: 'kpis' }, kpi(c, 'kpi-rfm-members', t('kpi.scored'), r.members),
    kpi(c, 'kpi-rfm-never', t('kpi.neverBought'), r.neverBought)),
  rfmGrid(c, r),
  c.table([t('col.segment'), t('kpi.members'), t('col.share'), t('col.recency'), t('col.visits'), t('col.spend')],
    r.segments.map(s => h('tr', { 'data-segment': s.segment },
      h('td', {}, mayListMembers(c) && s.members > 0 ? h('a', { href: membersRoute('rfm', { branch: r.scope.branch, segment: s.segment }) }, t(`segment.${s.segment}`)) : t(`segment.${s.segment}`)),
      h('td', { class: 'num' }, c.money(s.members)), h('td', { class: 'num' }, percent(c, s.percent)),
      h('td', { class: 'num' }, s.averageRecencyDays === null ? '—' : c.fmt.number(s.averageRecencyDays)),
      h('td', { class: 'num' }, s.averageVisits === null ? '—' : c.fmt.number(s.averageVisits)),
      h('td', { class: 'num' }, s.averageSpend === null ? '—' : c.money(s.averageSpend)))), { id: 'rfm-segments' }));
}

function churn(echarts, c, body, r) {
  const { h, t } = c;
  const list = status => (mayListMembers(c) ? membersRoute('churn', { branch: r.scope.branch, status }) : null);
  const el = chartBox(c, 'churn');
  body.append(h('div', { class: 'kpis' },
    kpi(c, 'kpi-churn-percent', t('kpi.churnPercent'), r.churnPercent, null, 'percent'),
    kpi(c, 'kpi-churned', t('kpi.churned'), r.churned, list('churned')), kpi(c, 'kpi-active', t('kpi.active'), r.active, list('active')),
    kpi(c, 'kpi-never', t('kpi.neverBought'), r.neverBought, list('never'))), el);
  draw(echarts, c, el, t('report.churn'), { ...axes(c, r.daysSinceLastVisit.map(b => c.t('band.days', { band: bandName(c, b) }))),
    series: [bars(t('kpi.members'), r.daysSinceLastVisit.map(b => b.members), { labels: true, format: p => c.fmt.number(p.value) })] });
}

function bandName(c, b) {
  if (b.to === null) return `${c.fmt.number(b.from)}+`;
  return b.to === b.from ? c.fmt.number(b.from) : `${c.fmt.number(b.from)}–${c.fmt.number(b.to)}`;
}

/** A distribution (bands of members) as bars labelled with their counts; a bar opens its members. */
function distribution(echarts, c, body, id, title, bands, names, drill, kpis) {
  const { h, t } = c;
  const el = chartBox(c, id);
  body.append(h('div', { class: 'kpis' }, kpis), el,
    figures(c, [t('col.band'), t('kpi.members'), t('col.share')], bands.map((b, i) => h('tr', {},
      h('td', {}, drill ? h('a', { href: drill(i) }, names[i]) : names[i]), h('td', { class: 'num' }, c.money(b.members)),
      h('td', { class: 'num' }, percent(c, b.percent)))), id));
  draw(echarts, c, el, title, { ...axes(c, names),
    series: [bars(t('kpi.members'), bands.map(b => b.members), { labels: true, format: p => c.fmt.number(p.value) })] },
  drill ? i => c.go(drill(i).slice(2)) : null);
}

function clv(echarts, c, body, r) {
  const { t } = c;
  const drill = mayListMembers(c) ? i => membersRoute('clv', { branch: r.scope.branch, min: r.deciles[i].lowest, max: r.deciles[i].highest }) : null;
  const el = chartBox(c, 'clv');
  body.append(c.h('div', { class: 'kpis' },
    kpi(c, 'kpi-clv-total', t('kpi.historicalTotal'), r.historicalTotal), kpi(c, 'kpi-clv-average', t('kpi.historicalAverage'), r.historicalAverage),
    kpi(c, 'kpi-clv-median', t('kpi.historicalMedian'), r.historicalMedian), kpi(c, 'kpi-clv-predicted', t('kpi.predictedAverage'), r.predictedAverage)), el);
  draw(echarts, c, el, t('report.clv'), { ...axes(c, r.deciles.map(d => t('col.decile', { n: c.fmt.number(d.decile) }))),
    series: [bars(t('kpi.historicalTotal'), r.deciles.map(d => d.historical))] }, drill ? i => c.go(drill(i).slice(2)) : null);
}

function tiers(echarts, c, body, r) {
  const names = r.tiers.map(x => tierName(c, x.tier));
  const drill = mayListMembers(c) ? i => membersRoute('tiers', { branch: r.scope.branch, tier: r.tiers[i].tier }) : null;
  distribution(echarts, c, body, 'tiers', c.t('report.tiers'), r.tiers, names, drill, [kpi(c, 'kpi-tiers-members', c.t('kpi.members'), r.members)]);
}

function tierName(c, code) {
  const name = c.t(`tier.${code}`);
  return name === `tier.${code}` ? code : name;
}

function points(echarts, c, body, r) {
  const drill = mayListMembers(c) ? i => membersRoute('points', { branch: r.scope.branch, min: r.bands[i].from, max: r.bands[i].to }) : null;
  distribution(echarts, c, body, 'points', c.t('report.points'), r.bands, r.bands.map(b => bandName(c, b)), drill, [
    kpi(c, 'kpi-points-total', c.t('kpi.points'), r.points), kpi(c, 'kpi-points-holders', c.t('kpi.holders'), r.holders),
    kpi(c, 'kpi-points-average', c.t('kpi.averagePerHolder'), r.averagePerHolder)]);
}

function purchaseInterval(echarts, c, body, r) {
  const drill = mayListMembers(c) ? i => membersRoute('purchase-interval', { branch: r.scope.branch, min: r.bands[i].from, max: r.bands[i].to }) : null;
  distribution(echarts, c, body, 'purchase-interval', c.t('report.purchase-interval'), r.bands,
    r.bands.map(b => c.t('band.days', { band: bandName(c, b) })), drill, [
      kpi(c, 'kpi-interval-members', c.t('kpi.repeaters'), r.members),
      kpi(c, 'kpi-interval-average', c.t('kpi.averageDays'), r.averageDays, null, 'days'),
      kpi(c, 'kpi-interval-median', c.t('kpi.medianDays'), r.medianDays, null, 'days')]);
}

function creditLiability(echarts, c, body, r) {
  const { h, t } = c;
  const account = a => (a === 'POINTS' ? t('account.points') : a === 'SHARED_CREDIT' ? t('account.shared')
    : a.startsWith('BRANCH_CREDIT:') ? t('account.branch', { branch: a.slice(14) }) : a);
  const el = chartBox(c, 'credit-liability');
  body.append(c.table([t('col.account'), t('kpi.holders'), t('col.outstanding'), t('col.expiring', { date: dayName(c, r.scope, r.expiringBy) })],
    r.accounts.map(a => h('tr', { 'data-account': a.account }, h('td', {}, account(a.account)), h('td', { class: 'num' }, c.money(a.holders)),
      h('td', { class: 'num' }, c.money(a.outstanding, { class: 'amount outstanding' })), h('td', { class: 'num' }, c.money(a.expiring)))),
    { id: 'liability-accounts' }), el);
  const names = r.branches.map(b => b.branch);
  draw(echarts, c, el, t('report.credit-liability'), { ...axes(c, names),
    series: [bars(t('col.branchCredit'), r.branches.map(b => b.branchCredit), { series: { stack: 'money' } }),
      bars(t('col.memberShared'), r.branches.map(b => b.memberSharedCredit), { series: { stack: 'money' } })] });
}

function leaderboard(echarts, c, body, r) {
  const { h, t } = c;
  const el = chartBox(c, 'leaderboard');
  body.append(c.table([t('col.position'), t('dash.branch'), t('kpi.amount'), t('col.growth'), t('col.loyalty'), t('col.retention'), t('col.score')],
    r.branches.map(s => h('tr', { 'data-branch': s.branch }, h('td', { class: 'num' }, c.fmt.number(s.position)),
      h('td', {}, s.name, ' ', h('span', { class: 'muted', dir: 'ltr' }, `(${s.branch})`)), h('td', { class: 'num' }, c.money(s.sales, { class: 'amount sales' })),
      h('td', { class: 'num' }, percent(c, s.growthPercent)), h('td', { class: 'num' }, percent(c, s.loyaltyPercent)),
      h('td', { class: 'num' }, percent(c, s.retentionPercent)), h('td', { class: 'num' }, c.fmt.number(s.score)))),
    { id: 'leaderboard-table' }), el);
  draw(echarts, c, el, t('report.leaderboard'), { ...axes(c, r.branches.map(s => s.name)),
    series: [bars(t('kpi.amount'), r.branches.map(s => s.sales)), bars(t('col.previousSales'), r.branches.map(s => s.previousSales))] });
}

// ------------------------------------------------------------------------------------------- member lists

const LIMIT = 50;

async function memberList(main, c, report, params) {
  const { h, t, api } = c;
  const offset = Number(params.get('offset') || 0);
  const definition = new URLSearchParams(params);
  definition.delete('offset');
  definition.delete('limit');
  const page = await api('GET', `/reports/${report}/members?${definition.toString()}${definition.toString() ? '&' : ''}limit=${LIMIT}&offset=${offset}`);
  const message = h('div', { id: 'list-message' });
  const rfm = report === 'rfm';
  const headers = [t('col.name'), t('col.phone'), t('col.joinedBranch'), t('col.visits'), t('col.spend'), t('col.lastVisit'), t('kpi.points')];
  if (rfm) headers.push('R F M', t('col.segment'));
  if (report === 'purchase-interval') headers.push(t('col.interval'));
  if (report === 'clv') headers.push(t('col.predicted'));
  const rows = page.members.map(m => h('tr', { 'data-member': m.id },
    h('td', {}, h('a', { href: `#/members/${m.id}` }, m.name || t('col.noName'))), h('td', { dir: 'ltr' }, m.phone),
    h('td', { dir: 'ltr' }, m.joinedBranch || '—'), h('td', { class: 'num' }, c.money(m.visits)), h('td', { class: 'num' }, c.money(m.totalSpend)),
    h('td', {}, m.lastVisit ? c.fmt.date(m.lastVisit) : '—'), h('td', { class: 'num' }, c.money(m.points)),
    rfm ? [h('td', { dir: 'ltr' }, `${c.fmt.number(m.r)} ${c.fmt.number(m.f)} ${c.fmt.number(m.m)}`), h('td', {}, t(`segment.${m.segment}`))] : null,
    report === 'purchase-interval' ? h('td', { class: 'num' }, c.fmt.number(m.intervalDays)) : null,
    report === 'clv' ? h('td', { class: 'num' }, c.money(m.predictedValue)) : null));
  const nav = (to) => {
    const next = new URLSearchParams(definition);
    if (to > 0) next.set('offset', String(to));
    return `#/ext/reports/dashboard/members/${report}/${next.toString()}`;
  };
  const name = h('input', { id: 'segment-name', required: true, maxlength: '200' });
  const saved = h('div', { id: 'segment-saved' });
  const path = `/reports/${report}/members?${definition.toString()}`;
  main.replaceChildren(
    h('p', {}, h('a', { href: '#/ext/reports/dashboard' }, t('list.back'))),
    h('h1', { id: 'list-title' }, t(`report.${report}`), ' — ', t('list.members')),
    h('p', { class: 'chips', id: 'list-selection' }, [...definition.entries()].map(([k, v]) => h('span', { class: 'chip', 'data-param': k },
      t(`param.${k}`), ': ', selectionValue(c, page.scope, k, v)))),
    h('div', { class: 'card-head' }, h('p', {}, t('list.total'), ' ', c.money(page.total, { id: 'list-total' })), exportButtons(c, path, message)),
    message,
    page.members.length ? c.table(headers, rows, { id: 'list-members' }) : h('p', { class: 'muted', id: 'list-members' }, t('list.none')),
    h('p', { class: 'pager' },
      offset > 0 ? h('a', { href: nav(Math.max(0, offset - LIMIT)), id: 'list-previous' }, t('list.previous')) : null, ' ',
      offset + LIMIT < page.total ? h('a', { href: nav(offset + LIMIT), id: 'list-next' }, t('list.next')) : null),
    h('form', { class: 'card narrow', id: 'segment-form', onsubmit: async e => {
      e.preventDefault();
      const body = { name: name.value.trim(), report, parameters: Object.fromEntries(definition.entries()) };
      const segment = await c.attempt(saved, () => api('POST', '/reports/segments', body));
      if (!segment) return;
      saved.replaceChildren(h('div', { class: 'notice', role: 'status', id: 'segment-done', 'data-segment': segment.id },
        t('segment.saved', { name: segment.name }), ' ', c.money(segment.members, { id: 'segment-members' }), ' ',
        h('a', { href: `#/ext/reports/segments/${segment.id}` }, t('segment.open'))));
    } }, h('h2', {}, t('segment.saveTitle')), h('p', { class: 'muted' }, t('segment.saveHelp')),
    c.field(t('segment.name'), name), saved, h('button', { type: 'submit', class: 'primary', id: 'segment-save' }, t('segment.save'))));
}

function selectionValue(c, scope, key, value) {
  if (key === 'from' || key === 'to') return dayName(c, scope, value);
  if (key === 'segment') return c.t(`segment.${value}`);
  if (key === 'status') return c.t(`status.${value}`);
  if (key === 'tier') return tierName(c, value);
  if (/^\d+$/.test(value)) return c.fmt.number(value);
  return value;
}

// ------------------------------------------------------------------------------------------------ segments

async function segments(main, c) {
  const { h, t, api } = c;
  const list = await api('GET', '/reports/segments');
  const message = h('div');
  main.replaceChildren(h('h1', {}, t('segments.title')), h('p', { class: 'muted' }, t('segments.help')), message,
    list.length ? c.table([t('segment.name'), t('segments.report'), t('segments.parameters'), t('kpi.members'), t('segments.taken'), ''],
      list.map(s => h('tr', { 'data-segment': s.id },
        h('td', {}, h('a', { href: `#/ext/reports/segments/${s.id}` }, s.name)), h('td', {}, t(`report.${s.report}`)),
        h('td', { dir: 'ltr' }, Object.entries(s.parameters || {}).map(([k, v]) => `${k}=${v}`).join(' ')),
        h('td', { class: 'num' }, c.money(s.members)), h('td', {}, c.fmt.dateTime(s.asOf)),
        h('td', {}, h('button', { type: 'button', class: 'link danger', onclick: async () => {
          if (await c.attempt(message, () => api('DELETE', `/reports/segments/${s.id}`)) !== undefined) segments(main, c);
        } }, t('segments.delete'))))), { id: 'segments' })
      : h('p', { class: 'muted', id: 'segments' }, t('segments.none')));
}

async function segmentMembers(main, c, id) {
  const { h, t, api } = c;
  const segment = await api('GET', `/reports/segments/${id}`);
  const page = await api('GET', `/reports/segments/${id}/members?limit=100`);
  const members = page.members || page;
  main.replaceChildren(h('p', {}, h('a', { href: '#/ext/reports/segments' }, t('segments.back'))),
    h('h1', {}, segment.name), h('p', {}, t('list.total'), ' ', c.money(segment.members, { id: 'segment-total' })),
    c.table([t('col.name'), t('col.phone'), t('col.joinedBranch')], members.map(m => h('tr', { 'data-member': m.id },
      h('td', {}, h('a', { href: `#/members/${m.id}` }, m.name || t('col.noName'))), h('td', { dir: 'ltr' }, m.phone),
      h('td', { dir: 'ltr' }, m.joinedBranch || '—'))), { id: 'segment-list' }));
}
