/**
 * Content-farm page templates for the scan benchmark, written by the project: a 2008 table
 * layout with <br>-separated text, an AMP page with JSON-LD, a blog with comments and a
 * "related posts" block, a news page with ads and "Read more" links between paragraphs, and
 * broken markup with several <html>/<body> tags. "Related" and "Trending" blocks carry
 * headlines of library articles: the contract says those are not reuse.
 */
import type { SeededRandom } from './quality-prng';

export type PageTemplate = 'table-2008' | 'amp' | 'blog-comments' | 'news-ads' | 'broken-multi-html';
export const PAGE_TEMPLATES: readonly PageTemplate[] = ['table-2008', 'amp', 'blog-comments', 'news-ads', 'broken-multi-html'];

export interface PageContent {
  headline: string;
  paragraphs: readonly string[];
  /** Headlines of library articles for navigation, "related" and "trending" blocks. */
  libraryHeadlines: readonly string[];
  /** ISO date shown on the page. */
  publishedAt: string;
}

const SITES = ['DailyNewsHub', 'The Morning Ledger', 'BizWire Today', 'Trending Now 24', 'Metro Observer'];
const COMMENTERS = ['jim_k', 'Sarah M.', 'patriot1776', 'Lurker', 'dave', 'Concerned Reader'];
const COMMENTS = [
  'Great article, thanks for sharing!',
  'I have been saying this for years and nobody listens.',
  'Does anyone know where I can find the original report? The numbers seem off to me.',
  'First!',
  'This is exactly why I stopped reading the mainstream papers. Nobody checks anything anymore.',
  'Interesting. My brother works in this industry and he says the real story is much more complicated than this.',
];

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const link = (text: string, random: SeededRandom) => `<a href="/story/${random.int(1000, 99999)}.html">${escapeHtml(text)}</a>`;

function linkList(headlines: readonly string[], random: SeededRandom, count: number): string {
  return random.shuffle(headlines).slice(0, count).map((h) => `<li>${link(h, random)}</li>`).join('\n');
}

function comments(random: SeededRandom): string {
  return random
    .shuffle(COMMENTS)
    .slice(0, random.int(2, 5))
    .map((text) => `<li class="comment"><div class="comment-author"><b>${random.pick(COMMENTERS)}</b> says:</div><p>${escapeHtml(text)}</p><a class="reply" href="#">Reply</a></li>`)
    .join('\n');
}

function displayDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toUTCString().slice(5, 16);
}

/** A 2008 portal: nested tables, <font>, text separated by <br><br>, upper-case tags, unclosed cells. */
function table2008(page: PageContent, random: SeededRandom, charsetTag: string): string {
  const body = page.paragraphs.map(escapeHtml).join('<BR><BR>\n');
  return `<HTML><HEAD>${charsetTag}<TITLE>${escapeHtml(page.headline)} - ${random.pick(SITES)}</TITLE></HEAD>
<BODY BGCOLOR="#FFFFFF"><TABLE WIDTH=760 BORDER=0><TR><TD COLSPAN=2><IMG SRC="/img/logo.gif"> <FONT SIZE=1><A HREF="/">Home</A> | <A HREF="/news">News</A> | <A HREF="/biz">Business</A> | <A HREF="/contact">Contact</A></FONT>
<TR><TD WIDTH=160 VALIGN=TOP BGCOLOR="#EEEEEE"><FONT SIZE=1><B>Top Stories</B><BR>
${random.shuffle(page.libraryHeadlines).slice(0, 6).map((h) => `${link(h, random)}<BR>`).join('\n')}
</FONT><TD VALIGN=TOP><FONT FACE="Arial" SIZE=2><B><FONT SIZE=4>${escapeHtml(page.headline)}</FONT></B><BR>
<I>Posted ${displayDate(page.publishedAt)}</I><BR><BR>
${body}<BR><BR>
<CENTER><A HREF="/ads/click?id=${random.int(1, 999)}"><IMG SRC="/ads/banner468.gif" ALT="Advertisement"></A></CENTER>
<P><FONT SIZE=1>Copyright 2008 ${random.pick(SITES)}. All rights reserved.</FONT>
</TABLE></BODY></HTML>`;
}

