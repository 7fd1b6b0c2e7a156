// The operator's call screen: take the next call of the branch's queue, see whom to phone and what they bought,
// read the questionnaire out and record the answers, or what came of the call (no answer, busy, wrong number, call
// back at a time, refused), or hand it back. POST /surveys/queue/claim gives the whole screen; POST
// /surveys/claims/{id}/outcome ends it, /release hands it back.
import { notice, text } from './main.js';

const OUTCOMES = ['NO_ANSWER', 'BUSY', 'WRONG_NUMBER', 'REFUSED'];

export async function mount(main, c) {
  const { h, t, api } = c;
  const queueBox = h('section', { id: 'queue' });
  const message = h('div', { id: 'call-message' });
  const screenBox = h('section', { id: 'call-screen' });
  main.replaceChildren(h('h1', {}, t('calls.title')), queueBox, message, screenBox);

  async function showQueue() {
    const q = await api('GET', '/surveys/queue');
    queueBox.replaceChildren(h('div', { class: 'card' }, h('dl', { class: 'balances' },
      h('dt', {}, t('calls.queued')), h('dd', { id: 'queue-queued' }, c.fmt.number(q.queued)),
      h('dt', {}, t('calls.pending')), h('dd', {}, c.fmt.number(q.pending)),
      h('dt', {}, t('calls.claimed')), h('dd', {}, c.fmt.number(q.claimed)),
      h('dt', {}, t('calls.mine')), h('dd', { id: 'queue-mine' }, c.fmt.number(q.myClaimsToday))),
    q.myClaim ? null : h('button', { type: 'button', class: 'primary', id: 'call-claim', onclick: claim }, t('calls.claim'))));
    return q;
  }

  async function claim() {
    const screen = await c.attempt(message, () => api('POST', '/surveys/queue/claim', {}));
    if (screen === undefined) return;
    if (screen === null) {   // 204: nothing is queued at the branch now
      message.replaceChildren(notice(c, 'call-none', t('calls.none')));
      return;
    }
    await showQueue();
    await showScreen(screen);
  }

  async function showScreen(s) {
    const before = await api('GET', `/members/${s.member.id}/balances`).catch(() => null);
    const form = answerForm(c, s.questionnaire);
    const note = h('input', { id: 'call-note', maxlength: '500' });
    const callBackAt = h('input', { id: 'call-back-at', type: 'datetime-local' });
    const result = h('div', { id: 'call-result' });

    async function record(body) {
      const recorded = await c.attempt(result, () => api('POST', `/surveys/claims/${s.claim}/outcome`,
        { ...body, note: note.value.trim() || undefined }));
      if (!recorded) return;
      screenBox.querySelectorAll('button, input, textarea').forEach(el => { el.disabled = true; });
      result.replaceChildren(notice(c, 'call-recorded', h('strong', {}, t(`outcome.${recorded.outcome}`)), ' · ',
        t(`callStatus.${recorded.status}`, { at: c.fmt.dateTime(recorded.dueAt) }),
        recorded.alert ? h('p', { id: 'call-alert' }, t('calls.alerted')) : null),
      h('p', {}, h('button', { type: 'button', class: 'primary', id: 'call-next', onclick: async () => {
        screenBox.replaceChildren();
        message.replaceChildren();
        await showQueue();
        await claim();
      } }, t('calls.next'))));
      if (recorded.outcome === 'ANSWERED') await showPoints(c, result, s.member.id, before?.points ?? 0);
      await showQueue();
    }

    // hands the call back unfinished: straight back in the queue, for this operator or another
    async function release() {
      const done = await c.attempt(result, () => api('POST', `/surveys/claims/${s.claim}/release`, {}));
      if (done === undefined) return;
      screenBox.replaceChildren();
      message.replaceChildren(notice(c, 'call-released', t('calls.released')));
      await showQueue();
    }

    const m = s.member;
    screenBox.replaceChildren(
      h('div', { class: 'card', id: 'call-member' },
        h('div', { class: 'member-head' }, h('h2', { id: 'call-member-name' }, m.name || t('calls.noName')),
          h('a', { href: `tel:${m.phone}`, dir: 'ltr', id: 'call-member-phone', class: 'strong' }, m.phone),
          m.tier ? h('span', { class: 'muted' }, m.tier) : null),
        h('p', { class: 'muted' }, t('calls.about', { campaign: s.campaignName, date: c.fmt.dateTime(s.purchase.at) }), ' ',
          c.money(s.purchase.amount, { id: 'call-purchase-amount' })),
        h('p', { class: 'muted', id: 'call-expires' }, t('calls.expires', { at: c.fmt.dateTime(s.claimExpiresAt) })),
        s.earlierAttempts.length ? h('p', { id: 'call-earlier' }, t('calls.earlier'), ' ',
          s.earlierAttempts.map(a => `${t(a.outcome ? `outcome.${a.outcome}` : 'outcome.ABANDONED')} (${c.fmt.dateTime(a.claimedAt)})`).join('، ')) : null),
      h('h2', {}, t('calls.recent')),
      s.recentPurchases.length ? c.table([t('calls.date'), t('calls.branch'), t('calls.amount'), t('calls.groups')],
        s.recentPurchases.map(p => h('tr', {}, h('td', {}, c.fmt.dateTime(p.at)), h('td', { dir: 'ltr' }, p.branch),
          h('td', {}, c.money(p.amount)), h('td', { dir: 'ltr' }, (p.lines || []).map(l => l.productGroup).join(', ')))),
      { id: 'call-recent' }) : h('p', { class: 'muted' }, t('calls.noRecent')),
      h('h2', {}, text(c, s.questionnaire.name)),
      h('form', { class: 'card', id: 'call-answers', onsubmit: async e => {
        e.preventDefault();
        const answers = form.answers();
        if (answers.missing.length) {
          result.replaceChildren(h('div', { class: 'problem', role: 'alert' }, t('calls.missing', { questions: answers.missing.join('، ') })));
          return;
        }
        await record({ outcome: 'ANSWERED', answers: answers.list });
      } }, form.element, c.field(t('calls.note'), note),
      h('button', { type: 'submit', class: 'primary', id: 'call-answered' }, t('calls.saveAnswers'))),
      h('div', { class: 'card' }, h('h3', {}, t('calls.otherOutcome')),
        h('div', { class: 'search' }, OUTCOMES.map(o => h('button', { type: 'button', id: `call-${o}`,
          onclick: () => record({ outcome: o }) }, t(`outcome.${o}`))),
        c.field(t('calls.callBackAt'), callBackAt),
        h('button', { type: 'button', id: 'call-CALL_BACK', onclick: () => {
          if (!callBackAt.value) {
            result.replaceChildren(h('div', { class: 'problem', role: 'alert' }, t('calls.callBackWhen')));
            return;
          }
          return record({ outcome: 'CALL_BACK', callBackAt: new Date(callBackAt.value).toISOString() });
        } }, t('outcome.CALL_BACK'))),
        h('p', { class: 'muted' }, t('calls.releaseHelp'), ' ',
          h('button', { type: 'button', class: 'link', id: 'call-release', onclick: release }, t('calls.release')))),
      result);
  }

  const q = await showQueue();
  if (q.myClaim) await showScreen(await api('GET', `/surveys/claims/${q.myClaim}`));
}

