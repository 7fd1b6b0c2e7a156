// Members: search by name, phone or tag, a member's profile (SMS opt-in, tags), balances, purchase history with refunds, and
// ledger history.
import { accountName, amount, api, attempt, field, fmt, h, money, t, tierName, tierNames } from '../lib.js';

const PAGE = 25;

export async function mount(main, c, route) {
  const id = route.split('/')[1];
  if (id) return profile(main, c, id);
  const q = h('input', { id: 'members-q', type: 'search', maxlength: 100, autocomplete: 'off' });
  const tag = h('input', { id: 'members-tag', type: 'text', dir: 'ltr', maxlength: 64, autocomplete: 'off' });
  const message = h('div');
  const body = h('tbody');
  const more = h('button', { type: 'button', class: 'link', id: 'members-more', hidden: true }, t('more'));
  const results = h('div', { id: 'members-results' });
  let offset = 0;

  // The name or any part of the phone, in any digits; the server tells a phone from a name.
  async function page() {
    const query = new URLSearchParams({ limit: PAGE, offset });
    if (q.value.trim()) query.set('q', q.value.trim());
    if (tag.value.trim()) query.set('tag', tag.value.trim());
    const found = await attempt(message, () => api('GET', `/members?${query}`));
    if (!found) return;
    await tierNames();
    for (const m of found) {
      body.append(h('tr', { 'data-member': m.id },
        h('td', {}, h('a', { href: `#/members/${m.id}` }, m.name || t('member.noName'))), h('td', { dir: 'ltr' }, m.phone),
        h('td', { 'data-tier': m.tier || null }, tierName(m.tier)), h('td', { dir: 'ltr' }, (m.tags || []).join(', ')), h('td', {}, fmt.date(m.joinedAt))));
    }
    offset += found.length;
    more.hidden = found.length < PAGE;
    if (!offset) results.replaceChildren(h('p', { class: 'muted' }, t('members.none')));
  }
  more.addEventListener('click', page);

  main.replaceChildren(h('h1', {}, t('menu.members')),
    h('form', { class: 'card search', role: 'search', onsubmit: async e => {
      e.preventDefault();
      offset = 0;
      body.replaceChildren();
      results.replaceChildren(h('div', { class: 'table-wrap' }, h('table', { id: 'members-table' },
        h('thead', {}, h('tr', {}, [t('member.name'), t('member.phone'), t('member.tier'), t('member.tags'), t('member.joinedAt')]
          .map(x => h('th', { scope: 'col' }, x)))), body)), more);
      await page();
    } }, field(t('members.query'), q), field(t('member.tags'), tag),
      h('button', { type: 'submit', class: 'primary', id: 'members-find' }, t('cashier.find'))),
    h('p', { class: 'muted' }, t('members.searchHelp')),
    message, results);
  q.focus();
}

async function profile(main, c, id) {
  const member = await api('GET', `/members/${id}`);
  await tierNames();
  const message = h('div');
  const sms = h('input', { type: 'checkbox', id: 'member-sms', checked: member.smsOptIn, onchange: async e => {
    const updated = await attempt(message, () => api('PATCH', `/members/${id}`, { smsOptIn: e.target.checked }));
    if (!updated) e.target.checked = !e.target.checked;
    else message.replaceChildren(h('div', { class: 'notice', role: 'status' }, t('saved')));
  } });
  const balances = h('section', { class: 'card', id: 'member-balances' });
  const purchases = h('section', { id: 'member-purchases' });
  const ledgerBody = h('tbody');
  const more = h('button', { type: 'button', class: 'link', id: 'ledger-more' }, t('more'));

  async function showBalances() {
    const b = await attempt(message, () => api('GET', `/members/${id}/balances`));
    if (!b) return;
    balances.replaceChildren(h('h3', {}, t('cashier.balances')), h('dl', { class: 'balances' },
      h('dt', {}, t('account.shared')), h('dd', {}, money(b.sharedCredit, { id: 'member-bal-shared' })),
      Object.entries(b.branchCredit || {}).map(([code, v]) => [h('dt', {}, t('account.branch', { branch: code })),
        h('dd', {}, money(v, { 'data-branch-credit': code }))]),
      h('dt', {}, t('account.points')), h('dd', {}, money(b.points, { id: 'member-bal-points' }))));
  }

  let before = null;
  async function ledgerPage() {
    const entries = await attempt(message, () => api('GET', `/members/${id}/ledger?limit=25${before ? `&before=${before}` : ''}`));
    if (!entries) return;
    for (const e of entries) {
      ledgerBody.append(h('tr', {}, h('td', {}, h('time', { datetime: e.at }, fmt.dateTime(e.at))), h('td', {}, accountName(e.account)),
        h('td', {}, t(`kind.${e.kind}`)), h('td', { class: 'num' }, money(e.amount)), h('td', {}, e.note || '')));
    }
    before = entries.length ? entries[entries.length - 1].id : before;
    more.hidden = entries.length < 25;
  }
  async function reloadLedger() {
    before = null;
    ledgerBody.replaceChildren();
    await ledgerPage();
  }
  more.addEventListener('click', ledgerPage);

  main.replaceChildren(h('h1', { id: 'member-name' }, member.name || t('member.noName')),
    h('div', { class: 'grid' },
      h('section', { class: 'card' }, h('dl', { class: 'balances' },
        h('dt', {}, t('member.phone')), h('dd', { dir: 'ltr' }, member.phone),
        h('dt', {}, t('member.joinedAt')), h('dd', {}, h('time', { id: 'member-joined', datetime: member.joinedAt }, fmt.date(member.joinedAt)), ' · ', member.joinedBranch || ''),
        h('dt', {}, t('member.birthDate')), h('dd', { id: 'member-birth' }, member.birthDate ? fmt.day(member.birthDate) : '—'),
        h('dt', {}, t('member.tier')), h('dd', { id: 'member-tier', 'data-tier': member.tier || null }, tierName(member.tier))),
      h('div', { class: 'check' }, sms, h('label', { for: 'member-sms' }, t('member.smsOptIn'))),
      tagEditor(id, member.tags || []), message),
      balances),
    purchases,
    h('h2', {}, t('members.ledger')),
    h('div', { class: 'table-wrap' }, h('table', { id: 'ledger' }, h('thead', {}, h('tr', {},
      [t('ledger.at'), t('ledger.account'), t('ledger.kind'), t('ledger.amount'), t('ledger.note')].map(x => h('th', { scope: 'col' }, x)))), ledgerBody)),
    more);
  await showBalances();
  await purchaseHistory(purchases, id, async () => { await showBalances(); await reloadLedger(); });
  await ledgerPage();
}