/** AMP with JSON-LD (holding the description, as many farms do) and amp-ad slots between paragraphs. */
function amp(page: PageContent, random: SeededRandom, charsetTag: string): string {
  const jsonLd = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: page.headline,
    datePublished: page.publishedAt,
    description: page.paragraphs[0]?.slice(0, 160) ?? '',
    publisher: { '@type': 'Organization', name: random.pick(SITES) },
  }).replace(/</g, '\\u003c');
  const body = page.paragraphs
    .map((p, i) => `<p>${escapeHtml(p)}</p>${i % 3 === 2 ? `\n<amp-ad width="300" height="250" type="doubleclick" data-slot="/1234/article_${i}"><div fallback>Advertisement</div></amp-ad>` : ''}`)
    .join('\n');
  return `<!doctype html><html amp lang="en"><head>${charsetTag}<meta name="viewport" content="width=device-width">
<title>${escapeHtml(page.headline)}</title><script async src="https://cdn.ampproject.org/v0.js"></script>
<script type="application/ld+json">${jsonLd}</script><style amp-custom>body{font-family:sans-serif}</style></head>
<body><header class="site-header"><a href="/">${random.pick(SITES)}</a><amp-sidebar id="menu" layout="nodisplay"><ul>${linkList(page.libraryHeadlines, random, 4)}</ul></amp-sidebar></header>
<article><h1>${escapeHtml(page.headline)}</h1><time datetime="${page.publishedAt}">${displayDate(page.publishedAt)}</time>
<amp-social-share type="twitter"></amp-social-share><amp-social-share type="facebook"></amp-social-share>
${body}
</article>
<section class="related-posts"><h3>More from ${random.pick(SITES)}</h3><ul>${linkList(page.libraryHeadlines, random, 5)}</ul></section>
<footer>© 2025 ${random.pick(SITES)} · <a href="/privacy">Privacy</a> · <a href="/terms">Terms</a></footer></body></html>`;
}

/** A WordPress-like blog: sidebar widgets, the post, "You may also like" with teasers, a comment thread. */
function blogComments(page: PageContent, random: SeededRandom, charsetTag: string): string {
  const related = random
    .shuffle(page.libraryHeadlines)
    .slice(0, 3)
    .map((h) => `<div class="jp-relatedposts-post">${link(h, random)}<p class="jp-relatedposts-post-context">In "News"</p></div>`)
    .join('\n');
  return `<!DOCTYPE html><html lang="en-US"><head>${charsetTag}<title>${escapeHtml(page.headline)} | ${random.pick(SITES)}</title>
<meta property="article:published_time" content="${page.publishedAt}"></head>
<body class="post-template-default single"><div id="page"><header id="masthead"><h2 class="site-title"><a href="/">${random.pick(SITES)}</a></h2>
<nav id="site-navigation"><ul>${linkList(['Home', 'World', 'Politics', 'Money', 'Tech', 'Entertainment'], random, 6)}</ul></nav></header>
<div id="content"><main id="main"><article class="post type-post"><header class="entry-header"><h1 class="entry-title">${escapeHtml(page.headline)}</h1>
<div class="entry-meta">Posted on ${displayDate(page.publishedAt)} by <a href="/author/admin">admin</a></div></header>
<div class="entry-content">
${page.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Related</em></h3>${related}</div>
</div><footer class="entry-footer">Posted in <a href="/category/news">News</a> | Tagged <a href="/tag/world">world</a></footer></article>
<div id="comments" class="comments-area"><h2 class="comments-title">${random.int(2, 40)} thoughts on “${escapeHtml(page.headline)}”</h2><ol class="comment-list">${comments(random)}</ol>
<div id="respond"><h3>Leave a Reply</h3><form><textarea></textarea><input type="submit" value="Post Comment"></form></div></div></main>
<aside id="secondary" class="widget-area"><section class="widget"><h2>Recent Posts</h2><ul>${linkList(page.libraryHeadlines, random, 5)}</ul></section></aside></div>
<footer id="colophon">Proudly powered by WordPress</footer></div></body></html>`;
}

