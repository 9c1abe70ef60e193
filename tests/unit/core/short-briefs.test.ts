import { describe, expect, it } from 'vitest';
import { compare } from '../../../lib/core/engine';

/** Wire briefs of our own, 20-40 words each. */
const BRIEF = 'Ferry services between Carrick and the island of Mull resumed on Tuesday after a three-day suspension caused by storm damage to the pier, the operator said.';
const OTHER_BRIEFS = [
  'The county library will open on Sunday afternoons from next month, after a trial last autumn drew more than two thousand visitors, the council said on Monday.',
  'Police are appealing for witnesses after a van struck a lamp post on the harbour road late on Saturday night. Nobody was hurt, but the road was closed for three hours.',
  'A primary school in Westfield has won a national award for its vegetable garden, which supplies the school kitchen with salad and herbs for most of the summer term.',
  'Volunteers collected more than four hundred bags of litter from the beaches around the bay during a weekend clean-up organised by the sailing club and local divers.',
];

describe('very short articles', () => {
  it('reports a whole 26-word wire brief inside a page of other briefs as a partial copy', () => {
    expect(BRIEF.split(' ').length).toBeLessThan(30);
    const page = ['News in brief', OTHER_BRIEFS[0], OTHER_BRIEFS[1], BRIEF, OTHER_BRIEFS[2], OTHER_BRIEFS[3]].join('\n\n');
    const match = compare({ id: 'page', text: page }, { id: 'brief', text: BRIEF });
    expect(match?.kind).toBe('partial');
    expect(match?.direction).toBe('copies');
    expect(match?.reason).toContain('of the page');
  });

  it('reads newsletter sign-up lines around a short brief as boilerplate, so the copy is verbatim', () => {
    const page = [
      BRIEF,
      "Get the morning briefing: the day's top local stories, weather and travel news delivered straight to your inbox.",
      'Enter your email address and tap Subscribe. You can unsubscribe at any time from the link at the bottom of every email.',
      'By signing up you agree to our privacy policy and terms of use.',
    ].join('\n\n');
    expect(compare({ id: 'page', text: page }, { id: 'brief', text: BRIEF })?.kind).toBe('verbatim');
  });
});
