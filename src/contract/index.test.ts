/** The one place src/ learns where the generated folder is. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generatedDir } from './index.ts';

describe('generatedDir', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });
  it('is EVIDENCE_GENERATED_DIR when the build sets it', () => {
    vi.stubEnv('EVIDENCE_GENERATED_DIR', '/tmp/build-42/generated');
    expect(generatedDir()).toBe('/tmp/build-42/generated');
  });
  it('is content/generated when it is unset or empty', () => {
    vi.stubEnv('EVIDENCE_GENERATED_DIR', undefined);
    expect(generatedDir()).toBe('content/generated');
    vi.stubEnv('EVIDENCE_GENERATED_DIR', '');
    expect(generatedDir()).toBe('content/generated');
  });
});
