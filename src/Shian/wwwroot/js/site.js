// Small behaviours every page may use, without inline handlers (the Content-Security-Policy allows scripts from
// this site only): data-confirm asks before submitting, data-print prints, data-toggle-open opens a tree row.
document.addEventListener('click', (e) => {
    const confirmer = e.target.closest('[data-confirm]');
    if (confirmer && !window.confirm(confirmer.dataset.confirm)) {
        e.preventDefault();
        return;
    }

    if (e.target.closest('[data-print]')) {
        window.print();
        return;
    }

    const toggle = e.target.closest('[data-toggle-open]');
    if (toggle) {
        toggle.setAttribute('aria-expanded', toggle.getAttribute('aria-expanded') === 'true' ? 'false' : 'true');
        toggle.closest('li').classList.toggle('open');
    }
});
