/**
 * Reads every page of a built site and reports prose whose provenance a machine cannot tell:
 * each paragraph, list item and description (`p`, `li`, `dd`) with text must sit inside an element
 * with `data-provenance` (itself or an ancestor). On an illustrative site, each outermost block
 * written for the illustrative dataset must show its label, and every label the text its value gives
 * (src/lib/provenance-labels.ts); on a team's own site, no label and nothing illustrative appears.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type HTMLElement, parse } from 'node-html-parser';
import { listFiles } from '../lib/list-files.ts';
import { PROVENANCE_LABELS } from '../../src/lib/provenance-labels.ts';

/** One finding: the page, a short piece of the text, and what is wrong. */
export interface ProvenanceProblem {
  page: string;
  text: string;
  problem: string;
}

const ALLOWED = { illustrative: ['article', 'illustrative', 'site'], study: ['article', 'study', 'site'] } as const;

const snippet = (el: HTMLElement) => el.text.replace(/\s+/g, ' ').trim().slice(0, 80);

/** Every page's problems, in page order; an empty list when every block of prose carries its provenance. */
export function findProvenanceProblems(
  siteDir: string,
  mode: 'illustrative' | 'study',
): { pages: number; blocks: number; problems: ProvenanceProblem[] } {
  const pages = listFiles(siteDir).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'));
  const problems: ProvenanceProblem[] = [];
  let blocks = 0;
  for (const page of pages) {
    const body = parse(readFileSync(join(siteDir, page), 'utf8')).querySelector('body');
    if (!body) continue;
    const report = (el: HTMLElement, problem: string) => problems.push({ page, text: snippet(el), problem });
    // The header's navigation and search form are the site's chrome, not prose.
    for (const el of body.querySelectorAll('p, li, dd')) {
      if (el.closest('header.site-header') || !el.text.trim()) continue;
      // A list item or description that only holds paragraphs or lists: those are checked themselves.
      const ownText = el.childNodes
        .filter((n) => n.nodeType === 3)
        .map((n) => n.text)
        .join('')
        .trim();
      if (!ownText && el.querySelector('p, li, dd')) continue;
      blocks++;
      const holder = el.closest('[data-provenance]');
      const value = holder?.getAttribute('data-provenance');
      if (!value) report(el, 'no data-provenance on it or any ancestor');
      else if (!(ALLOWED[mode] as readonly string[]).includes(value))
        report(el, `data-provenance="${value}" on a ${mode} site`);
    }
    for (const el of body.querySelectorAll('[data-provenance-label]')) {
      const value = el.closest('[data-provenance]')?.getAttribute('data-provenance') ?? '';
      if (mode === 'study') report(el, "a provenance label on a team's own site");
      else if (el.text.trim() !== PROVENANCE_LABELS[value as keyof typeof PROVENANCE_LABELS])
        report(el, `label "${el.text.trim()}" inside data-provenance="${value}"`);
    }
    if (mode === 'illustrative') {
      for (const el of body.querySelectorAll('[data-provenance="illustrative"]')) {
        // Only the outermost illustrative block needs the label; what it holds is covered by it.
        if (el.parentNode?.closest?.('[data-provenance="illustrative"]')) continue;
        const label = el.querySelectorAll('[data-provenance-label]').find((l) => l.closest('[data-provenance]') === el);
        if (!label) report(el, 'data-provenance="illustrative" without its visible label');
      }
    } else {
      // Prose only: a data dictionary may define the value "illustrative" in a table.
      for (const el of body.querySelectorAll('p, li, dd, h1, h2, h3, figcaption')) {
        if (!el.closest('table') && /illustrative/i.test(el.text))
          report(el, 'the word "illustrative" on a team\'s own site');
      }
    }
  }
  return { pages: pages.length, blocks, problems };
}