/** A news page: ads and "READ MORE" links to other stories between the paragraphs, a trending rail. */
function newsAds(page: PageContent, random: SeededRandom, charsetTag: string): string {
  const body = page.paragraphs
    .map((p, i) => {
      const insert =
        i % 2 === 1
          ? random.next() < 0.5
            ? `<div class="ad-container"><span>Advertisement</span><ins class="adsbygoogle" data-ad-slot="${random.int(1e6, 9e6)}"></ins></div>`
            : `<p><strong>READ MORE:</strong> ${link(random.pick(page.libraryHeadlines), random)}</p>`
          : '';
      return `<p>${escapeHtml(p)}</p>${insert}`;
    })
    .join('\n');
  return `<!DOCTYPE html><html><head>${charsetTag}<title>${escapeHtml(page.headline)}</title><meta name="description" content="${escapeHtml(page.paragraphs[0]?.slice(0, 150) ?? '')}"></head>
<body><div class="top-bar"><div class="trending-bar"><b>Trending:</b> ${random.shuffle(page.libraryHeadlines).slice(0, 3).map((h) => link(h, random)).join(' · ')}</div></div>
<div class="container"><div class="main-col"><h1>${escapeHtml(page.headline)}</h1><div class="byline">By <a href="/staff">Staff Reporter</a> · ${displayDate(page.publishedAt)}</div>
<div class="share-buttons"><a href="#">Share</a> <a href="#">Tweet</a> <a href="#">Email</a></div>
<div class="story-body">
${body}
</div><div class="tags">Tags: <a href="#">news</a> <a href="#">business</a></div></div>
<div class="rail"><div class="most-popular"><h3>Most Popular</h3><ol>${linkList(page.libraryHeadlines, random, 5)}</ol></div></div></div>
<div class="footer">About us | Contact | Advertise with us | © 2025 ${random.pick(SITES)}</div></body></html>`;
}

/**
 * Broken markup as crawled: an ad server's whole page (own <html> and <body>) injected before the
 * real page, unclosed <p> and <div>, a stray </body> in the middle, and classless furniture.
 */
function brokenMultiHtml(page: PageContent, random: SeededRandom, charsetTag: string): string {
  return `<html><head><title>ad</title></head><body><div align=center><a href="http://ads.example.invalid/c"><img src="/b.gif"></a></div></body></html>
<html><head>${charsetTag}<title>${escapeHtml(page.headline)}</title></head>
<body><div><table><tr><td><a href="/">HOME</a> <a href="/local">LOCAL</a> <a href="/sports">SPORTS</a></td></tr></table>
<div><h2>${escapeHtml(page.headline)}</h2>
<p>${displayDate(page.publishedAt)}
${page.paragraphs.map((p) => `<p>${escapeHtml(p)}`).join('\n')}
</body>
<div><h3>Related stories</h3>
${random.shuffle(page.libraryHeadlines).slice(0, 4).map((h) => `<p>${link(h, random)}`).join('\n')}
<h3>${random.int(2, 9)} Comments</h3>
${random.shuffle(COMMENTS).slice(0, 3).map((c) => `<p><b>${random.pick(COMMENTERS)}</b> wrote: ${escapeHtml(c)}`).join('\n')}
<p>Copyright (c) 2008 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.
</html></html>`;
}

const RENDERERS: Record<PageTemplate, (page: PageContent, random: SeededRandom, charsetTag: string) => string> = {
  'table-2008': table2008,
  amp,
  'blog-comments': blogComments,
  'news-ads': newsAds,
  'broken-multi-html': brokenMultiHtml,
};

/** The page's HTML; `declaredCharset` goes into its <meta> (which need not match the bytes written). */
export function renderPage(template: PageTemplate, page: PageContent, random: SeededRandom, declaredCharset = 'utf-8'): string {
  const charsetTag = template === 'table-2008' || random.next() < 0.3
    ? `<meta http-equiv="Content-Type" content="text/html; charset=${declaredCharset}">`
    : `<meta charset="${declaredCharset}">`;
  return RENDERERS[template](page, random, charsetTag);
}
