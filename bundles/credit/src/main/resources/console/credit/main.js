// bashgah-credit's console pages: the earning policy and branch overrides, tiers, the rewards catalogue.
// Loaded by the console from /console/ext/credit/main.js; everything goes through the public REST API.

const POLICY_FIELDS = ['creditPercent', 'creditTo', 'sharedPercentOfCredit', 'amountPerPoint', 'pointValue',
  'creditExpiryDays', 'pointsExpiryDays', 'maxRedeemPercent', 'signupPoints', 'referralPoints', 'reviewPoints',
  'socialPoints', 'surveyPoints'];

export async function mount(main, c, item) {
  if (item === 'policy') return policy(main, c);
  if (item === 'tiers') return tiers(main, c);
  if (item === 'rewards') return rewards(main, c);
}

function policyForm(c, values, onSave, extra) {
  const { h, t, field } = c;
  const inputs = {};
  const fields = POLICY_FIELDS.map(name => {
    const input = name === 'creditTo'
      ? h('select', { name }, ['SHARED', 'BRANCH', 'SPLIT'].map(v => h('option', { value: v }, t(`creditTo.${v}`))))
      : h('input', { name, inputmode: 'decimal', dir: 'ltr' });
    input.value = values[name] ?? '';
    inputs[name] = input;
    return field(t(`policy.${name}`), input);
  });
  const message = h('div', { class: 'policy-message' });
  return h('form', { class: 'card', onsubmit: async e => {
    e.preventDefault();
    const body = {};
    for (const [name, input] of Object.entries(inputs)) {
      if (input.value === '' || String(values[name]) === input.value) continue;
      body[name] = name === 'creditTo' ? input.value : Number(c.asciiDigits(input.value));
    }
    if (await c.attempt(message, () => onSave(body)) !== undefined) message.replaceChildren(h('div', { class: 'notice', role: 'status' }, t('saved')));
  } }, h('div', { class: 'grid' }, fields), message, h('button', { type: 'submit', class: 'primary' }, t('save')), extra);
}

async function policy(main, c) {
  const { h, t, api } = c;
  const chain = await api('GET', '/credit/policy');
  const branches = await api('GET', '/branches');
  const branchArea = h('div', { id: 'branch-policy' });
  const select = h('select', { id: 'policy-branch', onchange: () => showBranch(select.value) },
    h('option', { value: '' }, '—'), branches.map(b => h('option', { value: b.code }, `${b.name} (${b.code})`)));
  main.replaceChildren(h('h1', {}, t('policy.title')),
    h('p', { class: 'muted' }, t('policy.intro')),
    policyForm(c, chain, body => api('PUT', '/credit/policy', body)),
    h('h2', {}, t('policy.branches')), c.field(t('policy.branch'), select), branchArea);

  async function showBranch(code) {
    branchArea.replaceChildren();
    if (!code) return;
    let own = null;
    try {
      own = await api('GET', `/credit/policy/branches/${code}`);
    } catch (e) {
      if (e.status !== 404) return branchArea.replaceChildren(c.problemBox(e));
    }
    branchArea.append(h('p', { class: 'muted' }, own ? t('policy.hasOwn') : t('policy.usesChain')),
      policyForm(c, own || chain, body => api('PUT', `/credit/policy/branches/${code}`, body),
        own ? h('button', { type: 'button', class: 'link danger', onclick: async () => {
          await api('DELETE', `/credit/policy/branches/${code}`);
          showBranch(code);
        } }, t('policy.removeOwn')) : null));
  }
}

/**
 * A number typed in a form (any digits, '.' or '٫' for decimals) as a number; empty as null; anything else as the
 * text itself, so the API refuses it and names the field.
 */
export function formNumber(c, text) {
  const plain = c.asciiDigits(text).replace(/[,٬،\s]/g, '').replace('٫', '.');
  if (plain === '') return null;
  return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : String(text);
}

