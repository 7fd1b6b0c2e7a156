// A vendor's console page (examples/vendor-bundle): is it the member's birthday, so today's purchases earn the
// birthday bonus? It uses only what every page gets: the public REST API through console.api, texts through console.t.

export function mount(main, c) {
  const { h, t, api } = c;
  const phone = h('input', { id: 'birthday-phone', type: 'tel', required: true });
  const answer = h('div', { id: 'birthday-answer', role: 'status' });
  main.replaceChildren(h('h1', {}, t('birthday.title')), h('p', { class: 'muted' }, t('birthday.intro')),
    h('form', { class: 'card search', onsubmit: async e => {
      e.preventDefault();
      const found = await c.attempt(answer, () => api('GET', `/members?phone=${encodeURIComponent(c.asciiDigits(phone.value))}`));
      if (!found) return;
      const member = found[0];
      if (!member) return answer.replaceChildren(t('birthday.noMember'));
      const today = new Date();
      const birthday = member.birthDate && member.birthDate.slice(5) === today.toISOString().slice(5, 10);
      answer.replaceChildren(h('div', { class: birthday ? 'notice' : 'card' },
        birthday ? t('birthday.yes', { name: member.name || '' }) : t('birthday.no', { name: member.name || '' })));
    } }, c.field(t('birthday.phone'), phone), h('button', { type: 'submit', class: 'primary' }, t('birthday.check'))),
    answer);
}