/**
 * The member's tags (core's groups, e.g. vip or staff): each can be removed, a new one added; every change is one
 * PATCH with the whole list, and the list shown is what the server answered.
 */
function tagEditor(id, initial) {
  let tags = [...initial];
  const list = h('ul', { class: 'tags', id: 'member-tags' });
  const input = h('input', { id: 'member-tag-new', dir: 'ltr', autocomplete: 'off', placeholder: t('member.tagHint') });
  const message = h('div', { id: 'member-tags-message' });

  async function save(next) {
    const updated = await attempt(message, () => api('PATCH', `/members/${id}`, { tags: next }));
    if (!updated) return false;
    tags = updated.tags || [];
    show();
    message.replaceChildren(h('div', { class: 'notice', role: 'status' }, t('saved')));
    return true;
  }

  function show() {
    list.replaceChildren(...tags.map(tag => h('li', { 'data-tag': tag }, h('span', { dir: 'ltr' }, tag),
      h('button', { type: 'button', class: 'link', 'aria-label': t('member.tagRemove', { tag }),
        onclick: () => save(tags.filter(x => x !== tag)) }, '×'))));
    if (!tags.length) list.append(h('li', { class: 'muted' }, t('member.noTags')));
  }
  show();

  return h('form', { class: 'tag-editor', onsubmit: async e => {
    e.preventDefault();
    const tag = input.value.trim();
    if (!tag) return;
    if (await save([...tags.filter(x => x !== tag), tag])) input.value = '';
  } }, h('h3', {}, t('member.tags')), list,
  h('div', { class: 'search' }, field(t('member.tagNew'), input), h('button', { type: 'submit', id: 'member-tag-add' }, t('member.tagAdd'))),
  message);
}

/** The lines once {@code refunded} (null: all that was left) is refunded, spread over the lines as the server does. */
function afterRefunding(lines, refunded) {
  const left = {};
  for (const r of refunded || []) left[r.productGroup] = (left[r.productGroup] || 0) + r.amount;
  return lines.map(l => {
    if (!refunded) return { ...l, refunded: l.amount };
    const take = Math.min(left[l.productGroup] || 0, l.amount - l.refunded);
    left[l.productGroup] = (left[l.productGroup] || 0) - take;
    return { ...l, refunded: l.refunded + take };
  });
}

/**
 * The member's purchases, newest first, page by page; any purchase not yet wholly refunded can be refunded,
 * whole or part of its lines.
 */
