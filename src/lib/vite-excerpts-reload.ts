/**
 * In `npm run dev`, a changed excerpts.json (the content stage rewriting it after a save in the
 * study folder) reaches the pages: src/lib/excerpts.ts reads the file again when it changes, and
 * this plugin makes the dev server drop the routes it has cached (each page's getStaticPaths, which
 * hold the excerpts) and reload the browser. Astro does the same for its content collections on
 * the event `astro:content-changed`, which this sends; excerpts.json is not a collection
 * (src/lib/excerpts.ts says why).
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { excerptsFile } from './excerpts.ts';

export default function reloadOnExcerpts(): Plugin {
  return {
    name: 'evidence:excerpts-json',
    apply: 'serve',
    configureServer(server) {
      const file = excerptsFile();
      server.watcher.add(file);
      const changed = (path: string): void => {
        if (resolve(path) !== file) return;
        for (const [name, environment] of Object.entries(server.environments)) {
          if (name !== 'client') environment.hot.send('astro:content-changed', {});
        }
        server.environments.client.hot.send({ type: 'full-reload', path: '*' });
      };
      server.watcher.on('change', changed);
      server.watcher.on('add', changed);
    },
  };
}
