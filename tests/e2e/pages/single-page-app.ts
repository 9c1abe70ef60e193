/**
 * A single-page site for the tests: one document whose views are swapped by script, with the
 * first view arriving late (as when an app fetches its article after load). `window.go(path)`
 * navigates with history.pushState, as client-side routers do.
 */

/** The <body> of a page made by site-chrome.ts: what a client-side router would render. */
function bodyOf(html: string): string {
  const match = /<body>([\s\S]*)<\/body>/.exec(html);
  if (!match) throw new Error('page without a <body>');
  return match[1];
}

/** `views`: path → full page (its body becomes the view); the first view renders after `firstRenderMs`. */
export function singlePageApp(views: Record<string, string>, firstRenderMs: number): string {
  const bodies = Object.fromEntries(Object.entries(views).map(([path, html]) => [path, bodyOf(html)]));
  // Inside <script>, "</" would end the element: escape it in the embedded JSON.
  const data = JSON.stringify(bodies).replace(/<\//g, '<\\/');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Loading…</title></head>
<body><div class="app-loading">Loading…</div>
<script>
  const views = ${data};
  function render() {
    document.body.innerHTML = views[location.pathname] ?? '<p>Not found</p>';
    document.title = document.querySelector('h1')?.textContent ?? 'App';
  }
  window.go = (path) => { history.pushState({}, '', path); render(); };
  addEventListener('popstate', render);
  setTimeout(render, ${firstRenderMs});
</script></body></html>`;
}
