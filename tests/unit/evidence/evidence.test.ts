/** The evidence file and its HTML report: fields, offsets, hashes and escaping. */
import { createHash } from 'node:crypto';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { compare } from '../../../lib/core/engine';
import { INDEX_VERSION } from '../../../lib/core/tuning';
import { buildEvidence, evidenceFileName, sha256Hex, type EvidenceInput } from '../../../lib/evidence/build';
import { escapeHtml, evidenceHtml } from '../../../lib/evidence/report-html';
import { loadSeeds, ORIGINAL, SPUN } from '../core/seeds';

const seeds = loadSeeds();
const spun = seeds.find((seed) => seed.id === SPUN)!;
const original = seeds.find((seed) => seed.id === ORIGINAL)!;

function input(overrides: { pageTitle?: string; pageText?: string; libraryText?: string | null; url?: string } = {}): EvidenceInput {
  const pageText = overrides.pageText ?? spun.text;
  const libraryText = overrides.libraryText === undefined ? original.text : overrides.libraryText;
  const { id, ...match } = compare({ id: 'page', text: pageText }, { ...original, text: libraryText ?? original.text })!;
  expect(id).toBe(original.id);
  return {
    page: { url: overrides.url ?? 'https://farm.test/story?id=1', title: overrides.pageTitle ?? spun.title ?? '', publishedAt: '2025-03-02T10:00:00.000Z', text: pageText },
    library: { id: original.id, title: original.title ?? '', source: 'Seed corpus', url: 'https://wire.test/original', publishedAt: original.publishedAt, origin: 'seed', text: libraryText },
    match,
    checkedAt: Date.UTC(2026, 10, 30, 9, 15),
    exportedAt: Date.UTC(2026, 10, 30, 9, 20),
    versions: { extension: '0.1.0', engineIndex: INDEX_VERSION },
  };
}

const nodeSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('buildEvidence', () => {
  it('holds both texts, their SHA-256, the verdict, offsets and swaps', async () => {
    const evidence = await buildEvidence(input());
    expect(evidence).toMatchObject({
      format: 'recycled-news-evidence',
      formatVersion: 1,
      checkedAt: '2026-11-30T09:15:00.000Z',
      exportedAt: '2026-11-30T09:20:00.000Z',
      software: { extension: '0.1.0', engineIndexVersion: INDEX_VERSION },
      verdict: { kind: 'spun', direction: 'copies' },
      page: { url: 'https://farm.test/story?id=1', publishedAt: '2025-03-02T10:00:00.000Z' },
      library: { id: original.id, url: 'https://wire.test/original', origin: 'seed' },
    });
    expect(evidence.page.analysed.text).toBe(spun.text);
    expect(evidence.page.analysed.sha256).toBe(nodeSha256(spun.text));
    expect(evidence.library.analysed?.sha256).toBe(nodeSha256(original.text));
    expect(evidence.passages.length).toBeGreaterThan(0);
    for (const passage of evidence.passages) {
      expect(passage.pageEnd).toBeGreaterThan(passage.pageStart);
      expect(passage.libraryEnd).toBeLessThanOrEqual(original.text.length);
    }
    const pairs = evidence.swaps.map((swap) => `${swap.library} → ${swap.page}`);
    expect(pairs).toContain('said → mentioned');
    for (const swap of evidence.swaps) {
      expect(spun.text.slice(swap.pageStart, swap.pageEnd)).toBe(swap.page);
      expect(original.text.slice(swap.libraryStart, swap.libraryEnd)).toBe(swap.library);
    }
    expect(evidence.substitutions).toContainEqual(expect.objectContaining({ from: 'eastern', to: 'japanese' }));
    // Plain data: survives a JSON round trip unchanged.
    expect(JSON.parse(JSON.stringify(evidence))).toEqual(evidence);
    expect(evidenceFileName(evidence, 'json')).toBe('evidence-2026-11-30-spun-farm.test.json');
  });

  it('hashes the UTF-8 bytes (non-ASCII text, the empty string)', async () => {
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    const text = 'Ministerin Müller sagte: „Köln“ — 東京 ✓';
    expect(await sha256Hex(text)).toBe(nodeSha256(text));
  });

  it('still exports when the library article is gone: no library text, hash or swaps', async () => {
    const base = input();
    const evidence = await buildEvidence({ ...base, library: { ...base.library, text: null } });
    expect(evidence.library.analysed).toBeNull();
    expect(evidence.swaps).toEqual([]);
    expect(evidence.passages.length).toBeGreaterThan(0);
    expect(evidenceHtml(evidence)).toContain('no longer in the library');
  });
});

describe('evidenceHtml', () => {
  const hostile = '<script>alert(1)</script><img src=x onerror="alert(2)">';

  it('escapes everything from pages: titles, addresses, texts', async () => {
    const pageText = `${spun.text.replace('Putin', `Putin ${hostile}`)}`;
    const evidence = await buildEvidence(input({ pageTitle: `Title ${hostile}`, pageText, url: `https://farm.test/"><script>alert(3)</script>` }));
    const html = evidenceHtml(evidence);
    expect(html).not.toMatch(/<script|<img|onerror="/i);
    const doc = new JSDOM(html).window.document;
    expect(doc.querySelectorAll('script, img, iframe')).toHaveLength(0);
    expect(doc.querySelector('h1')?.textContent).toContain(`Title ${hostile}`);
    expect(doc.body.textContent).toContain('https://farm.test/"><script>alert(3)</script>');
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toContain("default-src 'none'");
  });

  it('shows each passage side by side with the swaps marked, and both hashes', async () => {
    const evidence = await buildEvidence(input());
    const doc = new JSDOM(evidenceHtml(evidence)).window.document;
    const passages = doc.querySelectorAll('.passage');
    expect(passages).toHaveLength(evidence.passages.length);
    const [pageSide, librarySide] = passages[0].querySelectorAll('blockquote');
    const pageMarks = [...doc.querySelectorAll('.passage blockquote:first-child mark')].map((mark) => mark.textContent);
    const libraryMarks = [...doc.querySelectorAll('.passage blockquote:last-child mark')].map((mark) => mark.textContent);
    expect(pageMarks).toContain('mentioned');
    expect(libraryMarks).toContain('said');
    expect(pageSide.textContent!.length).toBeGreaterThan(100);
    expect(librarySide.textContent!.length).toBeGreaterThan(100);
    expect(doc.body.textContent).toContain(evidence.page.analysed.sha256);
    expect(doc.body.textContent).toContain(evidence.library.analysed!.sha256);
  });

  it('escapes the five characters that matter', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;amp;&#60;/a&#62;');
  });
});
