import { describe, expect, it } from 'vitest';
import { compare } from '../../../lib/core/engine';

/** Two game recaps from one template of our own: other teams and scores, the same closing disclaimer and blurb. */
const recap = (home: string, away: string, score: string, half: string, records: [string, string], next: string) =>
  [
    `${home} beat ${away} ${score} in a Northern League hockey game on Saturday night at the county rink.`,
    `${home} scored twice in the first period and led ${half} after two. ${away} pulled a goal back late in the third but could not find the equaliser.`,
    `The result leaves ${home} at ${records[0]} for the season, while ${away} drop to ${records[1]}.`,
    `${home} travel to ${next} next weekend.`,
  ].join('\n\n');

const DISCLAIMERS = [
  'This report was generated automatically from results supplied to the Northern Sports Wire by league officials and the clubs themselves. Errors can be reported to the sports desk at any time, and every correction is published within a day of being received.',
  'This recap was produced using automated technology from scores that coaches submit to the Northern Sports Wire, and it was reviewed by an editor before publication on the network\'s website and apps.',
];
const BLURB =
  'The Northern Sports Wire publishes results, standings and short reports for every amateur hockey, football and basketball game in the northern counties, along with weekly rankings chosen by a panel of coaches.';

const PRESS_FOOTER = (wording: string) =>
  [
    'About Halvorsen Marine',
    'Halvorsen Marine ASA is a leading builder of electric ferries and workboats, with yards in Norway and Scotland and more than 1,200 employees across its four divisions.',
    wording,
    'Media contact: Ingrid Dahl, press office, +47 555 0100',
  ].join('\n\n');

const FLS_WORDINGS = [
  'Certain statements in this release are forward-looking and involve risks and uncertainties that could cause actual results to differ materially from those expressed or implied, including the timing of orders, supply costs and regulatory approvals in the markets where the company operates.',
  'This press release contains statements about future events and expectations that are subject to risks and uncertainties, many of which are beyond the company\'s control, and actual results may differ materially from those described here for many reasons.',
];

describe('boilerplate recognised by what it is', () => {
  it('does not call two templated recaps sharing only a disclaimer and a blurb a copy, in either wording', () => {
    for (const disclaimer of DISCLAIMERS) {
      const library = `${recap('Ashford', 'Brampton', '4-3', '2-0', ['7-2', '3-6'], 'Carlow')}\n\n${disclaimer}\n\n${BLURB}`;
      const page = `${recap('Dunmore', 'Eastleigh', '5-1', '3-1', ['4-5', '6-3'], 'Fairview')}\n\n${disclaimer}\n\n${BLURB}`;
      expect(compare({ id: 'page', text: page }, { id: 'library', text: library })).toBeNull();
    }
  });

  it('still finds a recap copied with its footer', () => {
    const library = `${recap('Ashford', 'Brampton', '4-3', '2-0', ['7-2', '3-6'], 'Carlow')}\n\n${DISCLAIMERS[0]}\n\n${BLURB}`;
    const match = compare({ id: 'page', text: library }, { id: 'library', text: library });
    expect(match?.kind).toBe('verbatim');
  });

  it('does not call two independent stories on one company partial copies for its press-release footer', () => {
    const storyA = [
      'Halvorsen Marine has won an order for six electric ferries from a Danish island operator, the largest contract in the shipbuilder\'s history, it said on Tuesday.',
      'The boats will carry up to 200 passengers and forty cars each, and the first is due to enter service on the route to Aero in the spring of 2027.',
      'The operator said the new ferries would cut its fuel bill by about a third and halve the noise heard by residents near the harbour during the night crossings.',
    ].join('\n\n');
    const storyB = [
      'Halvorsen Marine will open a training centre for welders and electricians at its yard near Inverness, creating about sixty apprenticeships over the next three years.',
      'The company said it struggled to find skilled staff for its battery installation work, and that local colleges would help design the courses and assess the trainees.',
      'The Scottish government will pay a quarter of the cost of the centre, which is expected to open in the autumn in a former warehouse beside the dry dock.',
    ].join('\n\n');
    for (const wording of FLS_WORDINGS) {
      const match = compare({ id: 'page', text: `${storyB}\n\n${PRESS_FOOTER(wording)}` }, { id: 'library', text: `${storyA}\n\n${PRESS_FOOTER(wording)}` });
      expect(match).toBeNull();
    }
  });

  it('keeps a story whose closing paragraphs merely mention a company', () => {
    const story = recap('Ashford', 'Brampton', '4-3', '2-0', ['7-2', '3-6'], 'Carlow');
    const closing = 'Ashford coach Dana Kerr said the team would rest two injured forwards before the trip to Carlow, where her side lost both games last season.';
    const text = `${story}\n\n${closing}`;
    const copy = `Our own introduction to the weekend's games in the league.\n\n${story.split('\n\n').slice(2).join('\n\n')}\n\n${closing}`;
    expect(compare({ id: 'page', text: copy }, { id: 'library', text })).not.toBeNull();
  });
});
