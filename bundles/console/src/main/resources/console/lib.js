// The console's shared toolkit: session, REST calls, texts, formatting, DOM building. Extensions get the same
// functions through the `console` object passed to their mount(), so they never import this file by URL.

const TOKEN = 'bashgah.token';
const LANG = 'bashgah.lang';

export const session = {
  get token() { return sessionStorage.getItem(TOKEN); },
  set token(value) { value ? sessionStorage.setItem(TOKEN, value) : sessionStorage.removeItem(TOKEN); },
  user: null,          // GET /api/v1/auth/me: {user, organisation, role, branch, serverAdmin}
  defaultLanguage: 'fa',
};

// ---- texts ----

const dictionaries = {};   // lang -> {key: text}
export let lang = 'fa';

export async function loadDictionary(base, language) {
  const response = await fetch(`${base}i18n/${language}.json`, { cache: 'no-cache' });
  if (!response.ok) return {};
  return response.json();
}

/** Switches the texts, the direction and the formats; `remember` keeps a user's own pick in this browser. */
export async function setLanguage(language, remember = false) {
  lang = language === 'en' ? 'en' : 'fa';
  if (remember) localStorage.setItem(LANG, lang);
  if (!dictionaries[lang]) dictionaries[lang] = await loadDictionary('/console/', lang);
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'fa' ? 'rtl' : 'ltr';
  document.title = t('app.title');
}

export function chosenLanguage() {
  return localStorage.getItem(LANG) || session.defaultLanguage;
}

/** A text by key, with {name} placeholders filled from vars; extra dictionaries (an extension's) are tried first. */
export function t(key, vars = {}, extra = null) {
  let text = (extra && extra[key]) ?? dictionaries[lang]?.[key];
  if (text === undefined) {
    console.warn('missing text', lang, key);
    text = key;
  }
  return text.replace(/\{(\w+)\}/g, (_, name) => (name in vars ? String(vars[name]) : `{${name}}`));
}

// ---- formatting: the browser's Intl does the calendars and digits ----

export const fmt = {
  number(n) {
    return new Intl.NumberFormat(lang === 'fa' ? 'fa-IR' : 'en-US').format(Number(n ?? 0));
  },
  date(iso) {
    if (!iso) return '';
    return new Intl.DateTimeFormat(lang === 'fa' ? 'fa-IR-u-ca-persian' : 'en-US', { dateStyle: 'medium' })
      .format(new Date(iso));
  },
  dateTime(iso) {
    if (!iso) return '';
    return new Intl.DateTimeFormat(lang === 'fa' ? 'fa-IR-u-ca-persian' : 'en-US',
      { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  },
};

/** Persian and Arabic-Indic digits typed by a user, as ASCII digits; separators dropped. */
export function asciiDigits(text) {
  return String(text ?? '').trim()
    .replace(/[۰-۹]/g, d => String(d.charCodeAt(0) - 0x06F0))
    .replace(/[٠-٩]/g, d => String(d.charCodeAt(0) - 0x0660));
}

/** An amount typed by a user (any digits, with or without thousands separators) as a number; null when empty. */
export function amount(text) {
  const digits = asciiDigits(text).replace(/[,٬،\s]/g, '');
  if (digits === '') return null;
  return /^\d+$/.test(digits) ? Number(digits) : NaN;
}

// ---- REST ----

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

let onExpired = () => {};
export function whenSessionExpires(handler) { onExpired = handler; }

/** One call to the public REST API with the session's bearer token; JSON in and out; throws ApiError. */
export async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (session.token) headers.Authorization = `Bearer ${session.token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`/api/v1${path}`, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store',
  });
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  if (response.status === 401 && session.token && path !== '/auth/token') {
    session.token = null;
    onExpired();
  }
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

/**
 * Downloads a file of the REST API (a report's CSV or XLSX) with the session's token, which a plain link could not
 * send, and saves it under the name the server gives (Content-Disposition).
 */
export async function download(path) {
  const response = await fetch(`/api/v1${path}`, { headers: { Authorization: `Bearer ${session.token}` }, cache: 'no-store' });
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch { problem = null; }
    if (response.status === 401) { session.token = null; onExpired(); }
    throw new ApiError(response.status, problem);
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') || '')?.[1] || 'download';
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  return name;
}

// ---- DOM ----

/** h('button', {class: 'x', onclick: fn}, 'text', child...): an element; null/false children are skipped. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
    else if (name === 'class') el.className = value;
    else if (name === 'value') el.value = value;
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

let uid = 0;
/** A labelled form field: label + input (or the element given), tied by id for screen readers. */
export function field(label, input) {
  const el = input instanceof Node ? input : h('input', input);
  if (!el.id) el.id = `f${++uid}`;
  return h('div', { class: 'field' }, h('label', { for: el.id }, label), el);
}

/** An amount shown with the language's digits and separators; data-value keeps the number for tests and copying. */
export function money(n, attrs = {}) {
  return h('span', { class: 'amount', 'data-value': String(n ?? 0), ...attrs }, fmt.number(n));
}

/** The refusal or error of a call, as the user should see it: the problem's detail and its field errors. */
export function problemBox(error, extra = null) {
  if (!(error instanceof ApiError)) {
    console.error(error);
    return h('div', { class: 'problem', role: 'alert' }, t('error.network', {}, extra));
  }
  const p = error.problem;
  const title = error.status === 403 ? t('error.forbidden', {}, extra)
    : error.status === 404 ? t('error.notFound', {}, extra)
      : error.status === 409 ? t('error.conflict', {}, extra)
        : error.status === 422 ? t('error.rejected', {}, extra)
          : error.status === 400 ? t('error.invalid', {}, extra)
            : t('error.other', { status: error.status }, extra);
  return h('div', { class: 'problem', role: 'alert', 'data-status': String(error.status) },
    h('strong', {}, title), p.detail ? h('p', {}, p.detail) : null,
    (p.errors || []).length ? h('ul', {}, p.errors.map(e => h('li', {}, `${e.field}: ${e.message}`))) : null);
}

/** Runs an async action, showing its error in `where` (replacing what was there). Returns the result or undefined. */
export async function attempt(where, action, extra = null) {
  where.replaceChildren();
  try {
    return await action();
  } catch (e) {
    where.replaceChildren(problemBox(e, extra));
    return undefined;
  }
}

export function table(headers, rows, attrs = {}) {
  return h('div', { class: 'table-wrap' }, h('table', attrs,
    h('thead', {}, h('tr', {}, headers.map(x => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, rows)));
}

export function idempotencyKey(prefix) {
  return `${prefix}-${crypto.randomUUID()}`;
}

export function accountName(account) {
  if (account === 'POINTS') return t('account.points');
  if (account === 'SHARED_CREDIT') return t('account.shared');
  if (account?.startsWith('BRANCH_CREDIT:')) return t('account.branch', { branch: account.slice(14) });
  return account;
}
