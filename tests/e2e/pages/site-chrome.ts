/**
 * Test pages as readers meet them: an article wrapped in the furniture of a news site
 * (masthead, navigation, ads, share bar, related links, comments, footer), plus pages that
 * hold no article (a form, a list of links). Everything here is written for the tests.
 */

export interface ArticlePage {
  site: string;
  headline: string;
  byline?: string;
  /** ISO date shown in a <time> element and in article:published_time. */
  publishedAt?: string;
  paragraphs: readonly string[];
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function masthead(site: string): string {
  return `
  <header class="masthead">
    <a class="logo" href="/">${escapeHtml(site)}</a>
    <nav aria-label="Sections">
      <ul>
        <li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li>
        <li><a href="/business">Business</a></li><li><a href="/science">Science</a></li>
        <li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion</a></li>
      </ul>
    </nav>
    <form class="search" action="/search"><input name="q" placeholder="Search"><button>Go</button></form>
  </header>
  <div class="ad ad--leaderboard"><span>Advertisement</span><a href="/ads/1">Save 40% on winter tyres this week only</a></div>`;
}

const footer = (site: string) => `
  <footer class="site-footer">
    <ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li>
      <li><a href="/privacy">Privacy</a></li><li><a href="/terms">Terms of use</a></li></ul>
    <p>© 2025 ${escapeHtml(site)}. All rights reserved.</p>
    <div class="cookie-note">We use cookies to improve your experience. <button>Accept</button></div>
  </footer>`;

function shell(title: string, head: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title>${head}
<style>body{font-family:Georgia,serif;max-width:900px;margin:auto}nav ul,footer ul{display:flex;gap:12px;list-style:none}
.ad{background:#eee;padding:8px;margin:12px 0}aside{border-top:1px solid #ccc}</style></head>
<body>${body}</body></html>`;
}

export function newsPage(page: ArticlePage): string {
  const head = [
    `<meta property="og:site_name" content="${escapeHtml(page.site)}">`,
    page.publishedAt ? `<meta property="article:published_time" content="${escapeHtml(page.publishedAt)}">` : '',
  ].join('');
  const paragraphs = page.paragraphs.map((text, index) => {
    const paragraph = `<p>${escapeHtml(text)}</p>`;
    // An ad in the middle of the story, as most news sites do.
    return index === 2 ? `${paragraph}\n<div class="ad ad--inline"><span>Advertisement</span><a href="/ads/2">Compare mortgage rates now</a></div>` : paragraph;
  });
  const body = `${masthead(page.site)}
  <main>
    <article>
      <h1>${escapeHtml(page.headline)}</h1>
      <p class="byline">${page.byline ? `By ${escapeHtml(page.byline)}` : ''}
        ${page.publishedAt ? `<time datetime="${escapeHtml(page.publishedAt)}">${escapeHtml(page.publishedAt.slice(0, 10))}</time>` : ''}</p>
      <div class="share-bar"><a href="/share/fb">Share on Facebook</a> <a href="/share/x">Share on X</a> <a href="/share/mail">Email</a></div>
      ${paragraphs.join('\n      ')}
    </article>
    <aside class="related">
      <h2>Related articles</h2>
      <ul>
        <li><a href="/r/1">Council approves new budget after late-night session</a></li>
        <li><a href="/r/2">Five things to know before the long weekend</a></li>
        <li><a href="/r/3">Opinion: why the city needs more bike lanes</a></li>
      </ul>
    </aside>
    <section class="comments">
      <h2>Comments (2)</h2>
      <div class="comment"><b>reader42</b><p>Great reporting, thanks.</p></div>
      <div class="comment"><b>skeptic</b><p>I would like to see the sources for this.</p></div>
      <form class="comment-form"><h3>Leave a reply</h3><textarea placeholder="Please enter your comment"></textarea>
        <input placeholder="Please enter your name here"><button>Post comment</button></form>
    </section>
  </main>${footer(page.site)}`;
  return shell(page.headline, head, body);
}

/** A page that is not an article: a sign-up form. */
export function formPage(site: string): string {
  return shell(
    `Create your account – ${site}`,
    '',
    `${masthead(site)}
  <main><h1>Create your account</h1>
    <form action="/register" method="post">
      <label>Email <input type="email" name="email"></label>
      <label>Password <input type="password" name="password"></label>
      <label><input type="checkbox" name="news"> Send me the morning newsletter</label>
      <button>Sign up</button>
    </form>
    <p>Already registered? <a href="/login">Log in</a>.</p>
  </main>${footer(site)}`,
  );
}

/** A page that is not an article: a section front listing headlines. */
export function linkListPage(site: string, headlines: readonly string[]): string {
  const items = headlines.map((headline, index) => `<li><a href="/story/${index}">${escapeHtml(headline)}</a></li>`).join('\n');
  return shell(`Latest news – ${site}`, '', `${masthead(site)}<main><h1>Latest news</h1><ul class="river">${items}</ul></main>${footer(site)}`);
}
