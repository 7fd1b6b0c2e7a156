// bashgah-partners' console page: our agreements with partner organisations, as seen from our side (terms, who
// approved, aggregated figures), approval, and this month's statement with each partner. Public REST API only.

export async function mount(main, c) {
  const { h, t, api } = c;
  const message = h('div', { id: 'partners-message' });
  const agreements = await api('GET', '/partners/agreements');
  const today = new Date().toISOString().slice(0, 10);
  const first = today.slice(0, 8) + '01';
  const rows = [];
  for (const a of agreements) {
    const statement = await api('GET', `/partners/statements?partner=${encodeURIComponent(a.partner)}&from=${first}&to=${today}`);
    const approve = a.approvedByUsAt || a.status === 'ENDED' ? '' : h('button', { type: 'button', class: 'approve',
      onclick: async () => { if (await c.attempt(message, () => api('POST', `/partners/agreements/${a.id}/approve`))) mount(main, c); } },
      t('partners.approve'));
    rows.push(h('tr', {},
      h('td', {}, a.name), h('td', {}, a.partnerName), h('td', {}, t(`partners.status.${a.status}`), a.inForce ? ' ✓' : ''),
      h('td', {}, terms(t, a.ours)), h('td', {}, terms(t, a.theirs)),
      h('td', {}, String(a.figures.ourConsentingMembers), ' / ', String(a.figures.partnerConsentingMembers)),
      h('td', {}, c.money(statement.net)), h('td', {}, approve)));
  }
  main.replaceChildren(h('h1', {}, t('partners.title')), message,
    agreements.length ? c.table([t('partners.name'), t('partners.partner'), t('partners.state'), t('partners.ours'),
      t('partners.theirs'), t('partners.consents'), t('partners.net'), ''], rows, { id: 'partners-list' })
      : h('p', { class: 'muted', id: 'partners-list' }, t('partners.none')),
    h('p', { class: 'muted' }, t('partners.help')));
}

function terms(t, x) {
  const parts = [];
  if (Number(x.creditPercent) > 0) parts.push(`${x.creditPercent}% ${t('partners.credit')}`);
  if (Number(x.discountPercent) > 0) parts.push(`${x.discountPercent}% ${t('partners.discount')}` + (x.discountProductGroup ? ` (${x.discountProductGroup})` : ''));
  return parts.join(', ') || '—';
}
