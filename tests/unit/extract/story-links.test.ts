import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../lib/extract/extract-article';
import { isStorySentence } from '../../../lib/extract/story-links';

const PROSE = [
  'The library board voted on Thursday to keep the east branch open for another two years, reversing a plan announced in the spring that would have closed it at the end of the summer.',
  'Hundreds of residents had written to the board, and a petition against the closure gathered more than six thousand signatures in the weeks before the meeting at the town hall.',
  'The board chair, Maria Lindqvist, said the branch would share staff with the central library and open on fewer evenings, which would save about a third of its running costs.',
  'Volunteers from the friends of the library group will run a homework club on Saturday mornings, and the board will ask the council for money to repair the leaking roof next year.',
  'The decision will be reviewed once visitor figures for the first twelve months are known, the board said, and a public meeting will be held before any further change is made.',
];

const doc = (body: string) =>
  new JSDOM(`<!DOCTYPE html><html><head><title>Branch library saved</title></head><body>${body}</body></html>`, { url: 'https://news.example/b' })
    .window.document;

/** Story paragraphs 2 and 4 are wrapped whole in a link to live coverage, each in a div of its own, as sites write them. */
function pageWithLinkedParagraphs(extra = ''): Document {
  const paragraphs = PROSE.map((text, i) =>
    i === 1 || i === 3 ? `<div class="link-para"><p><a href="/live/${i}" target="_blank"><strong>${text}</strong></a></p></div>` : `<p>${text}</p>`,
  );
  return doc(`<article><h1>Branch library saved</h1>${paragraphs.join('')}${extra}</article>`);
}

describe('paragraphs wrapped whole in a link', () => {
  it('keeps them as article text', () => {
    expect(extractArticle(pageWithLinkedParagraphs())?.text).toBe(PROSE.join('\n\n'));
  });

  it('still drops a short teaser line and a headline link', () => {
    const teasers =
      '<p><a href="/statement">Read the full statement from the library board.</a></p>' +
      '<p><a href="/other">Council approves new cycle lanes on the high street</a></p>';
    expect(extractArticle(pageWithLinkedParagraphs(teasers))?.text).toBe(PROSE.join('\n\n'));
  });

  it('tells a story sentence from a teaser', () => {
    expect(isStorySentence(PROSE[1])).toBe(true);
    expect(isStorySentence('Read the full statement from the library board chair and the council on the closure plan.')).toBe(false);
    expect(isStorySentence('Watch: residents react to the vote')).toBe(false);
    expect(isStorySentence('Council approves new cycle lanes on the high street after a long debate')).toBe(false);
  });
});
