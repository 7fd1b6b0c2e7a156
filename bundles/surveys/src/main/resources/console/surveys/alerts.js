// Low-score alerts: the open ones first (newest first), each with its worst answer; resolving one keeps a note.
import { notice } from './main.js';

export async function mount(main, c) {
  const { h, t, api } = c;
  const status = h('select', { id: 'alerts-status', onchange: () => show() },
    h('option', { value: 'OPEN' }, t('alerts.OPEN')), h('option', { value: 'RESOLVED' }, t('alerts.RESOLVED')));
  const message = h('div', { id: 'alerts-message' });
  const out = h('section', { id: 'alerts' });

  async function show() {
    const alerts = await c.attempt(message, () => api('GET', `/surveys/alerts?status=${status.value}`));
    if (!alerts) return;
    out.replaceChildren(alerts.length ? c.table([t('calls.date'), t('calls.branch'), t('alerts.member'), t('alerts.question'),
      t('alerts.score'), t('reports.operator'), status.value === 'OPEN' ? t('alerts.resolve') : t('alerts.note')],
    alerts.map(a => {
      const note = h('input', { class: 'alert-note', maxlength: '500', 'aria-label': t('alerts.note') });
      return h('tr', { 'data-alert': String(a.id) }, h('td', {}, c.fmt.dateTime(a.createdAt)), h('td', { dir: 'ltr' }, a.branch),
        h('td', {}, h('a', { href: `#/members/${a.member}` }, t('alerts.profile'))), h('td', { dir: 'ltr' }, a.question),
        h('td', { class: 'danger strong' }, c.fmt.number(a.score)), h('td', { dir: 'ltr' }, a.operator),
        h('td', {}, a.status === 'OPEN' ? h('span', { class: 'search' }, note, h('button', { type: 'button', class: 'alert-resolve',
          onclick: async () => {
            const done = await c.attempt(message, () => api('POST', `/surveys/alerts/${a.id}/resolve`, { note: note.value.trim() || undefined }));
            if (!done) return;
            await show();
            message.replaceChildren(notice(c, 'alert-resolved', t('alerts.resolved')));
          } }, t('alerts.resolve'))) : `${a.note || ''} · ${a.resolvedBy || ''}`));
    }), { id: 'alerts-list' }) : h('p', { class: 'muted', id: 'alerts-list' }, t('alerts.none')));
  }

  main.replaceChildren(h('h1', {}, t('alerts.title')), h('div', { class: 'search' }, c.field(t('alerts.status'), status)), message, out);
  await show();
}
