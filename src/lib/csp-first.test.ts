import { describe, expect, it } from 'vitest';
import { cspFirst } from './csp-first.ts';

const CSP = '<meta http-equiv="content-security-policy" content="default-src \'self\'">';

describe('cspFirst', () => {
  it('moves the CSP meta before every stylesheet, icon and link, right after the charset', () => {
    const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title><link rel="icon" href="/f.svg"><link rel="stylesheet" href="/a.css">${CSP}<style>x</style></head><body><p>${'<meta http-equiv="content-security-policy">'.replace('<', '&lt;')}</p></body></html>`;
    expect(cspFirst(page)).toBe(
      `<!DOCTYPE html><html><head><meta charset="utf-8">${CSP}<title>t</title><link rel="icon" href="/f.svg"><link rel="stylesheet" href="/a.css"><style>x</style></head><body><p>&lt;meta http-equiv="content-security-policy"></p></body></html>`,
    );
  });

  it('puts it first when there is no charset, and leaves pages without one alone', () => {
    expect(cspFirst(`<html><head lang="en"><link rel="canonical" href="/">${CSP}</head></html>`)).toBe(
      `<html><head lang="en">${CSP}<link rel="canonical" href="/"></head></html>`,
    );
    expect(cspFirst('<html><head><link rel="icon" href="/f.svg"></head></html>')).toBe(
      '<html><head><link rel="icon" href="/f.svg"></head></html>',
    );
    expect(cspFirst(`<html><head><meta charset="utf-8">${CSP}</head></html>`)).toBe(
      `<html><head><meta charset="utf-8">${CSP}</head></html>`,
    );
  });
});
