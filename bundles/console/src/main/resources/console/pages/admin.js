// Administration: branches, users, API keys (shown once), the audit log. Branch users see their own branch only:
// the server decides, the page shows what it answers (a 403 is shown as a refusal).
import { api, attempt, field, fmt, h, known, problemBox, table, t } from '../lib.js';

const ROLES = ['operator', 'branch-manager', 'chain-admin'];

export async function mount(main, c, route) {
  const [, what, arg] = route.split('/');
  if (what === 'branches' && arg) return branch(main, c, arg);
  if (what === 'branches') return branches(main, c);
  if (what === 'users') return users(main, c);
  if (what === 'keys') return keys(main, c);
  if (what === 'audit') return audit(main, c);
}

function activeText(active) {
  return active ? t('admin.active') : t('admin.inactive');
}

async function branches(main, c) {
  const list = await api('GET', '/branches');
  const message = h('div', { id: 'branch-message' });
  const isAdmin = c.user.role === 'chain-admin';
  const code = h('input', { id: 'branch-code', required: true, dir: 'ltr', pattern: '[a-z0-9-]+' });
  const name = h('input', { id: 'branch-name', required: true });
  main.replaceChildren(h('h1', {}, t('menu.branches')),
    table([t('admin.code'), t('admin.name'), t('admin.status'), ''], list.map(b => h('tr', { 'data-branch': b.code },
      h('td', { dir: 'ltr' }, h('a', { href: `#/admin/branches/${b.code}` }, b.code)), h('td', {}, b.name), h('td', {}, activeText(b.active)),
      h('td', {}, isAdmin ? h('button', { type: 'button', class: 'link', onclick: async () => {
        if (await attempt(message, () => api('PATCH', `/branches/${b.code}`, { active: !b.active }))) mount(main, c, 'admin/branches');
      } }, b.active ? t('admin.deactivate') : t('admin.activate')) : null))), { id: 'branches' }),
    message,
    isAdmin ? h('form', { class: 'card narrow', id: 'branch-form', onsubmit: async e => {
      e.preventDefault();
      if (await attempt(message, () => api('POST', '/branches', { code: code.value.trim(), name: name.value.trim() }))) mount(main, c, 'admin/branches');
    } }, h('h2', {}, t('admin.newBranch')), field(t('admin.code'), code), field(t('admin.name'), name),
    h('button', { type: 'submit', class: 'primary' }, t('admin.create'))) : null);
}

async function branch(main, c, code) {
  main.replaceChildren(h('h1', {}, t('menu.branches'), ' — ', h('span', { dir: 'ltr' }, code)));
  try {
    const b = await api('GET', `/branches/${encodeURIComponent(code)}`);
    main.append(h('section', { class: 'card', id: 'branch-detail' }, h('dl', { class: 'balances' },
      h('dt', {}, t('admin.code')), h('dd', { dir: 'ltr' }, b.code), h('dt', {}, t('admin.name')), h('dd', {}, b.name),
      h('dt', {}, t('admin.status')), h('dd', {}, activeText(b.active)))));
  } catch (e) {
    main.append(problemBox(e));
  }
}

async function users(main, c) {
  const list = await api('GET', '/users');
  const branchList = await api('GET', '/branches');
  const message = h('div', { id: 'user-message' });
  const isAdmin = c.user.role === 'chain-admin';
  const user = h('input', { id: 'user-name', required: true, dir: 'ltr', autocomplete: 'off' });
  const password = h('input', { id: 'user-password', type: 'password', required: true, autocomplete: 'new-password' });
  const role = h('select', { id: 'user-role' }, (isAdmin ? ROLES : ['operator']).map(r => h('option', { value: r }, t(`role.${r}`))));
  const branchSelect = h('select', { id: 'user-branch' }, isAdmin ? h('option', { value: '' }, t('admin.wholeChain')) : null,
    branchList.map(b => h('option', { value: b.code }, b.code)));
  main.replaceChildren(h('h1', {}, t('menu.users')),
    table([t('admin.user'), t('admin.role'), t('admin.branch'), t('admin.status'), ''], list.map(u => h('tr', {},
      h('td', { dir: 'ltr' }, u.user), h('td', {}, t(`role.${u.role}`)), h('td', {}, u.branch || t('admin.wholeChain')),
      h('td', {}, activeText(u.active)),
      h('td', {}, u.user === c.user.user ? null : h('button', { type: 'button', class: 'link', onclick: async () => {
        if (await attempt(message, () => api('PATCH', `/users/${encodeURIComponent(u.user)}`, { active: !u.active }))) mount(main, c, 'admin/users');
      } }, u.active ? t('admin.deactivate') : t('admin.activate'))))), { id: 'users' }),
    message,
    h('form', { class: 'card narrow', onsubmit: async e => {
      e.preventDefault();
      const body = { user: user.value.trim(), password: password.value, role: role.value, branch: branchSelect.value || null };
      if (await attempt(message, () => api('POST', '/users', body))) mount(main, c, 'admin/users');
    } }, h('h2', {}, t('admin.newUser')), field(t('admin.user'), user), field(t('login.password'), password),
    field(t('admin.role'), role), field(t('admin.branch'), branchSelect), h('button', { type: 'submit', class: 'primary' }, t('admin.create'))));
}

