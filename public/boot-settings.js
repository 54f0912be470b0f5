// Applies the reader's saved settings before first paint. A plain external script (the
// Content-Security-Policy allows no inline script); it mirrors src/lib/settings.ts.
(function () {
  var root = document.documentElement;
  var s = { size: 'm', width: 'normal', font: 'serif', theme: 'system' };
  var allowed = {
    size: ['s', 'm', 'l', 'xl'],
    width: ['narrow', 'normal', 'wide'],
    font: ['serif', 'sans'],
    theme: ['system', 'light', 'dark', 'sepia'],
  };
  try {
    var saved = JSON.parse(localStorage.getItem('essays:v1:settings') || 'null');
    if (saved && typeof saved === 'object') {
      for (var k in allowed) if (allowed[k].indexOf(saved[k]) >= 0) s[k] = saved[k];
    }
  } catch {
    // Corrupt or unavailable storage: the defaults stand.
  }
  for (var key in s) root.setAttribute('data-' + key, s[key]);
})();
