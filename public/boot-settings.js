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

// Starts the app (named by the build in <meta name="app-script">) once the prerendered page
// has painted, so its first paint never waits for the script's download. A page with nothing
// prerendered, or in a hidden tab (nothing paints there), starts at once. The dev server
// keeps Vite's own script tag and no meta. See docs/decisions/0010.
(function () {
  var started = false;
  function start() {
    var meta = document.querySelector('meta[name="app-script"]');
    if (started || !meta) return;
    started = true;
    var script = document.createElement('script');
    script.type = 'module';
    script.crossOrigin = '';
    script.src = meta.getAttribute('content');
    document.head.appendChild(script);
  }
  function afterPaint() {
    // Nothing prerendered (the offline shell) or nothing to be seen: no paint to wait for.
    var root = document.getElementById('root');
    if (!root || !root.hasAttribute('data-prerendered')) return start();
    if (document.visibilityState !== 'visible') return start();
    // The first contentful paint's own entry says the page is on screen. A browser that
    // does not report paints starts the app at once, as it would from a script tag.
    var types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
    if (types.indexOf('paint') < 0) return start();
    new PerformanceObserver(function (list) {
      if (list.getEntriesByName('first-contentful-paint').length) start();
    }).observe({ type: 'paint', buffered: true });
    // Should the paint never be reported, the app still starts.
    setTimeout(start, 1500);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', afterPaint);
  else afterPaint();
})();

// The list's filters are folded in the page as built (a phone's first screen shows essays);
// on a wide screen they open beside the list before the first paint. Names shared with the
// app in src/firstPaint.ts (WIDE_LAYOUT, FILTERS_DISCLOSURE).
document.addEventListener('DOMContentLoaded', function () {
  if (!window.matchMedia || !window.matchMedia('(min-width: 60rem)').matches) return;
  var folded = document.querySelectorAll('details.filters-disclosure');
  for (var i = 0; i < folded.length; i++) folded[i].open = true;
});
