import { describe, expect, it } from 'vitest';
import { COREQ_DOMAINS, coreqAnswer, UNANSWERED } from './coreq';

describe('coreqAnswer', () => {
  it('lists the 32 COREQ items', () => {
    expect(COREQ_DOMAINS.flatMap((d) => d.items)).toHaveLength(32);
    expect(COREQ_DOMAINS.flatMap((d) => d.items)[28]).toBe('Quotations presented');
  });

  it("gives the study's own answer when study.yaml has one, whatever it was read from", () => {
    expect(coreqAnswer({ coreq: { '10': 'Purposive sampling' }, reportedIn: 'abstract' }, 10)).toBe(
      'Purposive sampling',
    );
    expect(coreqAnswer({ coreq: { '29': 'Not reported' }, reportedIn: 'article' }, 29)).toBe('Not reported');
  });

  it('does not call an item "Not reported" when the facts were read from the abstract only', () => {
    expect(coreqAnswer({ coreq: {}, reportedIn: 'abstract' }, 29)).toBe('Not in the abstract; see the article');
    expect(UNANSWERED.abstract).not.toMatch(/not reported/i);
  });

  it('says "Not reported" for an item left out of answers read from the full article (the default)', () => {
    expect(coreqAnswer({ coreq: {} }, 29)).toBe('Not reported');
    expect(coreqAnswer({ coreq: {}, reportedIn: 'article' }, 1)).toBe('Not reported');
  });

  it('does not take inherited keys for answers', () => {
    expect(coreqAnswer({ coreq: {}, reportedIn: 'abstract' }, 'constructor' as unknown as number)).toBe(
      UNANSWERED.abstract,
    );
  });
});
