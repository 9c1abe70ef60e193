/**
 * Text-level page furniture: what a copying site puts around an article (navigation, byline,
 * share bar, ad labels, "Related" teasers between paragraphs, comment form, footer). The engine
 * sees such text whenever extraction keeps some of it, so the cases carry it.
 */
import type { SeededRandom } from './quality-prng';

const SITES = ['The Daily Ledger', 'NewsNow24', 'Metro Wire Online', 'Global Post Today', 'Trending Buzz Hub', 'Viral Headlines Daily'];
const AUTHORS = ['Staff Writer', 'Jordan Ellis', 'Priya Raman', 'Newsdesk', 'Admin', 'Chris Okafor'];
const MONTHS = ['January', 'March', 'May', 'July', 'September', 'November'];
const AD_LABELS = ['Advertisement', '- Advertisement -', 'ADVERTISEMENT', 'Sponsored Content', 'Story continues below advertisement'];

export interface PageParts {
  headline: string;
  paragraphs: readonly string[];
  /** Headlines of other (non-library) stories, used for "Related"/"Read more" teasers. */
  teasers: readonly string[];
}

/** The page's text as an extractor that kept the furniture would see it; paragraphs separated by blank lines. */
export function wrapInPage(parts: PageParts, random: SeededRandom): string {
  const site = random.pick(SITES);
  const lines: string[] = [];
  if (random.next() < 0.5) lines.push(`${site} | Home | World | Business | Tech | Sport | Opinion`);
  lines.push(parts.headline);
  if (random.next() < 0.7) {
    lines.push(`By ${random.pick(AUTHORS)} | ${site} | ${random.pick(MONTHS)} ${random.int(1, 28)}, 2025 ${random.int(1, 12)}:${String(random.int(0, 59)).padStart(2, '0')} PM`);
  }
  if (random.next() < 0.5) lines.push('Share this article: Facebook Twitter WhatsApp Email');
  let sinceBreak = 0;
  const breakEvery = random.int(2, 5);
  for (const paragraph of parts.paragraphs) {
    lines.push(paragraph);
    if (++sinceBreak >= breakEvery) {
      sinceBreak = 0;
      lines.push(parts.teasers.length > 0 && random.next() < 0.5 ? `${random.pick(['Related:', 'READ MORE:', 'See also:'])} ${random.pick(parts.teasers)}` : random.pick(AD_LABELS));
    }
  }
  lines.push(...footer(site, random));
  return lines.join('\n\n');
}

function footer(site: string, random: SeededRandom): string[] {
  const options = [
    'Rate this post',
    'Source link',
    'Leave a Reply. Your email address will not be published. Required fields are marked *',
    `© 2025 ${site}. All rights reserved.`,
    'Sign up for our newsletter to get the latest headlines delivered to your inbox.',
    `Follow ${site} on Facebook and Twitter for more stories like this.`,
  ];
  return random.shuffle(options).slice(0, random.int(2, options.length));
}
