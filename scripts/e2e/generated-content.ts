/**
 * content/generated (and the private reports/) are shared by every build in this checkout. A test
 * that builds another study keeps a copy of them first and puts them back afterwards, so that the
 * site tests after it, and `npm run dev` after the tests, see what the global setup left.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GENERATED_DIR, REPORTS_DIR } from '../build-content.ts';

/** Copies content/generated and reports/ aside; the function returned puts them back as they were. */
export function keepGeneratedContent(): () => void {
  const aside = mkdtempSync(join(tmpdir(), 'generated-'));
  const kept = [GENERATED_DIR, REPORTS_DIR].map((dir, i) => ({ dir, copy: join(aside, String(i)), existed: existsSync(dir) }));
  for (const k of kept) if (k.existed) cpSync(k.dir, k.copy, { recursive: true });
  return () => {
    for (const k of kept) {
      rmSync(k.dir, { recursive: true, force: true });
      if (k.existed) cpSync(k.copy, k.dir, { recursive: true });
    }
    rmSync(aside, { recursive: true, force: true });
  };
}
