/**
 * The expected shape of every request the background accepts, one check per message type.
 * `satisfies` ties the table to lib/protocol.ts: a message without a check does not compile.
 */
import type { ContentToBackground, PageToBackground } from '../protocol';
import { boolean, integer, object, oneOf, optional, string, type Check } from './shape';

/** Generous bounds: real pages stay far below them; a hostile page cannot make us hold more. */
const MAX_URL = 8_192;
const MAX_LABEL = 2_000;
const MAX_ID = 512;
const MAX_ARTICLE_TEXT = 4_000_000;

const url = string(MAX_URL);
const label = string(MAX_LABEL);
const tabId = object({ tabId: integer });

const article = object({
  url,
  title: label,
  byline: optional(label),
  siteName: optional(label),
  publishedAt: optional(string(100)),
  lang: optional(string(100)),
  canonicalUrl: optional(url),
  text: string(MAX_ARTICLE_TEXT),
});

type ChecksFor<M> = { [K in keyof M]: Check<M[K] extends { request: infer R } ? R : never> };

export const contentRequestChecks = {
  'page/article': object({ article }),
  'page/not-article': object({ url }),
  'page/too-large': object({ url }),
  'page/skipped': object({ url, why: oneOf('excluded', 'click-to-scan') }),
} satisfies ChecksFor<ContentToBackground>;

/**
 * Library messages (lib/library/messages.ts) are checked field by field where they are
 * handled (lib/library/handlers.ts); here they only have to be plain objects (see router).
 */
export const pageRequestChecks = {
  'tab/result': tabId,
  'tab/scan': object({ tabId: integer, force: optional(boolean) }),
  'tab/add-to-library': tabId,
  'library/source-text': object({ id: string(MAX_ID) }),
  'tab/highlight': object({ tabId: integer, matchId: string(MAX_ID) }),
  'packs/list': object({}),
  'packs/changed': object({}),
  'packs/remove': object({ slot: string(MAX_ID) }),
  'packs/check-updates': object({ slot: optional(string(MAX_ID)) }),
} satisfies Partial<ChecksFor<PageToBackground>>;
