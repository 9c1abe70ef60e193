/**
 * Paragraph-level boilerplate that Readability leaves in an article: labels ("Advertisement"),
 * share bars, "Related articles" headings, newsletter prompts, comment-form text, cookie notes.
 * Matched on whole short paragraphs only, so prose that merely mentions these words survives.
 */
import { MAX_BOILERPLATE_LABEL_CHARS } from './tuning';

const SHARE_WORDS =
  '(?:share|shares|tweet|email|e-mail|print|facebook|twitter|x|linkedin|whatsapp|pinterest|reddit|telegram|messenger|copy link|comment|comments|save)';

/** A byline line: "By Jane Doe - 11/18/19 11:04 PM EST", "By JANE DOE and JOHN ROE, Staff Writers". */
const BYLINE_PATTERN = /^[Bb][Yy]\s+\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|and|&|de|van|von))*\s*(?:[,|–—-]\s*[^.!?]{0,60})?$/u;

/** Filing lines under a post: "Posted in Town", "Filed under: Politics", "Tags: energy, coast". */
const FILING_PATTERN = /^(?:(?:posted|filed) (?:in|under)|categories|category|tags|tagged(?: with)?)\s*:?\s+[^.!?]{1,100}$/i;

/** Whole-paragraph labels: the paragraph is exactly one of these (case-insensitive). */
const LABEL_PATTERNS: RegExp[] = [
  /^(?:advertisement|advertising|ad|sponsored|sponsored content|paid content|promoted|partner content)$/i,
  /^(?:story|article) continues below(?: (?:this )?(?:advertisement|ad))?$/i,
  /^continue reading(?: below| the main story)?$/i,
  /^(?:scroll|skip) (?:to continue|ad)(?: with content)?$/i,
  new RegExp(`^(?:${SHARE_WORDS}(?:\\s+on\\s+\\w+)?[\\s|·•,]*)+$`, 'i'),
  /^share (?:this|the) (?:article|story|post|page)(?: on| via| with)?\b.*$/i,
  /^(?:click|tap) (?:here )?to share\b.*$/i,
  // Comment forms (WordPress and friends).
  /^(?:leave a (?:reply|comment)|post a comment|add a comment|write a comment|cancel reply|join the (?:conversation|discussion)|\d+ comments?|comments?(?: \(\d+\))?|show comments|view comments|log in to comment)\s*(?:\.\.\.|…|!|:)?$/i,
  // Datelines of the page, not of the story, and bare credit lines.
  /^(?:published|updated|posted|last updated|first published|last modified)(?: on| at)?\s*:?\s*(?=[^.!?]*\d)[^.!?]{1,70}\.?$/i,
  /^(?:the )?(?:associated press|reuters|afp|agence france-presse|ap|dpa|bloomberg news|staff and agencies|press association)\.?$/i,
  /^please enter (?:your )?(?:name|comment|email|e-mail|a valid email address)(?: here)?!?$/i,
  /^you have entered an incorrect email address!?$/i,
  /^your email address will not be published\..*$/i,
  /^save my name, email,? and website in this browser for the next time i comment\.?$/i,
  /^(?:name|email|e-mail|website|comment)\s*\*?:?$/i,
  /^(?:required fields are marked|notify me of (?:follow-up comments|new posts)).*$/i,
];

/** Labels of blocks that list other stories; what follows them is teasers, not this article. */
const SECTION_HEADING_PATTERN =
  /^(?:related(?: articles| stories| content| coverage| news| posts| reading| links)?|read (?:more|next|also)|more (?:from|on|in|about|stories|news|to read)\b.*|most (?:popular|read|viewed|shared|commented)(?: now| stories| articles)?|trending(?: now| stories| articles)?|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|recommended(?: for you| stories| articles| reading)?|see also|also (?:read|see|on \w+)|in other news|top stories|don'?t miss|editor'?s picks|popular (?:now|stories|articles)|top picks|latest (?:news|stories|articles)|what to read next|further reading)\s*:?$/i;

/** A "Read more: <headline>" style teaser line. */
const TEASER_PREFIX_PATTERN = /^(?:read more|related|see also|also read|read also|read next|more|recommended|watch|listen)\s*[:|»›]\s*\S/i;