/** The questions as form controls by kind; answers() gives the API's answers and the required ones left empty. */
function answerForm(c, questionnaire) {
  const { h, t } = c;
  const readers = [];
  const element = h('ol', { class: 'questions' }, questionnaire.questions.map(q => {
    const name = `q-${q.id}`;
    let control;
    let read;
    const radios = options => h('div', { class: 'options', role: 'radiogroup' }, options.map(([value, label]) =>
      h('label', { class: 'option' }, h('input', { type: 'radio', name, value: String(value), 'data-question': q.code }), label)));
    const checked = () => [...control.querySelectorAll('input:checked')].map(i => i.value);
    if (q.kind === 'SCALE' || q.kind === 'NPS') {
      const [from, to] = q.kind === 'SCALE' ? [1, 5] : [0, 10];
      const scores = [];
      for (let n = from; n <= to; n++) scores.push([n, c.fmt.number(n)]);
      control = radios(scores);
      read = () => (checked().length ? { score: Number(checked()[0]) } : null);
    } else if (q.kind === 'YES_NO') {
      control = radios([['yes', t('answer.yes')], ['no', t('answer.no')]]);
      read = () => (checked().length ? { yes: checked()[0] === 'yes' } : null);
    } else if (q.kind === 'SINGLE_CHOICE') {
      control = radios(q.choices.map(ch => [ch.code, text(c, ch.text)]));
      read = () => (checked().length ? { choices: checked() } : null);
    } else if (q.kind === 'MULTIPLE_CHOICE') {
      control = h('div', { class: 'options' }, q.choices.map(ch => h('label', { class: 'option' },
        h('input', { type: 'checkbox', name, value: ch.code, 'data-question': q.code }), text(c, ch.text))));
      read = () => (checked().length ? { choices: checked() } : null);
    } else {
      control = h('textarea', { name, class: 'answer-text', maxlength: '2000', 'data-question': q.code });
      read = () => (control.value.trim() ? { text: control.value.trim() } : null);
    }
    readers.push({ q, read });
    return h('li', { class: 'question', 'data-question': q.code, 'data-kind': q.kind },
      h('p', { class: 'question-text' }, text(c, q.text), q.required ? h('span', { class: 'danger' }, ' *') : null,
        h('span', { class: 'muted' }, ` (${t(`kind.${q.kind}`)})`)), control);
  }));
  return {
    element,
    answers() {
      const list = [];
      const missing = [];
      for (const { q, read } of readers) {
        const given = read();
        if (given) list.push({ question: q.id, ...given });
        else if (q.required) missing.push(text(c, q.text));
      }
      return { list, missing };
    },
  };
}

/** Survey points are paid by bashgah-credit after the answers commit, through an event: wait a little for them. */
async function showPoints(c, where, memberId, before) {
  const { h, t } = c;
  let points = before;
  for (let i = 0; i < 20 && points <= before; i++) {
    await new Promise(resolve => setTimeout(resolve, 500));
    const balances = await c.api('GET', `/members/${memberId}/balances`).catch(() => null);
    if (balances) points = balances.points;
  }
  where.append(points > before
    ? notice(c, 'call-points', t('calls.points', { earned: c.fmt.number(points - before) }), ' ', c.money(points, { id: 'call-points-balance' }))
    : h('p', { class: 'muted', id: 'call-points' }, t('calls.noPoints')));
}
