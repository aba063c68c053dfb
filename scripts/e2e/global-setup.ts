/**
 * Builds the bundled study once into .build/test-site-<pid> with the real pipeline, and serves it for
 * the site tests. Like every build, it writes in folders of its own (scripts/lib/build-folders.ts),
 * not in content/generated: test runs side by side, and `npm run dev` meanwhile, never share one. It is built as published, with SITE_URL set to SITE_ADDRESS (canonical links,
 * sitemap and share links need one); scripts/e2e/any-study.test.ts builds without it. Tests read the site's URL with inject('siteUrl') and its folder with inject('siteDir').
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { run } from '../build.ts';
import { reportsDir } from '../lib/build-folders.ts';
import { serveStatic } from '../lib/static-server.ts';

/** One folder per test run, so that runs side by side (two terminals, two engineers) never share a build. */
export const SITE_DIR = resolve(`.build/test-site-${process.pid}`);

/** The address the test site is built for; it is served from a local port all the same. */
export const SITE_ADDRESS = 'https://evidence.example.org/';

export default async function setup(project: TestProject) {
  const before = process.env.SITE_URL;
  process.env.SITE_URL = SITE_ADDRESS;
  try {
    if (!(await run(['--out', SITE_DIR]))) throw new Error('the bundled study failed to build');
  } finally {
    if (before === undefined) delete process.env.SITE_URL;
    else process.env.SITE_URL = before;
  }
  const { server, url } = await serveStatic(SITE_DIR);
  project.provide('siteUrl', url);
  project.provide('siteDir', SITE_DIR);
  return () =>
    new Promise<void>((done) =>
      server.close(() => {
        for (const dir of [SITE_DIR, reportsDir(SITE_DIR)]) rmSync(dir, { recursive: true, force: true });
        done();
      }),
    );
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    siteDir: string;
  }
}
