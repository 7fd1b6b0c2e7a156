// The console's shell: login state, the menu (core's pages and every installed extension's), the router.
import * as lib from './lib.js';
import { api, h, session, t } from './lib.js';

const app = document.getElementById('app');

// Core's own pages. roles: who sees the item; the REST API still checks every call.
const ALL = ['chain-admin', 'branch-manager', 'operator'];
const MANAGERS = ['chain-admin', 'branch-manager'];
const CORE_MENU = [
  { route: 'cashier', key: 'menu.cashier', roles: ALL, load: () => import('./pages/cashier.js') },
  { route: 'members', key: 'menu.members', roles: ALL, load: () => import('./pages/members.js') },
  { route: 'admin/branches', key: 'menu.branches', roles: MANAGERS, load: () => import('./pages/admin.js') },
  { route: 'admin/users', key: 'menu.users', roles: MANAGERS, load: () => import('./pages/admin.js') },
  { route: 'admin/keys', key: 'menu.keys', roles: MANAGERS, load: () => import('./pages/admin.js') },
  { route: 'admin/audit', key: 'menu.audit', roles: MANAGERS, load: () => import('./pages/admin.js') },
];

let extensions = [];
const extensionTexts = {};   // `${id}:${lang}` -> dictionary

async function loadExtensions() {
  try {
    const response = await fetch('/console/extensions.json', { cache: 'no-store' });
    const body = await response.json();
    session.defaultLanguage = body.defaultLanguage || 'fa';
    extensions = body.extensions || [];
  } catch (e) {
    console.error('extensions.json', e);
    extensions = [];
  }
}

async function extensionDictionary(ext) {
  const key = `${ext.id}:${lib.lang}`;
  if (!extensionTexts[key]) extensionTexts[key] = await lib.loadDictionary(ext.base, lib.lang);
  return extensionTexts[key];
}

function visible(roles) {
  return !roles || roles.length === 0 || roles.includes(session.user?.role);
}

function menuEntries() {
  const entries = CORE_MENU.filter(m => visible(m.roles)).map(m => ({ route: m.route, title: t(m.key) }));
  for (const ext of extensions) {
    for (const item of ext.menu) {
      if (visible(item.roles)) entries.push({ route: `ext/${ext.id}/${item.id}`, title: item.title[lib.lang] || item.title.en, ext: ext.id });
    }
  }
  return entries;
}

function currentRoute() {
  return decodeURIComponent(location.hash.replace(/^#\/?/, '')) || '';
}

function go(route) {
  if (currentRoute() === route) render(); else location.hash = `#/${route}`;
}

lib.whenSessionExpires(() => {
  session.user = null;
  flash = 'login.expired';
  go('login');
});

let flash = null;   // a message key shown once on the login page

function languagePicker() {
  const select = h('select', { id: 'language', 'aria-label': t('language.choose'),
    onchange: async e => { await lib.setLanguage(e.target.value, true); render(); } },
  h('option', { value: 'fa' }, 'فارسی'), h('option', { value: 'en' }, 'English'));
  select.value = lib.lang;
  return select;
}

async function login() {
  const message = h('div', { id: 'login-message' });
  if (flash) { message.append(h('div', { class: 'notice', role: 'status' }, t(flash))); flash = null; }
  const user = h('input', { id: 'login-user', name: 'user', autocomplete: 'username', required: true });
  const password = h('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const form = h('form', { class: 'card login', onsubmit: async e => {
    e.preventDefault();
    const answer = await lib.attempt(message, () => api('POST', '/auth/token', { user: user.value.trim(), password: password.value }));
    if (!answer) {
      if (message.querySelector('[data-status="401"]')) message.replaceChildren(h('div', { class: 'problem', role: 'alert', 'data-status': '401' }, t('login.wrong')));
      password.value = '';
      password.focus();
      return;
    }
    session.token = answer.token;
    await enter();
  } },
  h('h1', {}, t('app.title')), h('p', { class: 'muted' }, t('login.intro')),
  lib.field(t('login.user'), user), lib.field(t('login.password'), password), message,
  h('button', { type: 'submit', id: 'login-submit', class: 'primary' }, t('login.submit')));
  app.replaceChildren(h('main', { class: 'login-page' }, h('div', { class: 'login-lang' }, languagePicker()), form));
  user.focus();
}

