/**
 * Canonical URL normalization: the one address an article has, whatever tracking parameters,
 * fragment, trailing slash or AMP variant it was opened at. Pure string work (WHATWG URL only).
 *
 * Rules, from what publishers and their AMP set-ups do (https://amp.dev/documentation/guides-and-tutorials/optimize-and-measure/discovery):
 * lower-case host without "www." and "amp.", no fragment, no utm_* or click-id parameters,
 * other parameters sorted, no trailing slash or "/amp" path segment or ".amp" before the
 * extension, and no amp=1 / outputType=amp switch. http and https are the same article.
 */

/** Parameters that say how a reader arrived, never which article it is. */
const TRACKING = /^(utm_[a-z_]*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|_ga|ref_src|ocid)$/i;
/** Parameters that switch a page to its AMP rendering. */
const AMP_SWITCH = /^(amp|outputtype|output)$/i;

/**
 * The normalized form of `address` (a string fit for equality, not for fetching), or undefined
 * when it is not an http(s) URL. Example: "https://www.example.com/news/a/amp/?utm_source=x#top"
 * and "http://example.com/news/a" both give "example.com/news/a".
 */
export function canonicalUrl(address: string): string | undefined {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const host = url.hostname.toLowerCase().replace(/^(www|amp)\./, '');
  const port = url.port ? `:${url.port}` : '';
  let path = url.pathname
    .replace(/\/amp\/?$/i, '/')
    .replace(/\.amp(\.html?)$/i, '$1')
    .replace(/\/+$/, '');
  path = path || '';
  const params = [...url.searchParams.entries()]
    .filter(([name, value]) => !TRACKING.test(name) && !(AMP_SWITCH.test(name) && /^(1|true|amp)?$/i.test(value)))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : '';
  return `${host}${port}${path}${query}`;
}

/** True when `a` and any of `others` name the same article once normalized. */
export function sameArticleAddress(a: string | undefined, others: ReadonlyArray<string | undefined>): boolean {
  const normalized = a === undefined ? undefined : canonicalUrl(a);
  if (normalized === undefined) return false;
  return others.some((other) => other !== undefined && canonicalUrl(other) === normalized);
}
