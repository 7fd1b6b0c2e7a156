// An offer's definition as a form, for the fields most offers use (docs/offers.md). The form edits the same object
// the JSON view shows: each input writes its path of it (data-path), so whatever the form does not show (a nested
// audience, a field added later) is kept as it is.

const WEEKDAYS = ['SATURDAY', 'SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'];
const METRICS = ['visits', 'totalSpend', 'averageSpend', 'daysSinceLastVisit', 'membershipDays'];
const OPS = ['gt', 'gte', 'lt', 'lte', 'eq'];
const LISTS = ['tierIn', 'taggedAny', 'bought', 'neverBought', 'visited'];
const CONDITIONS = ['metric', ...LISTS, 'birthdayWithinDays'];

export function get(object, path) {
  return path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), object);
}

/** Sets a path; null, '' and [] remove it, and an object left empty goes too. */
export function set(object, path, value) {
  const keys = path.split('.');
  const parents = [object];
  for (const k of keys.slice(0, -1)) {
    const parent = parents[parents.length - 1];
    if (typeof parent[k] !== 'object' || parent[k] === null) parent[k] = {};
    parents.push(parent[k]);
  }
  const last = keys[keys.length - 1];
  const empty = value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
  if (empty) delete parents[parents.length - 1][last]; else parents[parents.length - 1][last] = value;
  for (let i = keys.length - 1; i > 0; i--) {
    if (Object.keys(parents[i]).length === 0) delete parents[i - 1][keys[i - 1]];
  }
}

/** A number typed in any digits ('.' or '٫' for decimals); empty is null; other text is sent as it is, for the API to name. */
export function number(c, text) {
  const plain = c.asciiDigits(text).replace(/[,٬،\s]/g, '').replace('٫', '.');
  if (plain === '') return null;
  return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : String(text);
}

function list(text) {
  return String(text).split(/[,،\s]+/).map(x => x.trim()).filter(Boolean);
}

/** The audience as a list of conditions that all must hold, or null when it is nested deeper than the form shows. */
function flatAudience(audience) {
  if (!audience) return [];
  const leaves = audience.all ? audience.all : [audience];
  return leaves.every(l => l && CONDITIONS.some(k => k in l) && !l.all && !l.any && !l.not) ? leaves : null;
}

/**
 * Builds the form into `area` for `definition`; `changed()` is called after every edit. `branches` are the chain's
 * branches (GET /branches).
 */
export function offerForm(c, area, definition, branches, changed) {
  const { h, t } = c;
  const edit = (path, value) => { set(definition, path, value); changed(); };
  const text = (path, attrs = {}) => h('input', { 'data-path': path, value: get(definition, path) ?? '', ...attrs,
    oninput: e => edit(path, e.target.value.trim()) });
  const num = (path, attrs = {}) => h('input', { 'data-path': path, inputmode: 'decimal', dir: 'ltr', value: get(definition, path) ?? '', ...attrs,
    oninput: e => edit(path, number(c, e.target.value)) });
  // Jalali day, month and year in Persian, the native picker in English; the definition keeps the Gregorian date
  const date = path => c.dateInput({ 'data-path': path, value: get(definition, path) ?? '' }, value => edit(path, value));
  const csv = path => h('input', { 'data-path': path, dir: 'ltr', value: (get(definition, path) || []).join(', '),
    oninput: e => edit(path, list(e.target.value)) });
  const select = (path, values, prefix, blank = false) => {
    const el = h('select', { 'data-path': path, onchange: e => edit(path, e.target.value || null) },
      blank ? h('option', { value: '' }, '—') : null, values.map(v => h('option', { value: v }, t(`${prefix}${v}`))));
    el.value = get(definition, path) ?? '';
    return el;
  };
  const check = (path, label, checked, onchange) => {
    const input = h('input', { type: 'checkbox', 'data-path': path, checked, onchange });
    return h('label', { class: 'check' }, input, label);
  };

  const chosenBranches = new Set(definition.branches || []);
  const branchBoxes = branches.map(b => check(`branches.${b.code}`, `${b.name} (${b.code})`, chosenBranches.has(b.code), e => {
    if (e.target.checked) chosenBranches.add(b.code); else chosenBranches.delete(b.code);
    edit('branches', branches.map(x => x.code).filter(x => chosenBranches.has(x)));
  }));
  const days = new Set(definition.weekdays || []);
  const dayBoxes = WEEKDAYS.map(d => check(`weekdays.${d}`, t(`day.${d}`), days.has(d), e => {
    if (e.target.checked) days.add(d); else days.delete(d);
    edit('weekdays', WEEKDAYS.filter(x => days.has(x)));
  }));

  const kind = select('kind', ['PERMANENT', 'ONE_TIME'], 'kind.');
  kind.addEventListener('change', () => offerForm(c, area, definition, branches, changed));   // one-time fields

  // replaceChildren would write a null as the text "null": the one-time parts are filtered out instead
  area.replaceChildren(...[
    h('fieldset', {}, h('legend', {}, t('form.basics')),
      c.field(t('form.name'), text('name', { id: 'offer-name', required: true })), c.field(t('offers.kind'), kind),
      h('div', { class: 'checks', role: 'group', 'aria-label': t('form.branches') }, h('span', { class: 'muted' }, t('form.branches')), branchBoxes),
      h('div', { class: 'grid' }, c.field(t('form.priority'), num('priority')),
        check('stackable', t('form.stackable'), !!definition.stackable, e => edit('stackable', e.target.checked || null)))),
    h('fieldset', {}, h('legend', {}, t('form.when')),
      h('div', { class: 'grid' }, c.field(t('form.activeFrom'), date('activeFrom')), c.field(t('form.activeTo'), date('activeTo')),
        c.field(t('form.hoursFrom'), text('hoursFrom', { type: 'time' })), c.field(t('form.hoursTo'), text('hoursTo', { type: 'time' }))),
      h('div', { class: 'checks', role: 'group', 'aria-label': t('form.weekdays') }, h('span', { class: 'muted' }, t('form.weekdays')), dayBoxes)),
    audienceFields(c, definition, changed),
    h('fieldset', {}, h('legend', {}, t('form.trigger')),
      h('div', { class: 'grid' }, c.field(t('form.amountOver'), num('trigger.amountOver')),
        c.field(t('form.productGroups'), csv('trigger.productGroups')),
        definition.kind === 'ONE_TIME' ? c.field(t('form.withinDays'), num('trigger.withinDays')) : null)),
    h('fieldset', {}, h('legend', {}, t('form.reward')),
      h('div', { class: 'grid' }, c.field(t('form.extraCreditPercent'), num('reward.extraCreditPercent')),
        c.field(t('form.discountPercent'), num('reward.discountPercent')), c.field(t('form.bonusPoints'), num('reward.bonusPoints')),
        c.field(t('form.fixedCredit'), num('reward.fixedCredit')), c.field(t('form.creditTo'), select('reward.creditTo', ['SHARED', 'BRANCH'], 'creditTo.', true)))),
    h('fieldset', {}, h('legend', {}, t('form.limits')),
      h('div', { class: 'grid' }, c.field(t('form.perMember'), num('limits.perMember')), c.field(t('form.budget'), num('limits.budget')))),
    definition.kind === 'ONE_TIME' ? h('fieldset', {}, h('legend', {}, t('form.targeting')),
      h('div', { class: 'grid' }, c.field(t('form.schedule'), select('targeting.schedule', ['MANUAL', 'DAILY'], 'schedule.', true)),
        c.field(t('form.controlPercent'), num('targeting.controlPercent')))) : null].filter(Boolean));
}

