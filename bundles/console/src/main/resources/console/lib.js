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
  /** A calendar day (yyyy-mm-dd, as a birth date is kept): the same day in every time zone. */
  day(isoDate) {
    if (!isoDate) return '';
    return new Intl.DateTimeFormat(lang === 'fa' ? 'fa-IR-u-ca-persian' : 'en-US', { dateStyle: 'medium', timeZone: 'UTC' })
      .format(new Date(`${String(isoDate).slice(0, 10)}T00:00:00Z`));
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

/** A text by key when a dictionary (the extension's, then the console's) has it; undefined otherwise. */
export function known(key, extra = null) {
  return (extra && extra[key]) ?? dictionaries[lang]?.[key];
}

// the problem types of core's problem details (urn:bashgah:problem:<slug>), then the HTTP status, choose the headline
const PROBLEM_TITLES = {
  'invalid-request': 'error.invalid', rejected: 'error.rejected', 'not-found': 'error.notFound', forbidden: 'error.forbidden',
  conflict: 'error.conflict', unauthorized: 'error.unauthorized', 'too-large': 'error.tooLarge', internal: 'error.internal',
};
const STATUS_TITLES = { 400: 'error.invalid', 401: 'error.unauthorized', 403: 'error.forbidden', 404: 'error.notFound',
  409: 'error.conflict', 413: 'error.tooLarge', 422: 'error.rejected', 500: 'error.internal' };

/** A field of a request as the user knows it: `field.<path>` (indexes dropped: lines[2].amount is field.lines.amount). */
export function fieldLabel(path, extra = null) {
  const plain = String(path ?? '').replace(/\[\d+\]/g, '');
  return known(`field.${plain}`, extra) ?? known(`field.${plain.split('.').pop()}`, extra) ?? path;
}

/**
 * The refusal or error of a call, as the user should see it: a headline in the user's language chosen by the problem's
 * type (or the HTTP status), each refused field by its label, and the server's own words (English, for API users)
 * as a secondary line.
 */
export function problemBox(error, extra = null) {
  if (!(error instanceof ApiError)) {
    console.error(error);
    return h('div', { class: 'problem', role: 'alert' }, t('error.network', {}, extra));
  }
  const p = error.problem;
  const slug = /^urn:bashgah:problem:(.+)$/.exec(p.type || '')?.[1];
  const key = PROBLEM_TITLES[slug] || STATUS_TITLES[error.status];
  const title = key ? t(key, {}, extra) : t('error.other', { status: error.status }, extra);
  const server = text => h('small', { class: 'server-text', lang: 'en', dir: 'ltr' }, text);
  // a detail that only repeats the field errors (core's 400s do) is not shown twice
  const repeats = (p.errors || []).length && p.errors.every(e => String(p.detail || '').includes(`${e.field}: ${e.message}`));
  return h('div', { class: 'problem', role: 'alert', 'data-status': String(error.status), 'data-type': slug || null },
    h('strong', {}, title), p.detail && !repeats ? h('p', {}, server(p.detail)) : null,
    (p.errors || []).length ? h('ul', {}, p.errors.map(e => {
      const label = fieldLabel(e.field, extra);
      const headline = lang === 'en' ? `${label}: ${e.message}` : `${label}: ${t('error.fieldRefused', {}, extra)}`;
      return h('li', { 'data-field': e.field }, h('span', {}, headline),
        lang === 'en' && label === e.field ? null : [' ', server(`${e.field}: ${e.message}`)]);
    })) : null);
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

let tiers = { at: 0, names: null };
/**
 * The chain's tier names by code, from the tier scheme when bashgah-credit is installed (GET /credit/tiers), kept a
 * minute; an empty map without credit.
 */
export async function tierNames() {
  if (tiers.names && Date.now() - tiers.at < 60000) return tiers.names;
  let names = new Map();
  try {
    const scheme = await api('GET', '/credit/tiers');
    names = new Map((scheme?.tiers || []).map(x => [x.code, x.name]));
  } catch (e) { /* 404: credit is not installed; the dictionary's names serve */ }
  if (!dictionaries.en) dictionaries.en = await loadDictionary('/console/', 'en');
  tiers = { at: Date.now(), names };
  return names;
}

/**
 * A tier as the user should read it: the scheme's name, unless it is the English name the console ships for that
 * code (the default scheme's "Bronze"), which the user's dictionary translates; a code nobody named stays a code.
 */
export function tierName(code, names = tiers.names) {
  if (!code) return '—';
  const named = names?.get(code);
  const ours = known(`tier.${code}`);
  if (named && named !== dictionaries.en?.[`tier.${code}`]) return named;
  return ours ?? named ?? code;
}

// ---- Jalali date entry: the browser's Intl knows the Persian calendar one way (a day to its Jalali name); the way
// back is found by stepping from an estimate until Intl names the day that was typed ----

const JALALI_PARTS = new Intl.DateTimeFormat('en-US-u-ca-persian-nu-latn',
  { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' });
const MONTH_NAME = new Intl.DateTimeFormat('fa-IR-u-ca-persian', { month: 'long', timeZone: 'UTC' });
const DAY = 86400000;

/** A UTC day's Jalali year, month and day. */
export function jalali(date) {
  const parts = Object.fromEntries(JALALI_PARTS.formatToParts(date).filter(p => p.type !== 'literal')
    .map(p => [p.type, parseInt(p.value, 10)]));
  return { year: parts.year, month: parts.month, day: parts.day };
}

// day of the Jalali year: six months of 31 days, five of 30, the last of 29 (30 in a leap year)
const dayOfYear = (m, d) => (m <= 7 ? (m - 1) * 31 + d : 186 + (m - 7) * 30 + d);

/** The Gregorian ISO date (yyyy-mm-dd) of a Jalali day, or null when there is no such day (e.g. 30 Esfand of a common year). */
export function gregorianOf(year, month, day) {
  // a year of two digits is refused, not guessed
  if (![year, month, day].every(Number.isInteger) || month < 1 || month > 12 || day < 1 || day > 31 || year < 1000 || year > 3000) {
    return null;
  }
  let at = Date.UTC(year + 621, 2, 20) + (dayOfYear(month, day) - 1) * DAY;
  for (let i = 0; i < 6; i++) {
    const j = jalali(new Date(at));
    if (j.year === year && j.month === month && j.day === day) return new Date(at).toISOString().slice(0, 10);
    let off = (year - j.year) * 365 + dayOfYear(month, day) - dayOfYear(j.month, j.day);
    if (off === 0 && j.year === year) return null;   // the day after the last of a month (31 Mehr is 1 Aban): no such day
    if (off === 0) off = Math.sign(year - j.year);   // across a leap year's end
    at += off * DAY;
  }
  return null;
}

/**
 * A date field: the native picker in English; in Persian a Jalali day, month and year (any digits), since the native
 * picker is Gregorian. Its `value` is the Gregorian ISO date either way, '' when empty; what is typed that is no day
 * (30 Esfand of a common year, a month left out, a year of two digits) is the value as typed, y/m/d, for the API to
 * refuse naming the field. `onchange(value)` is called after each edit.
 */
export function dateInput(attrs = {}, onchange = null) {
  const { value = '', id, ...rest } = attrs;
  if (lang !== 'fa') {
    const input = h('input', { type: 'date', id, value, ...rest });
    if (onchange) input.addEventListener('input', () => onchange(input.value));
    return input;
  }
  const part = (name, size) => h('input', { class: `jd-${name}`, inputmode: 'numeric', maxlength: size, autocomplete: 'off',
    'aria-label': t(`date.${name}`), placeholder: t(`date.${name}`) });
  const day = part('day', 2);
  const month = h('select', { class: 'jd-month', 'aria-label': t('date.month') }, h('option', { value: '' }, t('date.month')),
    Array.from({ length: 12 }, (_, i) => h('option', { value: String(i + 1) },
      MONTH_NAME.format(new Date(`${gregorianOf(1404, i + 1, 1)}T00:00:00Z`)))));
  const year = part('year', 4);
  const shown = h('small', { class: 'muted jd-gregorian', dir: 'ltr', lang: 'en' });
  const box = h('div', { class: 'jalali-date', role: 'group', id, ...rest }, day, month, year, shown);
  const read = () => {
    const typed = [day.value, month.value, year.value].map(x => asciiDigits(x));
    if (typed.every(x => x === '')) return '';
    const [d, m, y] = typed.map(x => (/^\d+$/.test(x) ? Number(x) : NaN));
    return gregorianOf(y, m, d) ?? `${typed[2]}/${typed[1]}/${typed[0]}`;
  };
  Object.defineProperty(box, 'value', {
    get: read,
    set(iso) {
      const j = iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? jalali(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : null;
      day.value = j ? fmt.number(j.day) : '';
      month.value = j ? String(j.month) : '';
      year.value = j ? String(j.year).replace(/\d/g, x => '۰۱۲۳۴۵۶۷۸۹'[x]) : '';
      changed(false);
    },
  });
  function changed(notify = true) {
    const v = read();
    box.dataset.value = v;
    shown.textContent = /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : '';
    if (notify && onchange) onchange(v);
  }
  for (const el of [day, month, year]) el.addEventListener(el === month ? 'change' : 'input', () => changed());
  box.value = value;
  return box;
}
