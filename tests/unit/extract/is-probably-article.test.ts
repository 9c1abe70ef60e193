import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { isProbablyArticle, textWeight } from '../../../lib/extract/is-probably-article';

const doc = (body: string) => new JSDOM(`<!DOCTYPE html><html><head><title>t</title></head><body>${body}</body></html>`, { url: 'https://news.example/x' }).window.document;

/** A Chinese news report of our own: seven paragraphs of 40-60 characters, as Chinese news writes them. */
const CHINESE = [
  '本市交通部门周二宣布，新建的滨江大桥将于下月十五日正式通车，届时市中心到东区的车程将缩短约二十分钟。',
  '大桥全长一千二百米，设双向六车道，并在两侧设有人行道和自行车道，总投资约三十五亿元。',
  '交通部门负责人表示，通车初期将对货车实行限时通行，以减少早晚高峰时段对周边道路的压力。',
  '附近居民对大桥通车表示欢迎，但也有人担心施工期间的噪音问题会在夜间维护作业时再次出现。',
  '市政府计划在大桥两端新建两个公交枢纽，并开通三条连接地铁站的新公交线路，方便市民换乘。',
  '据介绍，大桥的设计使用寿命为一百年，可抵御八级地震和百年一遇的洪水，施工共历时四年。',
  '有关部门提醒市民，通车当天上午将举行简短仪式，大桥将于中午十二时起向社会车辆开放。',
];

const ENGLISH = [
  'The council approved the new cycle lanes on Wednesday evening after a debate that lasted almost four hours, with most of the objections coming from shop owners on the high street.',
  'Work will begin in the autumn and should take about eight months. The lanes will be separated from traffic by a low kerb, and the junction by the station will get its own lights.',
  'A review after the first year will look at accident figures and at how many people use the lanes, the council said, and lost parking spaces will be replaced behind the library.',
];

describe('isProbablyArticle by script', () => {
  it('weighs Chinese and Japanese characters as the words they hold', () => {
    expect(textWeight('abc')).toBe(3);
    expect(textWeight('大桥通车')).toBe(16);
  });

  it('takes Chinese news with short paragraphs for an article', () => {
    expect(isProbablyArticle(doc(`<article><h1>滨江大桥下月通车</h1>${CHINESE.map((p) => `<p>${p}</p>`).join('')}</article>`))).toBe(true);
  });

  it('does not take a short Chinese notice for an article', () => {
    expect(isProbablyArticle(doc(`<div><p>${CHINESE[0]}</p></div>`))).toBe(false);
  });
});

describe('isProbablyArticle on section fronts', () => {
  const teaser = (i: number) =>
    `<div class="card"><h2><a href="/story/${i}">Headline number ${i} about the town</a></h2><p>${ENGLISH[i % 3]}</p></div>`;

  it('calls a page of headlines with summaries not an article', () => {
    expect(isProbablyArticle(doc(`<main><h1>Local news</h1>${[0, 1, 2, 3, 4, 5].map(teaser).join('')}</main>`))).toBe(false);
  });

  it('still takes an article with a box of related headlines for an article', () => {
    const related = '<h3><a href="/a">Bridge to close</a></h3><h3><a href="/b">Market moves</a></h3><h3><a href="/c">School wins prize</a></h3>';
    const paragraphs = [...ENGLISH, ...ENGLISH.map((p) => p.replace('council', 'mayor'))];
    expect(isProbablyArticle(doc(`<article><h1>Cycle lanes approved</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article><aside>${related}</aside>`))).toBe(true);
  });
});