/** The audience's conditions, all of which must hold; an audience nested deeper is left to the JSON view. */
function audienceFields(c, definition, changed) {
  const { h, t } = c;
  const box = h('fieldset', { id: 'offer-audience' }, h('legend', {}, t('form.audience')));
  const leaves = flatAudience(definition.audience);
  if (leaves === null) {
    box.append(h('p', { class: 'muted', id: 'audience-in-json' }, t('form.audienceInJson')));
    return box;
  }
  const conditions = leaves.map(l => ({ ...l }));
  const write = () => {
    const done = conditions.filter(x => Object.keys(x).length);
    set(definition, 'audience', done.length === 0 ? null : done.length === 1 ? done[0] : { all: done });
    changed();
  };
  const rows = h('div', { class: 'conditions' });
  const row = (cond, i) => {
    const type = CONDITIONS.find(k => k in cond) || 'metric';
    const kind = h('select', { class: 'condition-kind', onchange: e => {
      const fresh = e.target.value === 'metric' ? { metric: 'visits', op: 'gt', value: 0 } : e.target.value === 'birthdayWithinDays'
        ? { birthdayWithinDays: 7 } : { [e.target.value]: [] };
      conditions[i] = fresh;
      write();
      draw();
    } }, CONDITIONS.map(k => h('option', { value: k }, t(`cond.${k}`))));
    kind.value = type;
    const parts = [kind];
    if (type === 'metric') {
      const metric = h('select', { class: 'condition-metric', onchange: e => { cond.metric = e.target.value; write(); } },
        METRICS.map(m => h('option', { value: m }, t(`metric.${m}`))));
      metric.value = cond.metric;
      const op = h('select', { class: 'condition-op', onchange: e => { cond.op = e.target.value; write(); } },
        OPS.map(o => h('option', { value: o }, t(`op.${o}`))));
      op.value = cond.op;
      parts.push(metric, op, h('input', { class: 'condition-value', inputmode: 'numeric', dir: 'ltr', value: cond.value ?? '',
        'aria-label': t('form.value'), oninput: e => { cond.value = number(c, e.target.value); write(); } }));
    } else if (type === 'birthdayWithinDays') {
      parts.push(h('input', { class: 'condition-value', inputmode: 'numeric', dir: 'ltr', value: cond.birthdayWithinDays ?? '',
        'aria-label': t('form.value'), oninput: e => { cond.birthdayWithinDays = number(c, e.target.value); write(); } }));
    } else {
      parts.push(h('input', { class: 'condition-value', dir: 'ltr', value: (cond[type] || []).join(', '), placeholder: t(`cond.${type}.hint`),
        'aria-label': t('form.value'), oninput: e => { cond[type] = list(e.target.value); write(); } }));
    }
    parts.push(h('button', { type: 'button', class: 'link danger', 'aria-label': t('form.removeCondition'),
      onclick: () => { conditions.splice(i, 1); write(); draw(); } }, '×'));
    return h('div', { class: 'condition', 'data-condition': type }, parts);
  };
  const draw = () => rows.replaceChildren(...(conditions.length ? conditions.map(row)
    : [h('p', { class: 'muted' }, t('form.everyone'))]));
  draw();
  box.append(h('p', { class: 'muted' }, t('form.audienceHelp')), rows,
    h('button', { type: 'button', class: 'link', id: 'condition-add', onclick: () => {
      conditions.push({ metric: 'visits', op: 'gt', value: 0 });
      write();
      draw();
    } }, t('form.addCondition')));
  return box;
}