async function enter() {
  try {
    session.user = await api('GET', '/auth/me');
  } catch (e) {
    session.token = null;
    return go('login');
  }
  const first = menuEntries()[0];
  go(first ? first.route : 'cashier');
}

async function logout() {
  try { await api('DELETE', '/auth/token'); } catch (e) { /* already gone */ }
  session.token = null;
  session.user = null;
  flash = 'login.loggedOut';
  go('login');
}

function shell(route) {
  const entries = menuEntries();
  const u = session.user;
  const nav = h('nav', { class: 'menu', 'aria-label': t('menu.label') },
    h('ul', {}, entries.map(e => h('li', {}, h('a', {
      href: `#/${e.route}`, 'data-route': e.route, 'data-ext': e.ext,
      'aria-current': route === e.route || route.startsWith(`${e.route}/`) ? 'page' : null,
    }, e.title)))));
  const header = h('header', { class: 'top' },
    h('a', { class: 'brand', href: '#/' }, h('img', { src: '/console/icon.svg', alt: '' }), t('app.title')),
    h('div', { class: 'who', id: 'who' },
      h('span', { id: 'who-user' }, u.user), ' · ', h('span', {}, t(`role.${u.role}`)),
      u.branch ? [' · ', h('span', { id: 'who-branch' }, u.branch)] : null),
    h('div', { class: 'actions' }, languagePicker(),
      h('a', { href: '#/password', id: 'password-link' }, t('menu.password')),
      h('button', { type: 'button', id: 'logout', onclick: logout }, t('menu.logout'))));
  const main = h('main', { id: 'page', tabindex: '-1' });
  app.replaceChildren(header, h('div', { class: 'layout' }, nav, main));
  return main;
}

let renderCount = 0;
let languageLoaded = false;
async function render() {
  const mine = ++renderCount;
  await loadExtensions();
  if (!languageLoaded || lib.lang !== lib.chosenLanguage()) {
    await lib.setLanguage(lib.chosenLanguage());
    languageLoaded = true;
  }
  const route = currentRoute();
  if (!session.token) return route === 'login' ? login() : go('login');
  if (route === 'login') return enter();
  if (!session.user) {
    try {
      session.user = await api('GET', '/auth/me');
    } catch (e) {
      return;   // a 401 has sent the user to the login page
    }
  }
  if (route === '') return go(menuEntries()[0]?.route || 'cashier');
  if (mine !== renderCount) return;
  const main = shell(route);
  const context = consoleFor(null);
  try {
    if (route === 'password') {
      (await import('./pages/account.js')).mount(main, context, route);
    } else if (route.startsWith('ext/')) {
      const [, id, item, ...rest] = route.split('/');
      const ext = extensions.find(x => x.id === id);
      if (!ext || !ext.menu.some(m => m.id === item)) {
        main.replaceChildren(h('div', { class: 'problem', role: 'alert', 'data-status': '404' }, t('error.pageGone')));
        return;
      }
      const texts = await extensionDictionary(ext);
      const module = await import(ext.module);
      await module.mount(main, consoleFor(texts, ext), item, rest.join('/'));
    } else {
      const page = CORE_MENU.find(m => route === m.route || route.startsWith(`${m.route}/`));
      if (!page) {
        main.replaceChildren(h('div', { class: 'problem', role: 'alert', 'data-status': '404' }, t('error.pageGone')));
        return;
      }
      (await page.load()).mount(main, context, route);
    }
  } catch (e) {
    main.replaceChildren(lib.problemBox(e));
  }
}

/** What a page (core's or an extension's) gets to work with; an extension's texts are looked up first. */
function consoleFor(texts, ext = null) {
  return {
    user: session.user, lang: lib.lang, api: lib.api, h: lib.h, fmt: lib.fmt, money: lib.money, table: lib.table,
    field: lib.field, amount: lib.amount, asciiDigits: lib.asciiDigits, idempotencyKey: lib.idempotencyKey, download: lib.download,
    dateInput: lib.dateInput, tierName: lib.tierName, tierNames: lib.tierNames,
    t: (key, vars) => t(key, vars, texts),
    problemBox: e => lib.problemBox(e, texts),
    attempt: (where, action) => lib.attempt(where, action, texts),
    go, base: ext ? ext.base : '/console/',
  };
}

window.addEventListener('hashchange', render);
render();
