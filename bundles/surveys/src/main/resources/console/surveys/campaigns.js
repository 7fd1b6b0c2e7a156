// Campaigns: the list with their queues, one campaign's definition (the JSON of docs/surveys.md; PATCH changes the
// fields given), pause and resume. Chain admins change them; branch managers read them.
import { notice } from './main.js';

const VIEW_ONLY = ['id', 'changedAt', 'changedBy'];

export async function mount(main, c, rest) {
  if (rest === 'new') return editor(main, c, null);
  if (rest) return editor(main, c, rest);
  return list(main, c);
}

const isAdmin = c => c.user?.role === 'chain-admin';

async function list(main, c) {
  const { h, t, api } = c;
  const all = await api('GET', '/surveys/campaigns');
  const queues = await Promise.all(all.map(k => api('GET', `/surveys/queue?campaign=${k.id}`).catch(() => null)));
  main.replaceChildren(h('h1', {}, t('campaigns.title')),
    isAdmin(c) ? h('p', {}, h('a', { href: '#/ext/surveys/campaigns/new', id: 'campaign-new' }, t('campaigns.new'))) : '',
    all.length ? c.table([t('campaigns.name'), t('campaigns.status'), t('campaigns.branches'), t('campaigns.segment'),
      t('calls.pending'), t('calls.queued'), t('calls.claimed')],
    all.map((k, i) => h('tr', { 'data-campaign': String(k.id) },
      h('td', {}, h('a', { href: `#/ext/surveys/campaigns/${k.id}` }, k.name)),
      h('td', {}, t(k.active ? 'campaigns.active' : 'campaigns.paused')),
      h('td', { dir: 'ltr' }, k.branches.length ? k.branches.join(', ') : t('campaigns.everyBranch')),
      h('td', { dir: 'ltr' }, k.segment || '—'),
      h('td', {}, queues[i] ? c.fmt.number(queues[i].pending) : '—'), h('td', {}, queues[i] ? c.fmt.number(queues[i].queued) : '—'),
      h('td', {}, queues[i] ? c.fmt.number(queues[i].claimed) : '—'))), { id: 'campaigns-list' })
      : h('p', { class: 'muted', id: 'campaigns-list' }, t('campaigns.none')));
}

async function editor(main, c, id) {
  const { h, t, api } = c;
  let campaign = id ? await api('GET', `/surveys/campaigns/${id}`) : null;
  const questionnaires = await api('GET', '/surveys/questionnaires');
  // segments come from bashgah-reports when it is installed; without it the list is simply not shown
  const segments = await api('GET', '/reports/segments').catch(() => null);
  const template = { name: '', questionnaire: questionnaires[0]?.id ?? 0, branches: [], delayHours: 24,
    callFrom: '10:00', callUntil: '20:00', samplePercent: 100, callsPerOperatorPerDay: 50, minDaysBetweenCalls: 60 };
  const definition = campaign ? Object.fromEntries(Object.entries(campaign).filter(([k]) => !VIEW_ONLY.includes(k))) : template;
  const json = h('textarea', { id: 'campaign-json', spellcheck: 'false', readonly: !isAdmin(c) }, JSON.stringify(definition, null, 2));
  const message = h('div', { id: 'campaign-message' });
  const status = h('p', { id: 'campaign-status' });
  const actions = h('div', { class: 'search' });

  function show() {
    status.replaceChildren(...(campaign ? [t('campaigns.status'), ': ', h('strong', {}, t(campaign.active ? 'campaigns.active' : 'campaigns.paused'))]
      : [t('campaigns.unsaved')]));
    actions.replaceChildren(...(isAdmin(c) ? [h('button', { type: 'submit', class: 'primary', id: 'campaign-save' }, t('save')),
      campaign ? h('button', { type: 'button', id: campaign.active ? 'campaign-pause' : 'campaign-resume',
        onclick: () => change({ active: !campaign.active }) }, t(campaign.active ? 'campaigns.pause' : 'campaigns.resume')) : ''] : []));
  }

  async function change(body) {
    const saved = await c.attempt(message, () => (campaign ? api('PATCH', `/surveys/campaigns/${campaign.id}`, body)
      : api('POST', '/surveys/campaigns', body)));
    if (!saved) return;
    if (!campaign) history.replaceState(null, '', `#/ext/surveys/campaigns/${saved.id}`);
    campaign = saved;
    json.value = JSON.stringify(Object.fromEntries(Object.entries(saved).filter(([k]) => !VIEW_ONLY.includes(k))), null, 2);
    message.replaceChildren(notice(c, 'campaign-saved', t('saved')));
    show();
  }

  show();
  main.replaceChildren(h('h1', {}, campaign ? campaign.name : t('campaigns.newTitle')), status,
    h('p', { class: 'muted' }, t('campaigns.help')),
    h('form', { class: 'card', onsubmit: async e => {
      e.preventDefault();
      let body;
      try { body = JSON.parse(json.value); } catch (err) {
        message.replaceChildren(h('div', { class: 'problem', role: 'alert' }, t('json.bad'), ' ', err.message));
        return;
      }
      await change(body);
    } }, c.field(t('campaigns.definition'), json), message, actions),
    h('h2', {}, t('campaigns.questionnaires')),
    c.table([t('questionnaires.code'), t('campaigns.id')], questionnaires.map(q => h('tr', {}, h('td', { dir: 'ltr' }, q.code), h('td', {}, String(q.id))))),
    segments ? h('section', { id: 'campaign-segment-list' }, h('h2', {}, t('campaigns.segments')), segments.length
      ? c.table([t('campaigns.segmentName'), t('campaigns.members'), t('campaigns.id')], segments.map(s => h('tr', {}, h('td', {}, s.name),
        h('td', {}, c.fmt.number(s.members)), h('td', { dir: 'ltr' }, s.id))), { id: 'campaign-segments' })
      : h('p', { class: 'muted' }, t('campaigns.noSegments'))) : h('p', { class: 'muted', id: 'campaign-no-reports' }, t('campaigns.noReports')));
}
