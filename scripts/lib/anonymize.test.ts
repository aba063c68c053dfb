import { describe, expect, it } from 'vitest';
import { ParticipantSchema } from './schema.ts';
import {
  createAnonymizer,
  createRedactor,
  describe as describeParticipant,
  experienceBand,
  shownAttributes,
} from './anonymize.ts';

describe('redaction', () => {
  const redact = createRedactor([
    { term: 'Sarwarabad', replacement: '[a district town]' },
    { pattern: 'Sarwarabad (District )?Hospital', replacement: '[a district hospital]' },
    { term: 'Dr. Tariq', replacement: '[a colleague]' },
    { term: 'Dr. Tariq Mehmood', replacement: '[a senior colleague]' },
    { term: 'طارق محمود', replacement: '[a senior colleague]' },
  ]);

  it('replaces the longest overlapping match, whichever entry comes first', () => {
    expect(redact('At Sarwarabad District Hospital, Dr. Tariq Mehmood said so.').text).toBe(
      'At [a district hospital], [a senior colleague] said so.',
    );
  });

  it('matches terms case-insensitively and only as whole words, in Latin and Urdu script', () => {
    expect(redact('dr. tariq came from sarwarabad; Sarwarabadi food is good.').text).toBe(
      '[a colleague] came from [a district town]; Sarwarabadi food is good.',
    );
    expect(redact('ڈاکٹر طارق محمود نے کہا').text).toBe('ڈاکٹر [a senior colleague] نے کہا');
  });

  it('reports every replacement for the anonymization report', () => {
    expect(redact('Dr. Tariq and Sarwarabad').replacements).toEqual([
      { found: 'Dr. Tariq', replacement: '[a colleague]', rule: 'redactions.yaml entry 3' },
      { found: 'Sarwarabad', replacement: '[a district town]', rule: 'redactions.yaml entry 1' },
    ]);
  });
});

describe('built-in detectors, after the redaction list', () => {
  const anonymize = createAnonymizer([{ term: 'Dr. Tariq Mehmood', replacement: '[a senior colleague]' }]);

  it('replaces e-mail addresses, phone numbers, CNIC numbers, URLs and honorific + name', () => {
    const { text, replacements } = anonymize(
      'Mail farooq.k@example.pk or call 0300-1234567 (landline 051 4567890, +92 321 7654321); CNIC 35202-1234567-1; ' +
        'see https://hospital.example.org/ai. Dr. Farooq Ahmed agreed with Dr. Tariq Mehmood and Sister Nasreen.',
    );
    expect(text).toBe(
      'Mail [e-mail address] or call [phone number] (landline [phone number], [phone number]); CNIC [CNIC number]; ' +
        'see [link]. [a named person] agreed with [a senior colleague] and [a named person].',
    );
    expect(replacements.map((r) => r.rule)).toEqual([
      'redactions.yaml entry 1',
      'detector: e-mail address',
      'detector: URL',
      'detector: CNIC number',
      'detector: phone number',
      'detector: phone number',
      'detector: phone number',
      'detector: honorific and name',
      'detector: honorific and name',
    ]);
  });

  it('leaves ordinary numbers, DOIs, years and lower-case honorific use alone', () => {
    const text =
      'In 2023 we saw 1200 patients; doi:10.1177/00912174251387812; the doctor said sir, it works. Dr. at night.';
    expect(anonymize(text).text).toBe(text);
  });
});

describe('participant descriptors', () => {
  const privacy = {
    k: 3,
    shownAttributes: ['specialty_group', 'experience_band'],
    experienceBands: [10],
    onSmallGroups: 'fail' as const,
  };

  it('shows only the attributes study.yaml allows, never years, gender or specialty', () => {
    const row = ParticipantSchema.parse({
      id: 'P01',
      specialty: 'Psychiatry',
      specialty_group: 'Mental health',
      gender: 'Woman',
      years_experience: '12',
    });
    const attrs = shownAttributes(row, privacy);
    expect(attrs).toEqual({ specialty_group: 'Mental health', experience_band: '10 years or more' });
    expect(describeParticipant(attrs)).toBe('Mental health · 10 years or more');
  });

  it('bands years of experience at the cut-points', () => {
    expect([0, 4, 5, 14, 15, 40].map((y) => experienceBand(y, [5, 15]))).toEqual([
      'Under 5 years',
      'Under 5 years',
      '5–14 years',
      '5–14 years',
      '15 years or more',
      '15 years or more',
    ]);
  });
});