async function keys(main, c) {
  const list = await api('GET', '/api-keys');
  const branchList = await api('GET', '/branches');
  const message = h('div', { id: 'key-message' });
  const isAdmin = c.user.role === 'chain-admin';
  const name = h('input', { id: 'key-name', required: true, dir: 'ltr' });
  const branchSelect = h('select', { id: 'key-branch' }, isAdmin ? h('option', { value: '' }, t('admin.wholeChain')) : null,
    branchList.map(b => h('option', { value: b.code }, b.code)));
  main.replaceChildren(h('h1', {}, t('menu.keys')),
    table([t('admin.name'), t('admin.branch'), t('admin.created'), ''], list.map(k => h('tr', {},
      h('td', { dir: 'ltr' }, k.name), h('td', {}, k.branch || t('admin.wholeChain')), h('td', {}, fmt.date(k.createdAt)),
      h('td', {}, k.revokedAt ? t('admin.revoked') : h('button', { type: 'button', class: 'link danger', onclick: async () => {
        if (await attempt(message, () => api('DELETE', `/api-keys/${k.id}`))) mount(main, c, 'admin/keys');
        else if (!message.childElementCount) mount(main, c, 'admin/keys');
      } }, t('admin.revoke'))))), { id: 'keys' }),
    message,
    h('form', { class: 'card narrow', onsubmit: async e => {
      e.preventDefault();
      const created = await attempt(message, () => api('POST', '/api-keys', { name: name.value.trim(), branch: branchSelect.value || null }));
      if (!created) return;
      await mount(main, c, 'admin/keys');
      main.prepend(h('div', { class: 'notice key-once', role: 'status', id: 'key-once' }, h('strong', {}, t('admin.keyOnce')),
        h('code', { dir: 'ltr', id: 'key-value' }, created.key)));
    } }, h('h2', {}, t('admin.newKey')), field(t('admin.name'), name), field(t('admin.branch'), branchSelect),
    h('button', { type: 'submit', class: 'primary' }, t('admin.create'))));
}

/** An audit action by its dictionary name; an action of a capability the console does not know keeps its code. */
function actionName(action) {
  const name = known(`audit.action.${action}`);
  return name ?? h('code', { dir: 'ltr' }, action);
}

async function audit(main, c) {
  const body = h('tbody');
  const message = h('div');
  const more = h('button', { type: 'button', class: 'link' }, t('more'));
  let before = null;
  async function page() {
    const lines = await attempt(message, () => api('GET', `/audit?limit=50${before ? `&before=${before}` : ''}`));
    if (!lines) return;
    for (const l of lines) {
      body.append(h('tr', {}, h('td', {}, h('time', { datetime: l.at }, fmt.dateTime(l.at))), h('td', { dir: 'ltr' }, l.actor),
        h('td', {}, l.branch || ''), h('td', { 'data-action': l.action }, actionName(l.action)), h('td', { dir: 'ltr' }, l.target || ''),
        h('td', { dir: 'auto', class: 'server-detail' }, l.detail || '')));
    }
    before = lines.length ? lines[lines.length - 1].id : before;
    more.hidden = lines.length < 50;
  }
  more.addEventListener('click', page);
  main.replaceChildren(h('h1', {}, t('menu.audit')), h('p', { class: 'muted' }, t('audit.detailHelp')), message,
    h('div', { class: 'table-wrap' }, h('table', { id: 'audit' },
    h('thead', {}, h('tr', {}, [t('ledger.at'), t('admin.user'), t('admin.branch'), t('audit.action'), t('audit.target'), t('ledger.note')]
      .map(x => h('th', { scope: 'col' }, x)))), body)), more);
  await page();
}
