import { describe, expect, it } from 'vitest';
import { collectGarbage } from './gc.ts';

describe('collectGarbage', () => {
  it('gives back the heap that garbage held, without --expose-gc on the command line', () => {
    // Made and dropped inside a function: garbage once it returns.
    const made = (() => Array.from({ length: 200_000 }, (_, i) => `record ${i} `.repeat(40)).length)();
    expect(made).toBe(200_000);
    const before = process.memoryUsage().heapUsed;
    collectGarbage();
    const after = process.memoryUsage().heapUsed;
    // 200,000 strings of about 400 characters: about 80 MB of one-byte strings.
    expect(before - after).toBeGreaterThan(40e6);
    expect('gc' in globalThis).toBe(false);
  });
});
