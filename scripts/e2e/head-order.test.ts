/**
 * The CSP <meta> comes first in <head> (after <meta charset>) on every page of the built site, before
 * any stylesheet, icon, link or script: a policy in a <meta> governs only what comes after it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { listFiles } from '../lib/list-files.ts';

describe('the <head> of every page', () => {
  it('starts with <meta charset> and the CSP <meta>, before any link, style or script', () => {
    const dir = inject('siteDir');
    const pages = listFiles(dir).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) {
      const html = readFileSync(join(dir, page), 'utf8');
      const head = html.slice(html.indexOf('<head'), html.indexOf('</head>'));
      const tags = [
        ...head.matchAll(/<(meta charset|meta http-equiv="content-security-policy"|link|style|script)(?=[\s>=])/g),
      ].map((m) => m[1]);
      expect(tags.slice(0, 2), page).toEqual(['meta charset', 'meta http-equiv="content-security-policy"']);
    }
  });
});
