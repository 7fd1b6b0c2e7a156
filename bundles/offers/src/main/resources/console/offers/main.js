// bashgah-offers' console pages: the offers, an offer's definition (a form, beside the JSON of docs/offers.md), its
// simulation with the warnings before activation, activation, targeting runs and performance. Public REST API only.
import { offerForm } from './form.js';

const VIEW_ONLY = ['id', 'status', 'createdAt', 'createdBy', 'changedAt', 'changedBy'];
const TEMPLATE = { name: '', kind: 'PERMANENT', branches: [], trigger: { amountOver: 600000 }, reward: { extraCreditPercent: 10 } };

export async function mount(main, c, item, rest) {
  if (rest === 'new') return editor(main, c, null);
  if (rest) return editor(main, c, rest);
  return list(main, c);
}

async function list(main, c) {
  const { h, t, api } = c;
  const offers = await api('GET', '/offers');
  main.replaceChildren(h('h1', {}, t('offers.title')),
    h('p', {}, h('a', { href: '#/ext/offers/offers/new', id: 'offer-new', class: 'button' }, t('offers.new'))),
    offers.length ? c.table([t('offers.name'), t('offers.kind'), t('offers.status'), t('offers.changed')], offers.map(o => h('tr', {},
      h('td', {}, h('a', { href: `#/ext/offers/offers/${o.id}` }, o.name)), h('td', {}, t(`kind.${o.kind}`)),
      h('td', {}, t(`status.${o.status}`)), h('td', {}, c.fmt.date(o.changedAt || o.createdAt)))), { id: 'offers-list' })
      : h('p', { class: 'muted', id: 'offers-list' }, t('offers.none')));
}

