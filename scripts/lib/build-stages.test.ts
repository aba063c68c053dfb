/** The heap limit Astro's process gets: bounded, growing with the study, overridable. */
import { describe, expect, it } from 'vitest';
import { astroHeapMb } from './build-stages.ts';

const MB = 2 ** 20;
describe('astroHeapMb', () => {
  it('is 1 GB for a study of any size up to about 32 MB of generated excerpts', () => {
    expect(astroHeapMb(300_000, {})).toBe(1024);
    expect(astroHeapMb(27 * MB, {})).toBe(1024);
  });
  it('grows with the excerpts beyond that (a 50 MB text study)', () => {
    expect(astroHeapMb(60 * MB, {})).toBe(512 + 960);
  });
  it('takes EVIDENCE_ASTRO_HEAP_MB when it is a whole number of megabytes, and ignores it otherwise', () => {
    expect(astroHeapMb(27 * MB, { EVIDENCE_ASTRO_HEAP_MB: '3000' })).toBe(3000);
    expect(astroHeapMb(27 * MB, { EVIDENCE_ASTRO_HEAP_MB: 'lots' })).toBe(1024);
    expect(astroHeapMb(27 * MB, { EVIDENCE_ASTRO_HEAP_MB: '' })).toBe(1024);
  });
});