async function purchaseHistory(section, id, afterRefund) {
  const body = h('tbody');
  const message = h('div', { id: 'purchases-message' });
  const more = h('button', { type: 'button', class: 'link', id: 'purchases-more' }, t('more'));
  let last = null;

  async function page() {
    const list = await attempt(message, () => api('GET', `/members/${id}/purchases?limit=10${last ? `&before=${last}` : ''}`));
    if (!list) return;
    for (const p of list) body.append(...row(p));
    if (list.length) last = list[list.length - 1].id;
    more.hidden = list.length < 10;
    if (!body.children.length) body.append(h('tr', {}, h('td', { colspan: '7', class: 'muted' }, t('purchases.none'))));
  }

  function row(p) {
    const done = p.refunded >= p.amount;
    const cell = h('td', {});
    const tr = h('tr', { 'data-purchase': p.id },
      h('td', {}, h('time', { datetime: p.at }, fmt.dateTime(p.at))), h('td', { dir: 'ltr' }, p.branch),
      h('td', { dir: 'ltr' }, p.lines.map(l => l.productGroup).join(', ')),
      h('td', { class: 'num' }, money(p.amount, { class: 'amount purchase-amount' })),
      h('td', { class: 'num' }, money(p.payable)),
      h('td', { class: 'num' }, money(p.refunded, { class: 'amount purchase-refunded' })), cell);
    if (done) {
      cell.append(h('span', { class: 'muted purchase-status' }, t('purchases.refunded')));
      return [tr];
    }
    // what is left of each line; on the first click these become editable, for refunding part of the purchase
    const open = p.lines.filter(l => l.amount > l.refunded);
    const inputs = open.map(l => h('input', { type: 'text', inputmode: 'numeric', dir: 'ltr', class: 'refund-line',
      'data-group': l.productGroup, value: String(l.amount - l.refunded), 'aria-label': l.productGroup,
      oninput: () => { button.textContent = t('purchases.refundConfirm', { amount: fmt.number(chosen().total || 0) }); } }));
    const editor = h('tr', { class: 'refund-lines', 'data-refund-for': p.id, hidden: true }, h('td', { colspan: '7' },
      h('p', { class: 'muted' }, t('purchases.refundLines')),
      open.map((l, i) => field(`${l.productGroup} (${t('purchases.refundLeft', { amount: fmt.number(l.amount - l.refunded) })})`, inputs[i]))));
    function chosen() {
      const lines = open.map((l, i) => ({ productGroup: l.productGroup, amount: amount(inputs[i].value) ?? 0 }));
      const whole = lines.every((l, i) => l.amount === open[i].amount - open[i].refunded);
      return { lines: lines.filter(l => l.amount !== 0), whole,
        total: whole ? p.amount - p.refunded : lines.reduce((sum, l) => sum + (Number.isFinite(l.amount) ? l.amount : 0), 0) };
    }
    const button = h('button', { type: 'button', class: 'purchase-refund', onclick: async () => {
      if (!button.dataset.armed) {
        // two clicks, as on the cashier screen: the first asks (and opens the lines), the second refunds
        button.dataset.armed = '1';
        button.textContent = t('purchases.refundConfirm', { amount: fmt.number(p.amount - p.refunded) });
        button.classList.add('danger');
        editor.hidden = !open.length;
        return;
      }
      const what = chosen();
      if (!what.whole && !what.lines.length) {
        message.replaceChildren(h('div', { class: 'problem', role: 'alert' }, t('purchases.refundNothing')));
        return;
      }
      button.disabled = true;
      // the key holds what was refunded before and what is refunded now: a double click posts once, a later
      // refund of the rest (or a corrected amount) is new; all of every line left is the whole refund
      const body = { idempotencyKey: `refund-${p.id}-${p.refunded}-${what.total}` };
      if (!what.whole) body.lines = what.lines;
      const answer = await attempt(message, () => api('POST', `/purchases/${p.id}/refund`, body));
      if (!answer) {
        button.disabled = false;
        return;
      }
      message.replaceChildren(h('div', { class: 'notice', role: 'status', id: 'purchase-refund-done', 'data-purchase': p.id },
        t('purchases.refundDone', { date: fmt.dateTime(p.at) }), ' ', money(answer.cashRefund, { id: 'purchase-refund-cash' }),
        Object.keys(answer.shortfall || {}).length ? [' ', t('purchases.shortfall')] : null));
      editor.remove();
      tr.replaceWith(...row({ ...p, refunded: answer.totalRefunded, lines: afterRefunding(p.lines, what.whole ? null : what.lines) }));
      await afterRefund();
    } }, t('purchases.refund'));
    cell.append(button);
    return [tr, editor];
  }

  more.addEventListener('click', page);
  section.replaceChildren(h('h2', {}, t('purchases.title')), message,
    h('div', { class: 'table-wrap' }, h('table', { id: 'purchases' }, h('thead', {}, h('tr', {},
      [t('ledger.at'), t('admin.branch'), t('cashier.productGroup'), t('cashier.amount'), t('cashier.payable'),
        t('purchases.refundedAmount'), ''].map(x => h('th', { scope: 'col' }, x)))), body)), more);
  await page();
}