async function editor(main, c, id) {
  const { h, t, api } = c;
  let offer = id ? await api('GET', `/offers/${id}`) : null;
  let definition = structuredClone(offer ? Object.fromEntries(Object.entries(offer).filter(([k]) => !VIEW_ONLY.includes(k))) : TEMPLATE);
  const branches = await api('GET', '/branches').catch(() => []);
  const text = h('textarea', { id: 'offer-json', spellcheck: 'false' });
  const formArea = h('div', { id: 'offer-form-fields' });
  const jsonState = h('p', { class: 'muted', id: 'offer-json-state' });
  let shown = '';   // the JSON the form last wrote: a different text was typed in the JSON view
  const showJson = () => { shown = JSON.stringify(definition, null, 2); text.value = shown; jsonState.replaceChildren(); };
  const showForm = () => offerForm(c, formArea, definition, branches, showJson);
  // the JSON view edits the same definition: when what is typed parses, the form follows it
  text.addEventListener('input', () => {
    try {
      definition = JSON.parse(text.value);
      shown = text.value;
      jsonState.replaceChildren();
      showForm();
    } catch (err) {
      jsonState.replaceChildren(t('json.bad'), ' ', err.message);
    }
  });
  showForm();
  showJson();
  const message = h('div', { id: 'offer-message' });
  const days = h('input', { id: 'simulate-days', inputmode: 'numeric', value: '90' });
  const simulation = h('section', { id: 'simulation' });
  const extra = h('section', { id: 'offer-extra' });
  const status = h('p', { id: 'offer-status' });

  const showStatus = () => status.replaceChildren(...(offer ? [t('offers.status'), ': ', h('strong', {}, t(`status.${offer.status}`))] : [t('offers.unsaved')]));
  showStatus();

  async function save() {
    let body = definition;
    if (text.value !== shown) {
      try { body = JSON.parse(text.value); } catch (err) {
        message.replaceChildren(h('div', { class: 'problem', role: 'alert' }, t('json.bad'), ' ', err.message));
        return false;
      }
    }
    const saved = await c.attempt(message, () => (offer ? api('PUT', `/offers/${offer.id}`, body) : api('POST', '/offers', body)));
    if (!saved) return false;
    const wasNew = !offer;
    offer = saved;
    showStatus();
    if (wasNew) history.replaceState(null, '', `#/ext/offers/offers/${offer.id}`);
    message.replaceChildren(h('div', { class: 'notice', role: 'status' }, t('saved')));
    return true;
  }

  async function simulate() {
    if (!(await save())) return;
    const result = await c.attempt(message, () => api('POST', `/offers/${offer.id}/simulate`, { days: c.amount(days.value) || 90 }));
    if (result) showSimulation(result);
  }

  function showSimulation(r) {
    const { money } = c;
    simulation.replaceChildren(h('div', { class: 'card', role: 'status' }, h('h2', {}, t('sim.title')),
      h('dl', { class: 'balances' },
        h('dt', {}, t('sim.replayed')), h('dd', {}, money(r.purchasesReplayed, { id: 'sim-replayed' })),
        h('dt', {}, t('sim.qualifying')), h('dd', {}, money(r.qualifyingPurchases, { id: 'sim-qualifying' })),
        h('dt', {}, t('sim.members')), h('dd', {}, money(r.members)),
        h('dt', {}, t('sim.revenue')), h('dd', {}, money(r.revenue)),
        h('dt', {}, t('sim.cost')), h('dd', {}, money(r.rewardCost, { id: 'sim-cost' })),
        h('dt', {}, t('sim.margin')), h('dd', {}, money(r.margin)),
        h('dt', {}, t('sim.marginAfter')), h('dd', {}, money(r.marginAfter))),
      r.byProductGroup?.length ? c.table([t('sim.group'), t('sim.revenue'), t('sim.cost'), t('sim.marginAfter')],
        r.byProductGroup.map(g => h('tr', { class: g.losesMoney ? 'danger' : null }, h('td', { dir: 'auto' }, groupName(c, g.productGroup)),
          h('td', {}, money(g.revenue)), h('td', {}, money(g.rewardCost)), h('td', {}, money(g.marginAfter))))) : null,
      h('h3', {}, t('sim.warnings')),
      r.warnings?.length ? h('ul', { class: 'warnings', id: 'sim-warnings' }, warnings(c, r).map(w => h('li', { 'data-code': w.code }, w.text)))
        : h('p', { class: 'muted', id: 'sim-warnings' }, t('sim.noWarnings')),
      h('button', { type: 'button', class: r.losesMoney ? 'primary danger' : 'primary', id: 'offer-activate',
        onclick: () => activate(r.losesMoney) }, r.losesMoney ? t('offers.activateAnyway') : t('offers.activate'))));
  }

  async function activate(acceptLoss) {
    const answer = await c.attempt(message, () => api('POST', `/offers/${offer.id}/activate`, { days: c.amount(days.value) || 90, acceptLoss }));
    if (!answer) return;
    offer = answer.offer;
    showStatus();
    message.replaceChildren(h('div', { class: 'notice', role: 'status', id: 'offer-activated' }, t('offers.activated')));
    showExtra();
  }

  let polling = null;   // the timer that reads a running targeting run again
  let drawing = 0;      // only the latest reading draws: one started while another waits for its answers wins
  async function showExtra() {
    clearTimeout(polling);
    const mine = ++drawing;
    if (!offer) { extra.replaceChildren(); return; }
    // the runs before the performance: a run read as done has its grants committed, so they are in the figures
    const runs = offer.kind === 'ONE_TIME' ? await api('GET', `/offers/${offer.id}/targeting-runs`).catch(() => []) : [];
    const perf = await api('GET', `/offers/${offer.id}/performance`).catch(() => null);
    if (mine !== drawing) return;
    extra.replaceChildren();
    if (perf) extra.append(performance(c, perf));
    if (offer.kind === 'ONE_TIME') {
      const runMessage = h('div');
      extra.append(h('div', { class: 'card' }, h('h2', {}, t('runs.title')),
        runs.length ? c.table([t('runs.at'), t('runs.status'), t('runs.targeted'), t('runs.control')], runs.map(r => h('tr', { 'data-run': r.id },
          h('td', {}, c.fmt.dateTime(r.asOf)), h('td', { class: 'run-status', 'data-status': r.status }, t(`run.${r.status}`),
            r.error ? [' ', h('small', { class: 'server-text', lang: 'en', dir: 'ltr' }, r.error)] : null),
          h('td', {}, c.fmt.number(r.targeted)), h('td', {}, c.fmt.number(r.control)))), { id: 'runs' })
          : h('p', { class: 'muted', id: 'runs' }, t('runs.none')),
        runs.some(r => r.status === 'RUNNING') ? h('p', { class: 'muted', role: 'status', id: 'runs-polling' }, t('runs.polling')) : null,
        runMessage,
        offer.status === 'ACTIVE' ? h('button', { type: 'button', id: 'run-targeting', onclick: async () => {
          if (await c.attempt(runMessage, () => api('POST', `/offers/${offer.id}/targeting-runs`, {}))) showExtra();
        } }, t('runs.start')) : null));
      // a run works in the background: read it again until it is done, while this offer is still on the screen
      if (runs.some(r => r.status === 'RUNNING')) {
        polling = setTimeout(() => { if (extra.isConnected) showExtra(); }, 1500);
      }
    }
    if (offer.status === 'ACTIVE') {
      extra.append(h('button', { type: 'button', id: 'offer-pause', onclick: async () => {
        const paused = await c.attempt(message, () => api('POST', `/offers/${offer.id}/pause`, {}));
        if (paused) { offer = paused; showStatus(); showExtra(); }
      } }, t('offers.pause')));
    }
  }

  main.replaceChildren(h('h1', {}, offer ? offer.name : t('offers.newTitle')), status,
    h('p', { class: 'muted' }, t('offers.help')),
    h('form', { class: 'card', onsubmit: async e => { e.preventDefault(); await save(); } },
      h('div', { class: 'form-and-json' }, h('div', { class: 'offer-form' }, formArea),
        h('div', { class: 'offer-json' }, h('p', { class: 'muted' }, t('form.jsonHelp')), c.field(t('offers.definition'), text), jsonState)),
      message,
      h('div', { class: 'search' }, h('button', { type: 'submit', id: 'offer-save' }, t('save')),
        c.field(t('sim.days'), days), h('button', { type: 'button', class: 'primary', id: 'offer-simulate', onclick: simulate }, t('sim.run')))),
    simulation, extra);
  await showExtra();
}

