// Survey reports: response rate, CSAT and NPS by branch (the branches side by side), operator, campaign, question or
// day over a period; how each question was answered; the free-text answers; CSV exports of each.
import { figure, text } from './main.js';

const BY = ['branch', 'operator', 'campaign', 'question', 'day'];

export async function mount(main, c) {
  const { h, t, api } = c;
  // empty: the server's default, the last 30 days of the organisation's own calendar and time zone
  const from = h('input', { id: 'report-from', type: 'date' });
  const to = h('input', { id: 'report-to', type: 'date' });
  const by = h('select', { id: 'report-by' }, BY.map(b => h('option', { value: b }, t(`by.${b}`))));
  const branch = h('input', { id: 'report-branch', dir: 'ltr', value: c.user?.branch || '', readonly: c.user?.branch ? true : null });
  const message = h('div', { id: 'report-message' });
  const out = h('section', { id: 'report-out' });

  const query = extra => {
    const p = new URLSearchParams(extra);
    p.set('lang', c.lang === 'en' ? 'en' : 'fa');
    if (from.value) p.set('from', from.value);
    if (to.value) p.set('to', to.value);
    if (branch.value.trim()) p.set('branch', branch.value.trim());
    return p.toString();
  };

  async function run() {
    const summary = await c.attempt(message, () => api('GET', `/surveys/reports?${query({ by: by.value })}`));
    if (!summary) return;
    const distribution = await api('GET', `/surveys/reports/distribution?${query({})}`).catch(() => []);
    const texts = await api('GET', `/surveys/reports/texts?${query({ limit: '50' })}`).catch(() => []);
    const row = (r, total) => h('tr', { 'data-key': r.key, class: total ? 'strong' : null },
      h('td', {}, total ? t('reports.total') : r.label || r.key), h('td', {}, figure(c, r.calls)), h('td', {}, figure(c, r.completed)),
      h('td', {}, figure(c, r.responseRate)), h('td', { class: 'csat' }, figure(c, r.csat)), h('td', {}, figure(c, r.averageScale)),
      h('td', {}, figure(c, r.npsAnswers)), h('td', {}, `${figure(c, r.promoters)} / ${figure(c, r.passives)} / ${figure(c, r.detractors)}`),
      h('td', { class: 'nps' }, figure(c, r.nps)));
    // the period the server took (its default: the organisation's last 30 days), in the user's calendar
    const day = d => c.fmt.date(`${d}T12:00:00Z`);
    out.replaceChildren(
      h('p', { class: 'muted', id: 'report-period' }, t('reports.period', { from: day(summary.from), to: day(summary.to) })),
      h('div', { class: 'grid' },
        h('div', { class: 'card' }, h('h3', {}, t('reports.csat')), h('p', { class: 'strong', id: 'report-csat' }, figure(c, summary.total.csat))),
        h('div', { class: 'card' }, h('h3', {}, t('reports.nps')), h('p', { class: 'strong', id: 'report-nps' }, figure(c, summary.total.nps))),
        h('div', { class: 'card' }, h('h3', {}, t('reports.responseRate')), h('p', { class: 'strong', id: 'report-response-rate' }, figure(c, summary.total.responseRate)))),
      c.table([t(`by.${by.value}`), t('reports.calls'), t('reports.completed'), t('reports.responseRate'), t('reports.csat'),
        t('reports.average'), t('reports.npsAnswers'), t('reports.promoters'), t('reports.nps')],
      [...summary.rows.map(r => row(r, false)), row(summary.total, true)], { id: 'report-summary' }),
      h('p', {}, exportButton(c, message, 'summary', () => query({ report: 'summary', by: by.value }))),
      h('h2', {}, t('reports.distribution')),
      distribution.length ? h('div', { id: 'report-distribution' }, distribution.map(d => h('div', { class: 'card', 'data-question': d.question },
        h('h3', {}, text(c, d.text), ' ', h('span', { class: 'muted' }, t('reports.answers', { n: c.fmt.number(d.answers) }))),
        bars(c, d)))) : h('p', { class: 'muted' }, t('reports.noAnswers')),
      h('p', {}, exportButton(c, message, 'distribution', () => query({ report: 'distribution' }))),
      h('h2', {}, t('reports.texts')),
      texts.length ? c.table([t('calls.date'), t('calls.branch'), t('reports.operator'), t('reports.text')], texts.map(x => h('tr', {},
        h('td', {}, c.fmt.dateTime(x.answeredAt)), h('td', { dir: 'ltr' }, x.branch), h('td', { dir: 'ltr' }, x.operator),
        h('td', { class: 'wrap' }, x.text))), { id: 'report-texts' }) : h('p', { class: 'muted' }, t('reports.noTexts')),
      h('p', {}, exportButton(c, message, 'texts', () => query({ report: 'texts' }))));
  }

  main.replaceChildren(h('h1', {}, t('reports.title')),
    h('form', { class: 'card search', onsubmit: async e => { e.preventDefault(); await run(); } },
      c.field(t('reports.from'), from), c.field(t('reports.to'), to), c.field(t('reports.by'), by),
      c.field(t('calls.branch'), branch), h('button', { type: 'submit', class: 'primary', id: 'report-run' }, t('reports.run'))),
    message, out);
  await run();
}

/** Counts per score or choice as bars, so a manager sees the shape at a glance. */
function bars(c, d) {
  const { h } = c;
  const max = Math.max(1, ...Object.values(d.counts));
  return h('dl', { class: 'bars' }, Object.entries(d.counts).map(([key, n]) => {
    const bar = h('span', { class: 'bar' });
    bar.style.width = `${Math.round(100 * n / max)}%`;   // through the CSSOM: the page's CSP allows no inline style
    return [h('dt', {}, /^\d+$/.test(key) ? c.fmt.number(key) : key), h('dd', { 'data-count': String(n) }, bar, ' ', c.fmt.number(n))];
  }));
}

/** The CSV comes with the user's token, which a plain link cannot send: fetch it and hand the browser the file. */
function exportButton(c, message, report, query) {
  const { h, t } = c;
  return h('button', { type: 'button', class: 'link', id: `export-${report}`, onclick: async () => {
    const response = await fetch(`/api/v1/surveys/reports/export?${query()}`, {
      headers: { Authorization: `Bearer ${sessionStorage.getItem('bashgah.token')}` }, cache: 'no-store' });
    if (!response.ok) {
      message.replaceChildren(h('div', { class: 'problem', role: 'alert', 'data-status': String(response.status) }, t('error.other', { status: response.status })));
      return;
    }
    const url = URL.createObjectURL(await response.blob());
    const a = h('a', { href: url, download: `surveys-${report}.csv` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } }, t('reports.export'));
}
