// The phone checklist: keeps a draft of the answers in this browser (so a dropped connection or a closed tab loses
// nothing), a finger signature on a canvas, and one submission at a time. Hand-written: ~60 lines, no library needed.
(function () {
  var form = document.getElementById('check-form');
  if (!form) { return; }
  var key = form.dataset.draftKey;
  var status = document.getElementById('draft-status');

  function save() {
    var data = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.type === 'file' || el.type === 'hidden') { return; }
      if (el.type === 'radio') { if (el.checked) { data[el.name] = el.value; } } else { data[el.name] = el.value; }
    });
    try { localStorage.setItem(key, JSON.stringify(data)); status.textContent = '草稿已保存在本机'; } catch (e) { /* storage full or disabled */ }
  }

  function restore() {
    var raw = null;
    try { raw = localStorage.getItem(key); } catch (e) { return; }
    if (!raw || form.querySelector('.errors li')) { return; }
    var data = JSON.parse(raw);
    Object.keys(data).forEach(function (name) {
      var els = form.querySelectorAll('[name="' + name + '"]');
      Array.prototype.forEach.call(els, function (el) {
        if (el.type === 'radio') { el.checked = el.value === data[name]; } else { el.value = data[name]; }
      });
    });
    status.textContent = '已恢复本机草稿';
  }

  var canvas = document.getElementById('signature-pad');
  var ctx = canvas.getContext('2d');
  var drawing = false, signed = false;
  ctx.lineWidth = 3; ctx.lineCap = 'round';
  function point(e) {
    var r = canvas.getBoundingClientRect();
    return { x: (e.clientX - r.left) * canvas.width / r.width, y: (e.clientY - r.top) * canvas.height / r.height };
  }
  canvas.addEventListener('pointerdown', function (e) { drawing = true; var p = point(e); ctx.beginPath(); ctx.moveTo(p.x, p.y); canvas.setPointerCapture(e.pointerId); });
  canvas.addEventListener('pointermove', function (e) { if (!drawing) { return; } var p = point(e); ctx.lineTo(p.x, p.y); ctx.stroke(); signed = true; });
  canvas.addEventListener('pointerup', function () { drawing = false; });
  document.getElementById('signature-clear').addEventListener('click', function () { ctx.clearRect(0, 0, canvas.width, canvas.height); signed = false; });

  form.addEventListener('input', save);
  form.addEventListener('change', save);
  form.addEventListener('submit', function () {
    if (signed) { document.getElementById('signature').value = canvas.toDataURL('image/png'); }
    var button = form.querySelector('button[type=submit]');
    setTimeout(function () { button.disabled = true; }, 0); // a second tap does nothing; the server stores one record anyway
    try { localStorage.removeItem(key); } catch (e) { /* ignore */ }
  });
  restore();
})();
