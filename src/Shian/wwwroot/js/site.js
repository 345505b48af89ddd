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

// File fields in the page's language: the browser's own "Choose File / No file chosen" follows the browser's UI
// language, not the page's, so each file input gets a button and a file-name line in the page's language; the input
// itself stays in the form (and under its label) but is hidden from sight.
function shianFilePickers(root) {
    const zh = (document.documentElement.lang || 'zh').startsWith('zh');
    root.querySelectorAll('input[type=file]:not([data-picker])').forEach((input) => {
        input.dataset.picker = 'true';
        input.classList.add('file-hidden');
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'file-pick';
        button.textContent = zh ? '选择文件' : 'Choose file';
        const name = document.createElement('span');
        name.className = 'file-name small muted';
        name.setAttribute('aria-live', 'polite');
        const none = zh ? '未选择文件' : 'No file chosen';
        const show = () => {
            const files = Array.from(input.files || []).map((f) => f.name);
            name.textContent = files.length ? files.join('、') : none;
        };
        show();
        button.addEventListener('click', () => input.click());
        input.addEventListener('change', show);
        input.after(button, name);
    });
}
document.addEventListener('DOMContentLoaded', () => shianFilePickers(document));
document.addEventListener('htmx:load', (e) => shianFilePickers(e.target));