/** The tier scheme: a form of its tiers (lowest first) beside the same scheme as JSON; either one saves it. */
async function tiers(main, c) {
  const { h, t, api } = c;
  const scheme = await api('GET', '/credit/tiers');
  let definition = { measure: scheme.measure, windowDays: scheme.windowDays,
    tiers: scheme.tiers.map(x => ({ code: x.code, name: x.name, threshold: x.threshold,
      extraCreditPercent: x.extraCreditPercent, discountPercent: x.discountPercent })) };
  const message = h('div', { id: 'tiers-message' });
  const text = h('textarea', { id: 'tiers-json', spellcheck: 'false', 'aria-label': t('tiers.json') });
  const formArea = h('div', { id: 'tiers-form-fields' });
  const showJson = () => { text.value = JSON.stringify(definition, null, 2); };

  function render() {
    const measure = h('select', { id: 'tiers-measure', onchange: e => { definition.measure = e.target.value; showJson(); } },
      ['POINTS', 'SPEND'].map(m => h('option', { value: m }, t(`tiers.measure.${m}`))));
    measure.value = definition.measure;
    const windowDays = h('input', { id: 'tiers-window', inputmode: 'numeric', dir: 'ltr', value: definition.windowDays ?? '',
      oninput: e => { definition.windowDays = formNumber(c, e.target.value); showJson(); } });
    const rows = (definition.tiers || []).map((tier, i) => {
      const input = (name, attrs = {}) => h('input', { class: `tier-${name}`, dir: name === 'name' ? 'auto' : 'ltr',
        value: tier[name] ?? '', 'aria-label': t(`tiers.${name}`), ...attrs,
        oninput: e => { tier[name] = name === 'code' || name === 'name' ? e.target.value.trim() : formNumber(c, e.target.value); showJson(); } });
      return h('tr', { 'data-tier': String(i) },
        h('td', {}, input('code', { size: '8' })), h('td', {}, input('name')),
        h('td', {}, input('threshold', { inputmode: 'numeric', size: '10' })),
        h('td', {}, input('extraCreditPercent', { inputmode: 'decimal', size: '5' })),
        h('td', {}, input('discountPercent', { inputmode: 'decimal', size: '5' })),
        h('td', {}, h('button', { type: 'button', class: 'link danger tier-remove', 'aria-label': t('tiers.remove'),
          onclick: () => { definition.tiers.splice(i, 1); render(); showJson(); } }, '×')));
    });
    formArea.replaceChildren(h('div', { class: 'grid' }, c.field(t('tiers.measure'), measure), c.field(t('tiers.window'), windowDays)),
      c.table([t('tiers.code'), t('tiers.name'), t('tiers.threshold'), t('tiers.extraCreditPercent'), t('tiers.discountPercent'), ''], rows,
        { id: 'tiers-rows' }),
      h('button', { type: 'button', class: 'link', id: 'tier-add', onclick: () => {
        definition.tiers = [...(definition.tiers || []), { code: '', name: '', threshold: null }];
        render();
        showJson();
        formArea.querySelector('tr:last-child .tier-code')?.focus();
      } }, t('tiers.add')));
  }

  async function save(body) {
    if (await c.attempt(message, () => api('PUT', '/credit/tiers', body))) {
      await tiers(main, c);
      main.querySelector('#tiers-message').replaceChildren(h('div', { class: 'notice', role: 'status', id: 'tiers-saved' }, t('saved')));
    }
  }

  render();
  showJson();
  main.replaceChildren(h('h1', {}, t('tiers.title')), h('p', { class: 'muted' }, t('tiers.intro')),
    h('div', { class: 'form-and-json' },
      h('form', { class: 'card', id: 'tiers-form', onsubmit: async e => { e.preventDefault(); await save(definition); } },
        formArea, h('button', { type: 'submit', class: 'primary', id: 'tiers-save' }, t('save'))),
      h('form', { class: 'card', id: 'tiers-json-form', onsubmit: async e => {
        e.preventDefault();
        let body;
        try { body = JSON.parse(text.value); } catch (err) {
          return message.replaceChildren(h('div', { class: 'problem', role: 'alert' }, t('json.bad'), ' ', err.message));
        }
        await save(body);
      } }, h('p', { class: 'muted' }, t('tiers.jsonHelp')), c.field(t('tiers.json'), text),
      h('button', { type: 'submit', id: 'tiers-json-save' }, t('tiers.saveJson')))),
    message);
}

async function rewards(main, c) {
  const { h, t, api } = c;
  const list = await api('GET', '/credit/rewards');
  const name = h('input', { id: 'reward-name', required: true });
  const cost = h('input', { id: 'reward-cost', required: true, inputmode: 'numeric' });
  const stock = h('input', { id: 'reward-stock', inputmode: 'numeric' });
  const message = h('div');
  main.replaceChildren(h('h1', {}, t('rewards.title')),
    c.table([t('rewards.name'), t('rewards.cost'), t('rewards.stock'), t('rewards.status'), ''], list.map(r => h('tr', {},
      h('td', {}, r.name), h('td', {}, c.money(r.pointsCost)), h('td', {}, r.stock === null ? '∞' : c.money(r.stock)),
      h('td', {}, r.active ? t('rewards.active') : t('rewards.inactive')),
      h('td', {}, h('button', { type: 'button', class: 'link', onclick: async () => {
        if (await c.attempt(message, () => api('PATCH', `/credit/rewards/${r.id}`, { active: !r.active }))) rewards(main, c);
      } }, r.active ? t('rewards.deactivate') : t('rewards.activate')))))),
    message,
    h('form', { class: 'card narrow', onsubmit: async e => {
      e.preventDefault();
      const body = { name: name.value.trim(), pointsCost: c.amount(cost.value), stock: c.amount(stock.value) };
      if (await c.attempt(message, () => api('POST', '/credit/rewards', body))) rewards(main, c);
    } }, h('h2', {}, t('rewards.new')), c.field(t('rewards.name'), name), c.field(t('rewards.cost'), cost),
    c.field(t('rewards.stock'), stock), h('button', { type: 'submit', class: 'primary' }, t('rewards.create'))));
}
