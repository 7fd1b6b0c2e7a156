// Questionnaires: the list, one questionnaire's current version (its questions by kind) and its versions; chain
// admins create one and edit it as the JSON of docs/surveys.md (editing one in use makes the next version).
import { notice, text } from './main.js';

const TEMPLATE = {
  code: 'after-visit', name: { fa: 'نظرسنجی پس از خرید', en: 'After the visit' },
  questions: [
    { code: 'overall', kind: 'SCALE', text: { fa: 'چقدر راضی بودید؟', en: 'How satisfied were you?' } },
    { code: 'recommend', kind: 'NPS', text: { fa: 'چقدر ما را به دوستانتان پیشنهاد می‌کنید؟', en: 'How likely are you to recommend us to a friend?' } },
    { code: 'comment', kind: 'TEXT', required: false, text: { fa: 'نکتهٔ دیگری هست؟', en: 'Anything else?' } }],
};

export async function mount(main, c, rest) {
  if (rest === 'new') return editor(main, c, null);
  if (rest) return view(main, c, rest);
  return list(main, c);
}

const isAdmin = c => c.user?.role === 'chain-admin';

async function list(main, c) {
  const { h, t, api } = c;
  const all = await api('GET', '/surveys/questionnaires');
  main.replaceChildren(h('h1', {}, t('questionnaires.title')),
    isAdmin(c) ? h('p', {}, h('a', { href: '#/ext/surveys/questionnaires/new', id: 'questionnaire-new' }, t('questionnaires.new'))) : '',
    all.length ? c.table([t('questionnaires.name'), t('questionnaires.code'), t('questionnaires.version'), t('questionnaires.questions'), t('changed')],
      all.map(q => h('tr', { 'data-questionnaire': q.code },
        h('td', {}, h('a', { href: `#/ext/surveys/questionnaires/${q.id}` }, text(c, q.name))), h('td', { dir: 'ltr' }, q.code),
        h('td', {}, c.fmt.number(q.currentVersion)), h('td', {}, c.fmt.number(q.questions.length)), h('td', {}, c.fmt.date(q.changedAt)))),
      { id: 'questionnaires-list' })
      : h('p', { class: 'muted', id: 'questionnaires-list' }, t('questionnaires.none')));
}

async function view(main, c, id) {
  const { h, t, api } = c;
  const q = await api('GET', `/surveys/questionnaires/${id}`);
  const versions = await api('GET', `/surveys/questionnaires/${id}/versions`);
  main.replaceChildren(h('h1', {}, text(c, q.name)),
    h('p', { class: 'muted', id: 'questionnaire-version' }, t('questionnaires.current', { version: c.fmt.number(q.currentVersion) })),
    isAdmin(c) ? h('p', {}, h('a', { href: `#/ext/surveys/questionnaires/${q.id}/edit`, id: 'questionnaire-edit',
      onclick: e => { e.preventDefault(); editor(main, c, q); } }, t('questionnaires.edit'))) : '',
    questionList(c, q),
    h('h2', {}, t('questionnaires.versions')),
    c.table([t('questionnaires.version'), t('questionnaires.questions'), t('questionnaires.inUse'), t('changed')],
      versions.map(v => h('tr', {}, h('td', {}, c.fmt.number(v.version)), h('td', {}, c.fmt.number(v.questions)),
        h('td', {}, v.inUse ? t('answer.yes') : t('answer.no')), h('td', {}, `${c.fmt.dateTime(v.changedAt)} · ${v.changedBy || ''}`))),
      { id: 'questionnaire-versions' }));
}

/** A version's questions as the operator reads them: text, kind, choices. */
export function questionList(c, q) {
  const { h, t } = c;
  return h('ol', { class: 'card questions', id: 'questionnaire-questions' }, q.questions.map(x => h('li', { 'data-question': x.code },
    h('strong', {}, text(c, x.text)), ' ', h('span', { class: 'muted' }, `${t(`kind.${x.kind}`)}${x.required ? '' : ` · ${t('questionnaires.optional')}`}`),
    x.choices?.length ? h('ul', {}, x.choices.map(ch => h('li', {}, text(c, ch.text)))) : null)));
}

async function editor(main, c, q) {
  const { h, t, api } = c;
  const definition = q ? { name: q.name, questions: q.questions.map(({ id, ...rest }) => rest) } : TEMPLATE;
  const json = h('textarea', { id: 'questionnaire-json', spellcheck: 'false' }, JSON.stringify(definition, null, 2));
  const message = h('div', { id: 'questionnaire-message' });
  main.replaceChildren(h('h1', {}, q ? text(c, q.name) : t('questionnaires.newTitle')),
    h('p', { class: 'muted' }, t(q ? 'questionnaires.editHelp' : 'questionnaires.help')),
    h('form', { class: 'card', onsubmit: async e => {
      e.preventDefault();
      let body;
      try { body = JSON.parse(json.value); } catch (err) {
        message.replaceChildren(h('div', { class: 'problem', role: 'alert' }, t('json.bad'), ' ', err.message));
        return;
      }
      const saved = await c.attempt(message, () => (q ? api('PUT', `/surveys/questionnaires/${q.id}`, body)
        : api('POST', '/surveys/questionnaires', body)));
      if (!saved) return;
      history.replaceState(null, '', `#/ext/surveys/questionnaires/${saved.id}`);
      await view(main, c, saved.id);
      main.prepend(notice(c, 'questionnaire-saved', t('questionnaires.saved', { version: c.fmt.number(saved.currentVersion) })));
    } }, c.field(t('questionnaires.definition'), json), message,
    h('button', { type: 'submit', class: 'primary', id: 'questionnaire-save' }, t('save'))));
}
