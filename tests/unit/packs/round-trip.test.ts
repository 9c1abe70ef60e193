import { describe, expect, it } from 'vitest';
import { libraryArticle, makeQuery, unrelatedArticle } from '../../bench/engine-corpus';
import { PackIndex } from '../../../lib/packs/match';
import { decodePack, encodePack } from '../../../lib/packs/pack';
import { INDEX_VERSION } from '../../../lib/core/tuning';
import { entries, META } from './helpers';

const SIZE = 300;

describe('pack round trip on a generated corpus', () => {
  const built = entries(0, SIZE);
  const bytes = encodePack(META, built);

  it('decodes to the same entries, sorted by id, with the header describing them', async () => {
    const { header, entries: decoded } = await decodePack(bytes);
    expect(header).toMatchObject({ kind: 'pack', name: META.name, description: META.description, createdAt: META.createdAt, articles: SIZE });
    expect(header.fingerprint.indexVersion).toBe(INDEX_VERSION);
    expect(decoded).toEqual([...built].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(decoded[0]).not.toHaveProperty('text');
  });

  it('stays compact: under 300 bytes per article with title and URL (no text)', () => {
    expect(bytes.length / SIZE).toBeLessThan(300);
  });

  it('matches verbatim, spun and partial copies to the right entry and kind, and leaves unrelated pages clean', async () => {
    const { header, entries: decoded } = await decodePack(bytes);
    const index = new PackIndex();
    for (const entry of decoded) index.add(header.name, entry);
    let right = 0;
    let total = 0;
    const check = (text: string, sourceIndex: number, kind: string) => {
      const [best] = index.matchText(text);
      total++;
      if (best?.id === `art-${String(sourceIndex).padStart(5, '0')}` && best.kind === kind && best.pack === META.name) right++;
    };
    for (const kind of ['verbatim', 'spun'] as const) {
      for (let i = 0; i < 10; i++) {
        const query = makeQuery(kind, SIZE, `rt-${kind}-${i}`);
        check(query.text, query.sourceIndex!, kind);
      }
    }
    // Partial: the first half of a source's paragraphs inside an unrelated article.
    for (let i = 0; i < 10; i++) {
      const source = libraryArticle(i * 29).split('\n\n');
      const host = unrelatedArticle(`rt-partial-${i}`).split('\n\n');
      host.splice(2, 0, ...source.slice(0, Math.ceil(source.length / 2)));
      check(host.join('\n\n'), i * 29, 'partial');
    }
    expect(right / total).toBeGreaterThanOrEqual(0.9);
    for (let i = 0; i < 10; i++) expect(index.matchText(makeQuery('unrelated', SIZE, `rt-none-${i}`).text)).toEqual([]);
  });

  it('names the source of a match: title, URL, its site and date', async () => {
    const { entries: decoded } = await decodePack(bytes);
    const index = new PackIndex();
    for (const entry of decoded) index.add('Desk', entry);
    const query = makeQuery('verbatim', SIZE, 'rt-label');
    const [match] = index.matchText(query.text);
    expect(match).toMatchObject({ title: `Story number ${query.sourceIndex}`, url: `https://example.org/news/${query.sourceIndex}`, source: 'example.org', publishedAt: '2026-11-01T10:00:00Z', pack: 'Desk' });
    expect(match.coverage).toBeGreaterThan(0.5);
    expect(match.reason).toMatch(/fingerprints only/);
  });
});
