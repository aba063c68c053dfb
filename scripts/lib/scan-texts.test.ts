/**
 * The privacy scan reads what a page's <head> gives to link previews and search engines
 * (og:description, twitter:description, the JSON-LD) with the detectors, as it reads the visible
 * text: an honorific and name, a phone or a CNIC there is found, not only redaction terms.
 */
import { describe, expect, it } from 'vitest';
import { findLeaks } from './find-leaks.ts';
import { headText, visibleText } from './scan-texts.ts';

const page = (head: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="default-src 'self'">${head}</head><body><main><p>Clean text.</p></main></body></html>`;
const scan = (html: string) =>
  findLeaks(
    [{ file: 'e.html', text: headText(html), data: true }],
    [],
    ['https://doi.org/10.1/x', 'http://localhost:4321'],
  ).map((l) => `${l.rule}: ${l.found}`);

describe('the scan of a page head', () => {
  it('finds detector hits in og:description, twitter:description and JSON-LD', () => {
    expect(scan(page('<meta property="og:description" content="As dr. Shahbano Gilzai said, it works.">'))).toEqual([
      'detector: honorific and name: dr. Shahbano Gilzai',
    ]);
    expect(scan(page('<meta name="twitter:description" content="Call 0300&#45;765-4324">'))).toEqual([
      'detector: phone number: 0300-765-4324',
    ]);
    expect(
      scan(
        page(
          '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Quotation","text":"CNIC 35202 7654327 3, ask DR. FARIHA NAQVI","url":"http://localhost:4321/excerpts/E1/"}</script>',
        ),
      ),
    ).toEqual(['detector: CNIC number: 35202 7654327 3', 'detector: honorific and name: DR. FARIHA NAQVI']);
  });

  it('passes a clean head with its own links, the DOI and schema.org', () => {
    expect(
      scan(
        page(
          '<title>Excerpt E1</title><meta name="description" content="A clean excerpt."><meta property="og:url" content="http://localhost:4321/excerpts/E1/"><link rel="canonical" href="http://localhost:4321/"><script type="application/ld+json">{"@context":"https://schema.org","@id":"https://doi.org/10.1/x","name":"A study","url":"https://doi.org/10.1/x"}</script>',
        ),
      ),
    ).toEqual([]);
  });
});

describe('texts of a page joined for the scan', () => {
  it('are not read across: a label ending in "dr" and the next one are not a named person', async () => {
    const { pageMetadataText } = await import('./study-text.ts');
    const html = page('<meta name="description" content="Notes on the dr">').replace(
      '<main>',
      '<nav aria-label="Main"></nav><form aria-label="Search"></form><main>',
    );
    expect(scan(html)).toEqual([]);
    expect(
      findLeaks([{ file: 'e.html', text: pageMetadataText(html), data: true }], [], []).map((l) => l.found),
    ).toEqual([]);
  });
});

describe('the visible text of a page', () => {
  it('drops tags (inline ones without a gap), scripts and styles and decodes entities, so detectors see what a reader sees', async () => {
    const text = visibleText(
      '<html><head><title>x</title></head><body><p>Call <b>0300</b>-1234567 &amp; Dr.&nbsp;Farooq &#x41;&#66;</p><script>var a = "Dr. Evil";</script><style>.x{}</style></body></html>',
    );
    expect(text.replace(/\s+/g, ' ').trim()).toBe('Call 0300-1234567 & Dr. Farooq AB');
  });

  it('keeps table cells apart (an id and two counts are no phone number) but finds a number inside one cell', () => {
    const row = (cells: string[]) =>
      `<html><body><table><tr>${cells.map((c, i) => (i ? `<td>${c}</td>` : `<th scope="row">${c}</th>`)).join('')}</tr></table></body></html>`;
    const leaks = (html: string) =>
      findLeaks([{ file: 'p.html', text: visibleText(html), data: true }], [], []).map((l) => l.found);
    expect(leaks(row(['3-1-10', '126', '117']))).toEqual([]);
    expect(leaks(row(['P1', '34', '21', '21', '16', '14']))).toEqual([]);
    expect(leaks(row(['P1', 'Call 0300 1234567', '3']))).toEqual(['0300 1234567']);
  });
});
