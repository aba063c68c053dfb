/**
 * Builds the bundled study once into .build/test-site-<pid> with the real pipeline, and serves it for
 * the site tests. Tests read the site's URL with inject('siteUrl') and its folder with inject('siteDir').
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { run } from '../build.ts';
import { serveStatic } from '../lib/static-server.ts';

/** One folder per test run, so that runs side by side (two terminals, two engineers) never share a build. */
export const SITE_DIR = resolve(`.build/test-site-${process.pid}`);

export default async function setup(project: TestProject) {
  if (!(await run(['--out', SITE_DIR]))) throw new Error('the bundled study failed to build');
  const { server, url } = await serveStatic(SITE_DIR);
  project.provide('siteUrl', url);
  project.provide('siteDir', SITE_DIR);
  return () => new Promise<void>((done) => server.close(() => { rmSync(SITE_DIR, { recursive: true, force: true }); done(); }));
}

declare module 'vitest' {
  export interface ProvidedContext { siteUrl: string; siteDir: string }
}
