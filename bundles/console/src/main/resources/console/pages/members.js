// Members: search by phone, a member's profile (SMS opt-in), balances and ledger history.
import { accountName, api, asciiDigits, attempt, field, fmt, h, money, problemBox, table, t } from '../lib.js';

export async function mount(main, c, route) {
  const id = route.split('/')[1];
  if (id) return profile(main, id);
  const phone = h('input', { id: 'members-phone', type: 'tel', inputmode: 'tel', required: true });
  const message = h('div');
  const results = h('div', { id: 'members-results' });
  main.replaceChildren(h('h1', {}, t('menu.members')),
    h('form', { class: 'card search', role: 'search', onsubmit: async e => {
      e.preventDefault();
      const found = await attempt(message, () => api('GET', `/members?phone=${encodeURIComponent(asciiDigits(phone.value))}`));
      if (!found) return;
      results.replaceChildren(found.length
        ? table([t('member.name'), t('member.phone'), t('member.tier'), t('member.joinedAt')], found.map(m => h('tr', {},
          h('td', {}, h('a', { href: `#/members/${m.id}` }, m.name || t('member.noName'))), h('td', { dir: 'ltr' }, m.phone),
          h('td', {}, m.tier || '—'), h('td', {}, fmt.date(m.joinedAt)))))
        : h('p', { class: 'muted' }, t('members.none')));
    } }, field(t('member.phone'), phone), h('button', { type: 'submit', class: 'primary', id: 'members-find' }, t('cashier.find'))),
    message, results);
  phone.focus();
}

async function profile(main, id) {
  const member = await api('GET', `/members/${id}`);
  const balances = await api('GET', `/members/${id}/balances`);
  const message = h('div');
  const sms = h('input', { type: 'checkbox', id: 'member-sms', checked: member.smsOptIn, onchange: async e => {
    const updated = await attempt(message, () => api('PATCH', `/members/${id}`, { smsOptIn: e.target.checked }));
    if (!updated) e.target.checked = !e.target.checked;
    else message.replaceChildren(h('div', { class: 'notice', role: 'status' }, t('saved')));
  } });
  const ledgerBody = h('tbody');
  const more = h('button', { type: 'button', class: 'link', id: 'ledger-more' }, t('more'));
  let before = null;
  async function page() {
    const entries = await attempt(message, () => api('GET', `/members/${id}/ledger?limit=25${before ? `&before=${before}` : ''}`));
    if (!entries) return;
    for (const e of entries) {
      ledgerBody.append(h('tr', {}, h('td', {}, h('time', { datetime: e.at }, fmt.dateTime(e.at))), h('td', {}, accountName(e.account)),
        h('td', {}, t(`kind.${e.kind}`)), h('td', { class: 'num' }, money(e.amount)), h('td', {}, e.note || '')));
    }
    before = entries.length ? entries[entries.length - 1].id : before;
    more.hidden = entries.length < 25;
  }
  more.addEventListener('click', page);
  main.replaceChildren(h('h1', { id: 'member-name' }, member.name || t('member.noName')),
    h('div', { class: 'grid' },
      h('section', { class: 'card' }, h('dl', { class: 'balances' },
        h('dt', {}, t('member.phone')), h('dd', { dir: 'ltr' }, member.phone),
        h('dt', {}, t('member.joinedAt')), h('dd', {}, h('time', { id: 'member-joined', datetime: member.joinedAt }, fmt.date(member.joinedAt)), ' · ', member.joinedBranch || ''),
        h('dt', {}, t('member.birthDate')), h('dd', {}, member.birthDate ? fmt.date(member.birthDate) : '—'),
        h('dt', {}, t('member.tier')), h('dd', {}, member.tier || '—')),
      h('div', { class: 'check' }, sms, h('label', { for: 'member-sms' }, t('member.smsOptIn'))), message),
      h('section', { class: 'card' }, h('h3', {}, t('cashier.balances')), h('dl', { class: 'balances' },
        h('dt', {}, t('account.shared')), h('dd', {}, money(balances.sharedCredit)),
        Object.entries(balances.branchCredit || {}).map(([b, v]) => [h('dt', {}, t('account.branch', { branch: b })), h('dd', {}, money(v))]),
        h('dt', {}, t('account.points')), h('dd', {}, money(balances.points))))),
    h('h2', {}, t('members.ledger')),
    h('div', { class: 'table-wrap' }, h('table', { id: 'ledger' }, h('thead', {}, h('tr', {},
      [t('ledger.at'), t('ledger.account'), t('ledger.kind'), t('ledger.amount'), t('ledger.note')].map(x => h('th', { scope: 'col' }, x)))), ledgerBody)),
    more);
  await page();
}