/** Prompts and notices recognised by their words, when the paragraph is short. */
const SHORT_NOTICE_PATTERNS: RegExp[] = [
  /\bnewsletters?\b.*\b(?:sign up|subscribe|inbox|get|receive|delivered)\b|\b(?:sign up|subscribe)\b.*\b(?:newsletters?|inbox|daily email|weekly email|updates)\b/i,
  /\b(?:we|this (?:web)?site|our (?:web)?site)\b.*\b(?:uses?|placed?|sets?) cookies\b|\baccept (?:all )?cookies\b|\bcookie (?:policy|settings|preferences|consent)\b/i,
  /^(?:sign up|subscribe|register|log ?in|sign in)\b.{0,80}$/i,
  /^to (?:post|leave|add|write) a comment\b|\b(?:your|all) comments are (?:subject to|moderated|reviewed)\b/i,
  /^(?:©|\(c\)(?=\s*\d)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?[^.!?]{0,120}(?:\.\s*all rights reserved\.?)?$/i,
  /^(?:tell us what you think|what do you think\??|share this with\b.*)$/i,
  /^(?:follow us|like us) on\b.*$/i,
  /^(?:image|photo|picture|video)(?: credit| source)?\s*:\s*\S.{0,120}$/i,
  /^(?:photo|photograph|image|picture|video|illustration)s?\s+(?:by|courtesy(?: of)?|credit)\b.{0,120}$/i,
  /^[^.!?]{0,80}\/\s*(?:getty images|reuters|ap|afp|epa|shutterstock|ap photo|getty)\s*$/i,
  /\((?:ap|afp|reuters|epa|getty images)? ?photos?\s*(?:\/|:|by)[^)]{0,80}\)\s*$/i,
  // Short copyright and site notices anywhere in the line ("The contents of this site are ©2019 ...").
  /©|\ball rights reserved\b/i,
  BYLINE_PATTERN,
  FILING_PATTERN,
];

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A line that is only a date ("- April 22, 2008", "Tuesday, 12th May 2008 |"): page metadata left behind. */
function isDateLine(paragraph: string): boolean {
  const bare = paragraph
    .replace(/^[\s|·•,:;–—-]+|[\s|·•,:;–—-]+$/g, '')
    .replace(/^(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*/i, '')
    .replace(/(\d)(?:st|nd|rd|th)\b/gi, '$1');
  return bare.length <= 40 && /\b(?:1[89]|20)\d\d\b/.test(bare) && !Number.isNaN(Date.parse(bare));
}


/** A post's meta line, "June 12th, 2008 | 3 Comments | Posted in Town": every part is a date, a count or a label. */
function isMetaLine(paragraph: string): boolean {
  const parts = paragraph.split(/\s+[|·•]\s+/);
  return parts.length > 1 && parts.every((part) => isDateLine(part) || isCommentSectionHeading(part) || FILING_PATTERN.test(part) || BYLINE_PATTERN.test(part));
}

/** A paragraph that is page furniture rather than article text. */
export function isBoilerplateParagraph(text: string): boolean {
  const paragraph = collapse(text);
  if (paragraph.length === 0) return true;
  if (paragraph.length > MAX_BOILERPLATE_LABEL_CHARS) return false;
  return (
    isDateLine(paragraph) ||
    isMetaLine(paragraph) ||
    LABEL_PATTERNS.some((pattern) => pattern.test(paragraph)) ||
    SHORT_NOTICE_PATTERNS.some((pattern) => pattern.test(paragraph)) ||
    isStoryListHeading(paragraph)
  );
}

/** "Related articles", "Most popular"...: the start of a block of links to other stories. */
export function isStoryListHeading(text: string): boolean {
  const paragraph = collapse(text);
  return paragraph.length <= 80 && SECTION_HEADING_PATTERN.test(paragraph);
}

/** The heading of a readers' comment section: "3 Responses", "Leave a Reply", "Comments (12)". */
const COMMENT_SECTION_PATTERN =
  /^(?:(?:\d+|no|one|two|three|four|five|six|seven|eight|nine|ten) (?:comments?|responses?|replies|reactions|thoughts)(?: (?:to|on)\b.*)?|(?:reader |readers' |user )?comments(?: \(\d+\))?|leave a (?:reply|comment)|post a comment|add (?:a|your) comment|join the (?:conversation|discussion)|what (?:do )?(?:you|readers) (?:think|say)\??|have your say|your (?:comments|views))\s*(?:\.\.\.|…|:)?$/i;

/** Whether a paragraph is the heading of a comment section (everything after it is readers' text). */
export function isCommentSectionHeading(text: string): boolean {
  const paragraph = collapse(text);
  return paragraph.length <= 80 && COMMENT_SECTION_PATTERN.test(paragraph);
}

/** "Read more: Another headline" and similar one-line teasers. */
export function isTeaserLine(text: string): boolean {
  const paragraph = collapse(text);
  return paragraph.length <= MAX_BOILERPLATE_LABEL_CHARS && TEASER_PREFIX_PATTERN.test(paragraph) && !/[.!?]["”’]?\s+\S/.test(paragraph);
}