const NO_GROUP = '(no product group)';   // the replay's name for what no line of a purchase covers

function groupName(c, group) {
  return group === NO_GROUP ? c.t('sim.noGroup') : group;
}

/** The replay's warnings in the user's language, from their codes and parameters (warningDetails). */
function warnings(c, r) {
  const { t, fmt } = c;
  const details = r.warningDetails || r.warnings.map(text => ({ code: null, params: {}, message: text }));
  return details.map(w => {
    const p = w.params || {};
    const vars = {
      group: p.productGroup === undefined ? '' : groupName(c, p.productGroup),
      cost: fmt.number(p.rewardCost), margin: fmt.number(p.margin), percent: fmt.number(p.marginPercent),
      revenue: fmt.number(p.revenue), budget: fmt.number(p.budget), date: p.date ? fmt.date(`${p.date}T12:00:00Z`) : '',
    };
    const key = w.code ? `warning.${w.code}` : null;
    const text = key && t(key) !== key ? t(key, vars) : w.message;   // a code this page does not know yet: the English
    return { code: w.code, text };
  });
}

/** How the offer did; a one-time offer also its grants, uptake and the targeted members against those held out. */
function performance(c, perf) {
  const { h, t, fmt, money } = c;
  const percent = v => (v === null || v === undefined ? '—' : t('perf.percent', { value: fmt.number(v) }));
  const box = h('div', { class: 'card', id: 'offer-performance' }, h('h2', {}, t('perf.title')), h('dl', { class: 'balances' },
    h('dt', {}, t('perf.purchases')), h('dd', {}, money(perf.purchases, { id: 'perf-purchases' })),
    h('dt', {}, t('perf.members')), h('dd', {}, money(perf.members, { id: 'perf-members' })),
    h('dt', {}, t('perf.cost')), h('dd', {}, money(perf.cost, { id: 'perf-cost' }))));
  const o = perf.oneTime;
  if (!o) return box;
  box.append(h('h3', {}, t('perf.oneTime')),
    h('dl', { class: 'balances', id: 'perf-one-time' },
      h('dt', {}, t('perf.granted')), h('dd', {}, money(o.granted, { id: 'perf-granted' })),
      h('dt', {}, t('perf.control')), h('dd', {}, money(o.heldOut, { id: 'perf-held-out' })),
      h('dt', {}, t('perf.spent')), h('dd', {}, money(o.spent, { id: 'perf-spent' })),
      h('dt', {}, t('perf.uptake')), h('dd', { id: 'perf-uptake', 'data-value': String(o.uptakePercent ?? '') }, percent(o.uptakePercent)),
      h('dt', {}, t('perf.lift')), h('dd', { id: 'perf-lift', 'data-value': String(o.spendLiftPercent ?? '') },
        o.spendLiftPercent === null || o.spendLiftPercent === undefined ? t('perf.noLift') : percent(o.spendLiftPercent)),
      o.from ? [h('dt', {}, t('perf.window')), h('dd', {}, t('perf.fromTo', { from: fmt.date(o.from), to: fmt.date(o.to) }))] : null),
    c.table([t('perf.group'), t('perf.groupMembers'), t('perf.buyers'), t('perf.groupPurchases'), t('perf.spend'), t('perf.spendPerMember')],
      [['targeted', o.targeted], ['control', o.control]].map(([name, g]) => h('tr', { 'data-group': name },
        h('th', { scope: 'row' }, t(`perf.side.${name}`)), h('td', {}, money(g.members)), h('td', {}, money(g.buyers), ' (', percent(g.buyingPercent), ')'),
        h('td', {}, money(g.purchases)), h('td', {}, money(g.spend)), h('td', {}, money(g.spendPerMember)))), { id: 'perf-groups' }));
  return box;
}
