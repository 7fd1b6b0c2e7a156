// The cashier screen: find or join a member, their balances and what waits for them, post a purchase, refund it.
import {
  accountName, amount, api, asciiDigits, attempt, dateInput, field, fmt, h, idempotencyKey, money, problemBox, t, tierName, tierNames,
} from '../lib.js';

const BRANCH = 'bashgah.cashier.branch';
const EXPIRY_DAYS = 30;   // "expires soon": the lots that lapse within this many days

export async function mount(main, c) {
  const user = c.user;
  const branchBox = h('div', { class: 'branch-pick' });
  let branch = user.branch;
  if (branch) {
    branchBox.append(h('span', { class: 'muted' }, t('cashier.branch')), ' ', h('strong', { id: 'cashier-branch' }, branch));
  } else {
    const branches = (await api('GET', '/branches')).filter(b => b.active);
    const select = h('select', { id: 'cashier-branch', onchange: e => { branch = e.target.value; sessionStorage.setItem(BRANCH, branch); } },
      branches.map(b => h('option', { value: b.code }, `${b.name} (${b.code})`)));
    branch = branches.some(b => b.code === sessionStorage.getItem(BRANCH)) ? sessionStorage.getItem(BRANCH) : branches[0]?.code;
    if (branch) select.value = branch;
    branchBox.append(branches.length ? field(t('cashier.branch'), select) : h('div', { class: 'notice' }, t('cashier.noBranch')));
  }

  const phone = h('input', { id: 'cashier-phone', type: 'tel', inputmode: 'tel', autocomplete: 'off', required: true,
    placeholder: t('cashier.phoneHint') });
  const message = h('div', { id: 'cashier-message' });
  const area = h('div', { id: 'cashier-member' });
  const find = h('form', { class: 'card search', role: 'search', onsubmit: async e => {
    e.preventDefault();
    area.replaceChildren();
    const number = asciiDigits(phone.value);
    const found = await attempt(message, () => api('GET', `/members?phone=${encodeURIComponent(number)}`));
    if (!found) return;
    if (found.length) showMember(found[0]); else showJoin(number);
  } }, field(t('cashier.phone'), phone), h('button', { type: 'submit', id: 'cashier-find', class: 'primary' }, t('cashier.find')));

  main.replaceChildren(h('h1', {}, t('menu.cashier')), branchBox, find, message, area);
  phone.focus();

  function showJoin(number) {
    const name = h('input', { id: 'join-name', autocomplete: 'off' });
    const birth = dateInput({ id: 'join-birth' });   // Jalali in Persian, the value is Gregorian
    const sms = h('input', { id: 'join-sms', type: 'checkbox', checked: true });
    const joinMessage = h('div');
    area.replaceChildren(h('form', { class: 'card', id: 'join-form', onsubmit: async e => {
      e.preventDefault();
      const body = { phone: number, name: name.value.trim() || null, branch, smsOptIn: sms.checked };
      if (birth.value) body.birthDate = birth.value;
      try {
        showMember(await api('POST', '/members', body));
      } catch (err) {
        if (err.status === 409 && err.problem?.id) return showMember(await api('GET', `/members/${err.problem.id}`));
        joinMessage.replaceChildren(problemBox(err));
      }
    } }, h('h2', {}, t('cashier.notFound', { phone: number })),
    field(t('member.name'), name), field(t('member.birthDate'), birth),
    h('div', { class: 'check' }, sms, h('label', { for: 'join-sms' }, t('member.smsOptIn'))), joinMessage,
    h('button', { type: 'submit', id: 'join-submit', class: 'primary' }, t('cashier.join'))));
    name.focus();
  }

  async function showMember(member) {
    const balances = h('section', { class: 'card', id: 'balances', 'aria-labelledby': 'balances-title' });
    const waiting = h('section', { class: 'card', id: 'waiting' });
    const purchase = h('section', { class: 'card', id: 'purchase' });
    const result = h('section', { id: 'purchase-result' });
    area.replaceChildren(h('div', { class: 'member-head' },
      h('h2', { id: 'member-name' }, member.name || t('member.noName')),
      h('span', { class: 'muted', dir: 'ltr' }, member.phone), ' ',
      h('a', { href: `#/members/${member.id}` }, t('cashier.profile'))),
    h('div', { class: 'grid' }, balances, waiting), purchase, result);
    await refresh();
    purchaseForm();

    async function refresh(known) {
      const b = known || await api('GET', `/members/${member.id}/balances`);
      await tierNames();
      showBalances(b);
      const items = [];
      try {
        const lots = await api('GET', `/members/${member.id}/expiring`);
        // what a cashier can tell the member to use soon: the lots of the next EXPIRY_DAYS, not every lot with a date
        const horizon = Date.now() + EXPIRY_DAYS * 86400000;
        const expiring = lots.filter(x => new Date(x.expiresAt).getTime() <= horizon);
        const later = lots.length - expiring.length;
        items.push(h('h3', {}, t('cashier.expiring', { days: fmt.number(EXPIRY_DAYS) })), expiring.length
          ? h('ul', { id: 'expiring' }, expiring.map(x => h('li', {}, money(x.amount), ' ', accountName(x.account), ' — ',
            h('time', { datetime: x.expiresAt }, fmt.date(x.expiresAt)))))
          : h('p', { class: 'muted', id: 'expiring' }, t('cashier.nothingExpires', { days: fmt.number(EXPIRY_DAYS) })),
        later ? h('p', { class: 'muted', id: 'expiring-later' }, t('cashier.expiringLater', { count: fmt.number(later) })) : null);
      } catch (e) { items.push(problemBox(e)); }
      try {
        const offers = await api('GET', `/offers/members/${member.id}`);
        const list = [...(offers.waiting || []).map(g => ({ name: g.name || t('cashier.grant'), until: g.deadline, offer: g.offerId })),
          ...(offers.qualifiesFor || []).map(o => ({ name: o.name, offer: o.id }))];
        items.push(h('h3', {}, t('cashier.offers')), list.length
          ? h('ul', { id: 'member-offers' }, list.map(o => h('li', { 'data-offer': o.offer }, o.name,
            o.until ? [' — ', t('cashier.until', { date: fmt.date(o.until) })] : null)))
          : h('p', { class: 'muted', id: 'member-offers' }, t('cashier.noOffers')));
      } catch (e) {
        if (e.status !== 404) items.push(problemBox(e));   // 404: offers are not installed
      }
      waiting.replaceChildren(...items.filter(Boolean));   // a null would be written as the text "null"
    }

    function showBalances(b) {
      balances.replaceChildren(h('h3', { id: 'balances-title' }, t('cashier.balances')),
        h('dl', { class: 'balances' },
          h('dt', {}, t('account.branch', { branch: branch || '' })), h('dd', {}, money(b.branchCredit?.[branch] ?? 0, { id: 'bal-branch' })),
          h('dt', {}, t('account.shared')), h('dd', {}, money(b.sharedCredit, { id: 'bal-shared' })),
          h('dt', {}, t('account.points')), h('dd', {}, money(b.points, { id: 'bal-points' })),
          h('dt', {}, t('member.tier')), h('dd', { id: 'bal-tier', 'data-tier': b.tier || null }, tierName(b.tier))));
    }

    function purchaseForm() {
      let key = idempotencyKey('console');
      const total = h('input', { id: 'purchase-amount', inputmode: 'numeric', autocomplete: 'off', placeholder: t('cashier.amountHint') });
      const lines = h('div', { class: 'lines', id: 'purchase-lines' });
      const addLine = () => {
        const row = h('div', { class: 'line' },
          field(t('cashier.productGroup'), { class: 'line-group', autocomplete: 'off' }),
          field(t('cashier.lineAmount'), { class: 'line-amount', inputmode: 'numeric', autocomplete: 'off' }),
          h('button', { type: 'button', class: 'link', 'aria-label': t('cashier.removeLine'), onclick: () => row.remove() }, '×'));
        lines.append(row);
        row.querySelector('input').focus();
      };
      const redeemShared = h('input', { id: 'redeem-shared', inputmode: 'numeric', placeholder: fmt.number(0) });
      const redeemBranch = h('input', { id: 'redeem-branch', inputmode: 'numeric', placeholder: fmt.number(0) });
      const redeemPoints = h('input', { id: 'redeem-points', inputmode: 'numeric', placeholder: fmt.number(0) });
      const message = h('div', { id: 'purchase-message' });
      purchase.replaceChildren(h('form', { onsubmit: async e => {
        e.preventDefault();
        const lineValues = [...lines.querySelectorAll('.line')].map(row => ({
          productGroup: row.querySelector('.line-group').value.trim(), amount: amount(row.querySelector('.line-amount').value),
        })).filter(l => l.productGroup || l.amount !== null);
        let sum = amount(total.value);
        if (sum === null && lineValues.length) sum = lineValues.reduce((a, l) => a + (l.amount || 0), 0);
        const body = { idempotencyKey: key, member: member.id, branch, amount: sum, lines: lineValues,
          redeem: { sharedCredit: amount(redeemShared.value) ?? 0, branchCredit: amount(redeemBranch.value) ?? 0, points: amount(redeemPoints.value) ?? 0 } };
        const answer = await attempt(message, () => api('POST', '/purchases', body));
        if (!answer) return;
        key = idempotencyKey('console');   // the next purchase is a new one; a retry of this one was safe
        for (const input of [total, redeemShared, redeemBranch, redeemPoints]) input.value = '';
        lines.replaceChildren();
        showResult(answer);
        await refresh(answer.balances);
      } }, h('h3', {}, t('cashier.purchase')),
      field(t('cashier.amount'), total), lines,
      h('button', { type: 'button', id: 'add-line', class: 'link', onclick: addLine }, t('cashier.addLine')),
      h('fieldset', { class: 'redeem' }, h('legend', {}, t('cashier.redeem')),
        field(t('account.shared'), redeemShared), field(t('account.branch', { branch: branch || '' }), redeemBranch),
        field(t('account.points'), redeemPoints)),
      message, h('button', { type: 'submit', id: 'post-purchase', class: 'primary' }, t('cashier.post'))));
    }

    function showResult(p) {
      const refundMessage = h('div', { id: 'refund-message' });
      const earnedAny = p.earned.sharedCredit || p.earned.branchCredit || p.earned.points;
      result.replaceChildren(h('div', { class: 'card result', role: 'status', 'data-purchase': p.id },
        h('h3', {}, t('cashier.posted')),
        h('dl', { class: 'balances' },
          h('dt', {}, t('cashier.amount')), h('dd', {}, money(p.amount, { id: 'res-amount' })),
          h('dt', {}, t('cashier.discount')), h('dd', {}, money(p.discount, { id: 'res-discount' })),
          h('dt', {}, t('cashier.redeemed')), h('dd', {}, money(p.redeemed.sharedCredit + p.redeemed.branchCredit, { id: 'res-redeemed' }),
            p.redeemed.points ? [' + ', money(p.redeemed.points, { id: 'res-redeemed-points' }), ' ', t('account.points')] : null),
          h('dt', { class: 'strong' }, t('cashier.payable')), h('dd', { class: 'strong' }, money(p.payable, { id: 'res-payable' }))),
        h('h4', {}, t('cashier.earned')),
        earnedAny ? h('ul', { class: 'earned' },
          h('li', {}, money(p.earned.sharedCredit, { id: 'earned-shared' }), ' ', t('account.shared')),
          h('li', {}, money(p.earned.branchCredit, { id: 'earned-branch' }), ' ', t('account.branch', { branch: p.branch })),
          h('li', {}, money(p.earned.points, { id: 'earned-points' }), ' ', t('account.points')))
          : h('p', { class: 'muted' }, t('cashier.earnedNothing')),
        p.appliedOffers?.length ? h('p', { id: 'applied-offers' }, t('cashier.applied'), ' ', p.appliedOffers.map(o => o.name).join(t('list.separator'))) : null,
        refundMessage,
        h('button', { type: 'button', id: 'refund', onclick: async e => {
          if (!confirmRefund(e.target)) return;
          const answer = await attempt(refundMessage, () => api('POST', `/purchases/${p.id}/refund`, { idempotencyKey: `refund-${p.id}` }));
          if (!answer) return;
          e.target.disabled = true;
          refundMessage.replaceChildren(h('div', { class: 'notice', role: 'status', id: 'refund-done' },
            t('cashier.refunded'), ' ', money(answer.cashRefund, { id: 'refund-cash' })));
          await refresh(answer.balances);
        } }, t('cashier.refund'))));
    }
  }
}

/** A refund takes two clicks: the first arms the button, the second does it. No modal dialogs at a till. */
function confirmRefund(button) {
  if (button.dataset.armed) return true;
  button.dataset.armed = '1';
  button.textContent = t('cashier.refundConfirm');
  button.classList.add('danger');
  return false;
}
