/** Library search ignores case and accents; the source filter matches anywhere in the source name. */
import { beforeAll, describe, expect, test } from 'vitest';
import type { LibraryService } from '../../../lib/library/service';
import { foldForSearch, queryWords, searchWords } from '../../../lib/library/search-words';
import { openService } from './helpers';

const ARTICLES = [
  { title: 'Māori language week opens', source: 'The Guardian', text: 'Te reo Māori classes filled up across Aotearoa as the week began, organisers said.' },
  { title: "L'Assemblée vote le budget", source: 'Le Monde', text: "L'Assemblée nationale a adopté le budget après une longue séance de nuit." },
  { title: 'Harbour repairs delayed', source: 'Guardian Weekly', text: 'Repairs to the harbour wall were delayed again by winter storms this month.' },
  { title: 'हिन्दी समाचार', source: 'Dainik', text: 'हिन्दी में यह एक छोटा समाचार है जो खोज के लिए है।' },
];

let service: LibraryService;
beforeAll(async () => {
  ({ service } = await openService([]));
  for (const article of ARTICLES) await service.add({ ...article, origin: 'pasted' });
  await service.wordsIndexed();
});

const titlesFor = async (query: { words?: string; source?: string }) =>
  (await service.list({ sort: 'title', limit: 50, ...query })).items.map((item) => item.title).sort();

describe('accent- and case-insensitive search', () => {
  test('folds Latin accents and case, keeps the marks other scripts spell with', () => {
    expect(foldForSearch('Māori ASSEMBLÉE Ça')).toBe('maori assemblee ca');
    expect(queryWords('MAORI')).toEqual(['maori']);
    // Devanagari vowel signs are combining marks that belong to the word.
    expect(searchWords('हिन्दी', '')).toEqual(['हिन्दी']);
  });

  test('"maori" finds "Māori" and "assemblee" finds "Assemblée"', async () => {
    expect(await titlesFor({ words: 'maori' })).toEqual(['Māori language week opens']);
    expect(await titlesFor({ words: 'assemblee' })).toEqual(["L'Assemblée vote le budget"]);
    expect(await titlesFor({ words: 'ASSEMBLÉE' })).toEqual(["L'Assemblée vote le budget"]);
    expect(await titlesFor({ words: 'हिन्दी' })).toEqual(['हिन्दी समाचार']);
  });

  test('the source filter matches anywhere in the name, any case', async () => {
    expect(await titlesFor({ source: 'guardian' })).toEqual(['Harbour repairs delayed', 'Māori language week opens']);
    expect(await titlesFor({ source: 'MONDE' })).toEqual(["L'Assemblée vote le budget"]);
    expect(await titlesFor({ source: 'times' })).toEqual([]);
  });
});
