// bashgah-surveys' console pages: the operator's call screen, and the managers' questionnaires, campaigns, survey
// reports and low-score alerts. Each page is a module of its own next to this one; all use the public REST API only.

const PAGES = {
  calls: () => import('./calls.js'),
  questionnaires: () => import('./questionnaires.js'),
  campaigns: () => import('./campaigns.js'),
  reports: () => import('./reports.js'),
  alerts: () => import('./alerts.js'),
};

export async function mount(main, c, item, rest) {
  // the surveys' own styles (options, bars), from this server like everything else
  if (!document.getElementById('surveys-css')) {
    document.head.append(c.h('link', { rel: 'stylesheet', id: 'surveys-css', href: `${c.base}surveys.css` }));
  }
  const page = PAGES[item];
  if (!page) {
    main.replaceChildren(c.h('div', { class: 'problem', role: 'alert', 'data-status': '404' }, c.t('error.pageGone')));
    return;
  }
  (await page()).mount(main, c, rest);
}

/** A text of the questionnaire ({fa, en}) in the user's language, the other one when it has only that. */
export function text(c, value) {
  if (!value) return '';
  return (c.lang === 'fa' ? value.fa || value.en : value.en || value.fa) || '';
}

/** A number, a percentage or an average from a report; a dash for null (nothing to count). */
export function figure(c, n) {
  return n === null || n === undefined ? '—' : c.fmt.number(n);
}

/** A notice that something went right (role=status, so screen readers say it). */
export function notice(c, id, ...children) {
  return c.h('div', { class: 'notice', role: 'status', id }, ...children);
}
