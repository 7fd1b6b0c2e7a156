// Password change: every session of the user ends, so the console logs in again.
import { api, attempt, field, h, session, t } from '../lib.js';

export function mount(main, c) {
  const current = h('input', { id: 'pw-current', type: 'password', autocomplete: 'current-password', required: true });
  const next = h('input', { id: 'pw-new', type: 'password', autocomplete: 'new-password', required: true, minlength: '10' });
  const again = h('input', { id: 'pw-again', type: 'password', autocomplete: 'new-password', required: true });
  const message = h('div', { id: 'pw-message' });
  main.replaceChildren(h('h1', {}, t('menu.password')), h('form', { class: 'card narrow', onsubmit: async e => {
    e.preventDefault();
    if (next.value !== again.value) {
      message.replaceChildren(h('div', { class: 'problem', role: 'alert' }, t('password.mismatch')));
      return;
    }
    const done = await attempt(message, () => api('POST', '/auth/password', { currentPassword: current.value, newPassword: next.value }));
    if (done === undefined) return;   // the refusal is shown; 204 answers null
    session.token = null;
    session.user = null;
    location.hash = '#/login';
  } }, field(t('password.current'), current), field(t('password.new'), next), field(t('password.again'), again), message,
  h('button', { type: 'submit', class: 'primary', id: 'pw-submit' }, t('password.change'))));
}
