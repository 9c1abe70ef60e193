import { describe, expect, it } from 'vitest';
import { isBoilerplateParagraph, isCommentSectionHeading, isStoryListHeading, isTeaserLine } from '../../../lib/extract/boilerplate-text';

describe('isBoilerplateParagraph', () => {
  it.each([
    'Advertisement',
    'ADVERTISEMENT',
    'Story continues below advertisement',
    'Share  Tweet  Email',
    'Share on Facebook',
    'Share this article',
    'Leave a Reply',
    'Please enter your name here',
    'Please enter your comment!',
    'You have entered an incorrect email address!',
    'Your email address will not be published. Required fields are marked *',
    'Save my name, email, and website in this browser for the next time I comment.',
    'Sign up for our daily newsletter to get the latest headlines in your inbox.',
    'We use cookies to give you the best experience on our website.',
    'Photo by Mario Tama/Getty Images',
    '© 2025 The Valley Courier. All rights reserved.',
    'Most popular',
    'By Justine Coleman - 11/18/19 11:04 PM EST',
    'By JANE DOE and JOHN ROE, Staff Writers',
    'Published Monday, November 18, 2019 8:22AM EST',
    'The Associated Press',
    'Join the conversation...',
    'Crews work on the bridge on Tuesday. (AP Photo/Jane Doe)',
    'The contents of this site are ©2019 Capitol Hill Publishing Corp.',
    '- April 22, 2008',
    'June 12th, 2008 | 3 Comments',
    'Posted in Town',
    'Tags: energy, coast',
    'Tuesday, 12 May 2008 |',
  ])('drops %j', (text) => {
    expect(isBoilerplateParagraph(text)).toBe(true);
  });

  it.each([
    'The company said it would share the cost of the new plant with two partners.',
    'Advertisement spending in the region fell by a tenth last year, the industry association said.',
    'Regulators want websites to ask before they use cookies, the minister told parliament on Tuesday.',
    'Please enter the building by the side door, the notice at the closed entrance said.',
    'He declined to comment on the newsletter that leaked last week, saying only that the matter was closed.',
    'By Tuesday, the council had agreed to pay. The contractor started work the next day.',
    'By the end of the year, Smith said, the plant will employ 300 people.',
    'Reuters reported the deal first.',
    'Published figures show the budget grew by a fifth.',
    'The 2008 budget',
    'Shr 10 cts vs 5 cts',
  ])('keeps the sentence %j', (text) => {
    expect(isBoilerplateParagraph(text)).toBe(false);
  });

  it('keeps any long paragraph, whatever words it starts with', () => {
    const long = `Advertisement ${'revenue grew again this quarter as more firms moved their budgets online. '.repeat(6)}`;
    expect(isBoilerplateParagraph(long)).toBe(false);
  });
});

describe('isStoryListHeading and isTeaserLine', () => {
  it('recognises the headings of story lists, not sentences that start alike', () => {
    expect(isStoryListHeading('Related articles')).toBe(true);
    expect(isStoryListHeading('You may also like:')).toBe(true);
    expect(isStoryListHeading('Related articles were published by three other papers on the same day.')).toBe(false);
  });

  it('recognises "Read more: headline" teasers, not sentences with a colon', () => {
    expect(isTeaserLine('Read more: Library extends weekend opening hours')).toBe(true);
    expect(isTeaserLine('READ MORE: Bus fares to rise in January')).toBe(true);
    expect(isTeaserLine('More: the council said. It will decide in May.')).toBe(false);
    expect(isTeaserLine('The minister said more work was needed: "We are not there yet."')).toBe(false);
  });
});

describe('isCommentSectionHeading', () => {
  it.each(['3 Responses to “Town votes to keep its cinema”', 'Comments (12)', 'Leave a Reply', 'No comments', 'Join the discussion…'])('recognises %j', (text) => {
    expect(isCommentSectionHeading(text)).toBe(true);
  });

  it.each(['Three responses from the minister', 'Comments from the mayor drew applause.', 'Discussion', 'Comment'])('does not take %j for one', (text) => {
    expect(isCommentSectionHeading(text)).toBe(false);
  });
});
