/**
 * The evidence as a readable, printable HTML report: the verdict, both articles' addresses,
 * dates and hashes, then each shared passage side by side with the swaps marked. Every string
 * that came from a page or the library is escaped (text, never markup), and the report carries
 * a Content-Security-Policy that allows no script and no network request.
 */
import { passageWords, type WordRun } from '../core/passage-words';
import type { Evidence } from './build';

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const KIND_WORDS = { verbatim: 'Verbatim copy', partial: 'Partial copy', spun: 'Spun copy' } as const;

function marked(text: string, runs: WordRun[]): string {
  return runs.map((run) => (run.changed ? `<mark>${escapeHtml(text.slice(run.start, run.end))}</mark>` : escapeHtml(text.slice(run.start, run.end)))).join('');
}

/** Paragraph breaks inside a passage stay visible. */
const withBreaks = (html: string) => html.replace(/\n\s*\n/g, '<br><br>');

const percent = (share: number) => `${Math.round(share * 100)}%`;

function row(label: string, value: string | undefined): string {
  return value ? `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>` : '';
}

function passagesHtml(evidence: Evidence): string {
  const pageText = evidence.page.analysed.text;
  const libraryText = evidence.library.analysed?.text;
  if (libraryText === undefined) return '<p>The library article was no longer in the library when this report was made: its side cannot be shown.</p>';
  const items = evidence.passages.map((passage, index) => {
    const words = passageWords(pageText, libraryText, {
      inputStart: passage.pageStart,
      inputEnd: passage.pageEnd,
      sourceStart: passage.libraryStart,
      sourceEnd: passage.libraryEnd,
    });
    return `<section class="passage"><h3>Passage ${index + 1} <small>page characters ${passage.pageStart}–${passage.pageEnd}, library characters ${passage.libraryStart}–${passage.libraryEnd}</small></h3>
<div class="sides"><blockquote>${withBreaks(marked(pageText, words.page))}</blockquote><blockquote>${withBreaks(marked(libraryText, words.source))}</blockquote></div></section>`;
  });
  return items.join('\n');
}

function substitutionsHtml(evidence: Evidence): string {
  if (evidence.substitutions.length === 0) return '';
  const items = evidence.substitutions
    .map((swap) => `<li><span class="from">${escapeHtml(swap.from)}</span> → <mark>${escapeHtml(swap.to)}</mark>${swap.count > 1 ? ` ×${swap.count}` : ''}</li>`)
    .join('');
  return `<h2>Swapped wording (library article → page)</h2><ul class="swaps">${items}</ul>`;
}

const STYLES = `
body { font: 15px/1.5 Georgia, 'Times New Roman', serif; color: #111; background: #fff; margin: 24px auto; max-width: 1100px; padding: 0 16px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 24px 0 8px; border-bottom: 1px solid #999; }
h3 { font-size: 14px; margin: 16px 0 6px; } h3 small { font-weight: normal; color: #555; }
table { border-collapse: collapse; width: 100%; font-size: 13px; } th, td { text-align: left; vertical-align: top; padding: 3px 8px; border-bottom: 1px solid #ddd; }
td { overflow-wrap: anywhere; } th[scope=row] { width: 11em; } .articles th[scope=col] { width: 42%; }
.sides { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
.heads { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; font-weight: bold; font-size: 13px; }
blockquote { margin: 0; padding: 8px 10px; border-left: 3px solid #999; background: #f6f6f6; white-space: normal; }
mark { background: #ffd54f; color: #000; text-decoration: underline; }
.verdict { font-size: 16px; } code { font-size: 12px; word-break: break-all; }
.swaps { columns: 2; font-size: 13px; } .muted { color: #555; font-size: 13px; }
@media print { body { margin: 0; max-width: none; font-size: 11pt; } .passage { break-inside: avoid; } blockquote { background: none; border-left-color: #000; } mark { background: none; font-weight: bold; } a { color: inherit; } }
`;

/** The report as one HTML document (UTF-8). */
export function evidenceHtml(evidence: Evidence): string {
  const { page, library, verdict } = evidence;
  const who = verdict.direction === 'copied-by' ? 'The library article copies this page' : 'This page copies the library article';
  const articles = `<table class="articles"><thead><tr><th></th><th scope="col">Page</th><th scope="col">Library article</th></tr></thead><tbody>
<tr><th scope="row">Title</th><td>${escapeHtml(page.title)}</td><td>${escapeHtml(library.title)}</td></tr>
<tr><th scope="row">Address</th><td>${escapeHtml(page.url)}</td><td>${escapeHtml(library.url ?? 'none')}</td></tr>
<tr><th scope="row">Source</th><td>${escapeHtml(page.siteName ?? '')}</td><td>${escapeHtml(library.source)} (${escapeHtml(library.origin)}, id ${escapeHtml(library.id)})</td></tr>
<tr><th scope="row">Published</th><td>${escapeHtml(page.publishedAt ?? 'not stated')}</td><td>${escapeHtml(library.publishedAt ?? 'not stated')}</td></tr>
<tr><th scope="row">Characters</th><td>${page.analysed.characters}</td><td>${library.analysed?.characters ?? 'not available'}</td></tr>
<tr><th scope="row">SHA-256</th><td><code>${page.analysed.sha256}</code></td><td><code>${library.analysed?.sha256 ?? 'not available'}</code></td></tr>
</tbody></table>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Evidence: ${escapeHtml(KIND_WORDS[verdict.kind])} of ${escapeHtml(library.title)}</title>
<style>${STYLES}</style></head>
<body>
<h1>${escapeHtml(KIND_WORDS[verdict.kind])}: ${escapeHtml(page.title)}</h1>
<p class="verdict">${escapeHtml(who)}. Score ${verdict.score.toFixed(2)}; ${percent(verdict.coverage)} of the page and ${percent(verdict.sourceCoverage)} of the library article are shared.</p>
<p>${escapeHtml(verdict.reason)}</p>
<table>${row('Checked', evidence.checkedAt)}${row('Report made', evidence.exportedAt)}${row('Extension version', evidence.software.extension)}${row('Engine index version', String(evidence.software.engineIndexVersion))}${row('Hashes', evidence.hashAlgorithm)}</table>
<h2>The two articles</h2>
${articles}
${substitutionsHtml(evidence)}
<h2>Shared passages (${evidence.passages.length}): page on the left, library article on the right</h2>
<div class="heads"><span>Page</span><span>Library article</span></div>
${passagesHtml(evidence)}
<p class="muted">Made by Recycled News on the reader's device; the texts are the articles as the extension analysed them (headline excluded). Marked words differ between the two sides.</p>
</body></html>`;
}
