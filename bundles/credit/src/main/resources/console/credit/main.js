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

async function tiers(main, c) {
  const { h, t, api } = c;
  const scheme = await api('GET', '/credit/tiers');
  const text = h('textarea', { id: 'tiers-json', spellcheck: 'false', 'aria-label': t('tiers.json') },
    JSON.stringify({ measure: scheme.measure, windowDays: scheme.windowDays, tiers: scheme.tiers }, null, 2));
  const message = h('div');
  main.replaceChildren(h('h1', {}, t('tiers.title')), h('p', { class: 'muted' }, t('tiers.intro')),
    c.table([t('tiers.code'), t('tiers.name'), t('tiers.threshold'), t('tiers.extra'), t('tiers.discount')],
      scheme.tiers.map(x => h('tr', {}, h('td', { dir: 'ltr' }, x.code), h('td', {}, x.name), h('td', {}, c.money(x.threshold)),
        h('td', {}, c.fmt.number(x.extraCreditPercent), c.lang === 'fa' ? '٪' : '%'), h('td', {}, c.fmt.number(x.discountPercent), c.lang === 'fa' ? '٪' : '%')))),
    h('form', { class: 'card', onsubmit: async e => {
      e.preventDefault();
      let body;
      try { body = JSON.parse(text.value); } catch (err) {
        return message.replaceChildren(h('div', { class: 'problem', role: 'alert' }, t('json.bad'), ' ', err.message));
      }
      if (await c.attempt(message, () => api('PUT', '/credit/tiers', body))) tiers(main, c);
    } }, c.field(t('tiers.json'), text), message, h('button', { type: 'submit', class: 'primary' }, t('save'))));
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
