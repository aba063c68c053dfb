import { describe, expect, it } from 'vitest';
import { createRedactor, describe as describeParticipant, experienceBand, shownAttributes } from './anonymize.ts';

describe('redaction', () => {
  const redact = createRedactor([
    { term: 'Sarwarabad', replacement: '[a district town]' },
    { pattern: 'Sarwarabad (District )?Hospital', replacement: '[a district hospital]' },
    { term: 'Dr. Tariq', replacement: '[a colleague]' },
    { term: 'Dr. Tariq Mehmood', replacement: '[a senior colleague]' },
    { term: 'طارق محمود', replacement: '[a senior colleague]' },
  ]);

  it('replaces the longest overlapping match, whichever entry comes first', () => {
    expect(redact('At Sarwarabad District Hospital, Dr. Tariq Mehmood said so.').text)
      .toBe('At [a district hospital], [a senior colleague] said so.');
  });

  it('matches terms case-insensitively and only as whole words, in Latin and Urdu script', () => {
    expect(redact('dr. tariq came from sarwarabad; Sarwarabadi food is good.').text)
      .toBe('[a colleague] came from [a district town]; Sarwarabadi food is good.');
    expect(redact('ڈاکٹر طارق محمود نے کہا').text).toBe('ڈاکٹر [a senior colleague] نے کہا');
  });

  it('reports every replacement for the anonymization report', () => {
    expect(redact('Dr. Tariq and Sarwarabad').replacements).toEqual([
      { found: 'Dr. Tariq', replacement: '[a colleague]' },
      { found: 'Sarwarabad', replacement: '[a district town]' },
    ]);
  });
});

describe('participant descriptors', () => {
  const privacy = { k: 3, shownAttributes: ['specialty_group', 'experience_band'], experienceBands: [10] };

  it('shows only the attributes study.yaml allows, never years, gender or specialty', () => {
    const attrs = shownAttributes({ id: 'P01', specialty: 'Psychiatry', specialty_group: 'Mental health', gender: 'Woman', years_experience: 12 }, privacy);
    expect(attrs).toEqual({ specialty_group: 'Mental health', experience_band: '10 years or more' });
    expect(describeParticipant(attrs)).toBe('Mental health · 10 years or more');
  });

  it('bands years of experience at the cut-points', () => {
    expect([0, 4, 5, 14, 15, 40].map((y) => experienceBand(y, [5, 15]))).toEqual([
      'Under 5 years', 'Under 5 years', '5–14 years', '5–14 years', '15 years or more', '15 years or more',
    ]);
  });
});
