import { describe, expect, it } from 'vitest';
import { compare } from '../../../lib/core/engine';

/** A signing story of our own whose middle paragraphs open with, or are, quotations. */
const ARTICLE = [
  'Harbour City Rovers have appointed Marta Lind as head coach on a three-year contract, a week after the club parted ways with her predecessor following a run of seven matches without a win.',
  'Lind, who led Northfield Athletic to two cup finals, takes charge before the derby against Eastport on Saturday and will bring her assistant and her fitness coach with her from the north.',
  '"I am delighted to be joining a club with such a proud history and such loyal supporters, and I cannot wait to meet the players on Monday morning.',
  '"The talent in the first team and in the youth academy is what convinced me. We will work hard, we will be brave with the ball and we will fight for every point."',
  '"Marta is one of the most respected young coaches in the country and shares our belief in developing our own players," the club chairman said in a statement on its website.',
  'Rovers sit fifteenth in the table, four points above the relegation places, and have scored only nine goals in their first fourteen league matches of the season.',
];

/** A page of its own on another subject. */
const OWN = [
  'The summer transfer window has left several clubs in the second division short of defenders, and agents expect a busy few days before the registration deadline closes on Friday evening.',
  'Ticket prices for the cup semi-final have been frozen at last year\'s level after supporters\' groups from both clubs wrote to the league to complain about the cost of away travel.',
];

const paragraphs = (list: readonly string[]) => list.join('\n\n');

describe('a partial copy of whole paragraphs that open with quotations', () => {
  it('counts consecutive paragraphs copied whole, quotes and all', () => {
    const page = paragraphs([OWN[0], ARTICLE[2], ARTICLE[3], ARTICLE[4], OWN[1]]);
    const match = compare({ id: 'page', text: page }, { id: 'library', text: paragraphs(ARTICLE) });
    expect(match?.kind).toBe('partial');
  });

  it('still ignores the same quotations re-attributed in the page\'s own words', () => {
    const quote = (paragraph: string) => paragraph.replace(/^"|"$/g, '').replace(/[.,]$/, '');
    const page = paragraphs([
      OWN[0],
      `"${quote(ARTICLE[2])}," the new coach told reporters at her first press conference.`,
      `She added: "${quote(ARTICLE[3])}."`,
      OWN[1],
    ]);
    const match = compare({ id: 'page', text: page }, { id: 'library', text: paragraphs(ARTICLE) });
    expect(match).toBeNull();
  });
});
