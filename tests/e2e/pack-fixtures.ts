/**
 * A pack of a few hundred generated articles for the end-to-end tests (Chromium and Firefox),
 * built with lib/packs' writer, and a spun copy of one of its articles as a news page.
 */
import { writeFileSync } from 'node:fs';
import { libraryArticle } from '../bench/engine-corpus';
import { packEntryOf, type PackEntry } from '../../lib/packs/entry';
import { encodePack } from '../../lib/packs/pack';
import { spunCopy } from '../unit/packs/helpers';
import { newsPage } from './pages/site-chrome';

export const PACK_ARTICLES = 300;
export const PACK_TARGET = 137;
export const PACK_NAME = 'Harbour Desk archive';
export const PACK_SITE = 'harbour-desk.example';

export const packTitle = (i: number) => `Harbour board report number ${i}`;
export const packUrl = (i: number) => `https://${PACK_SITE}/news/${i}`;

export const PACK_META = { name: PACK_NAME, description: 'Generated articles for the end-to-end test', createdAt: '2026-11-20T08:00:00Z' };

/** The pack's entries: articles 0 to PACK_ARTICLES - 1 of the generated corpus. */
export function testPackEntries(): PackEntry[] {
  return Array.from({ length: PACK_ARTICLES }, (_, i) =>
    packEntryOf({ id: `hd-${i}`, title: packTitle(i), url: packUrl(i), publishedAt: '2026-10-05T09:00:00Z', text: libraryArticle(i) }),
  );
}

/** Writes the pack to `path`. */
export function writeTestPack(path: string): void {
  writeFileSync(path, encodePack(PACK_META, testPackEntries()));
}

/** A news page on another site carrying a spun copy of pack article PACK_TARGET. */
export function spunCopyPage(): string {
  return newsPage({ site: 'Copy Farm', headline: 'A story you have not read', paragraphs: spunCopy(libraryArticle(PACK_TARGET)).split('\n\n') });
}
