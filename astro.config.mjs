// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { rehypeHeadingIds, unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import rehypeTableAlign from './src/lib/rehype-table-align.ts';
import rehypeNarrativeIds from './src/lib/rehype-narrative-ids.ts';
import reloadOnExcerpts from './src/lib/vite-excerpts-reload.ts';
import { fileURLToPath } from 'node:url';

// SITE_URL and BASE_PATH let a team publish under its own address (e.g. GitHub Pages at
// https://team.github.io/study/ with BASE_PATH=/study). Without SITE_URL the site names no address
// at all (no canonical, og:url, sitemap or address in citations): never localhost. ASTRO_OUT_DIR is set by scripts/build.ts,
// which builds into a staging folder and only replaces dist/ when everything succeeded.
//
// scripts/build.ts also gives each build a project root of its own (`astro build --root
// .build/runs/<run>`), under which Astro keeps its .astro/ folder and its cache and data store
// (cacheDir, by default <root>/node_modules/.astro), and a generated folder (EVIDENCE_GENERATED_DIR,
// read by src/content.config.ts): two builds at once never share them. The source and public
// folders are named from this file, so that they are this repository's whatever the root.
/** @param {string} path */
const here = (path) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  srcDir: here('./src'),
  publicDir: here('./public'),
  site: process.env.SITE_URL || undefined,
  base: process.env.BASE_PATH || '/',
  outDir: process.env.ASTRO_OUT_DIR || 'dist',
  trailingSlash: 'always',
  // Two pages at a time: one renders while the other is written to disk. At 20,000 pages this
  // took the build from 48 s to 38 s here; 3 and 4 were no faster (npm run bench).
  // Styles and scripts as files, never inlined: with the CSP, Astro hashes each inlined style and
  // script on every page (WebCrypto, twice a page) and lists the hashes in its meta tag. As files,
  // the browser caches them once. Astro's stage of `npm run build` on the synthetic 20,000-excerpt
  // study took 46 s instead of 57 s (docs/benchmarks.md).
  build: { format: 'directory', concurrency: 2, inlineStylesheets: 'never' },
  markdown: {
    // Narratives are prose; Shiki's highlighting would write style attributes the CSP forbids.
    syntaxHighlight: false,
    // GFM tables in narratives; single tildes stay literal ("~10 years" is not strikethrough);
    // column alignment as classes, since the CSP allows no style attributes.
    processor: unified({
      gfm: false,
      remarkPlugins: [[remarkGfm, { singleTilde: false }]],
      // Heading ids first (Astro's own pass later keeps them), so that a theme narrative's heading
      // gives way to a subtheme's id on the same page (src/lib/rehype-narrative-ids.ts).
      rehypePlugins: [rehypeTableAlign, rehypeHeadingIds, rehypeNarrativeIds],
    }),
  },
  // A sitemap lists absolute addresses: only with SITE_URL.
  integrations: [mdx(), ...(process.env.SITE_URL ? [sitemap()] : [])],
  // A strict Content-Security-Policy as a <meta> tag with hashes of every script and style Astro
  // emits; no 'unsafe-inline'. 'wasm-unsafe-eval' is there only because Pagefind's search runs
  // as WebAssembly. frame-ancestors cannot be set in a meta tag: public/_headers carries it.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  vite: {
    // excerpts.json is read by src/lib/excerpts.ts, not by a content collection: this reloads the
    // dev server's pages when it changes.
    plugins: [reloadOnExcerpts()],
    // The dev server watches the project for changes; builds, benchmark runs and reports are no
    // source. A checkout with a few 20,000-page builds in .build/ ran out of file watchers
    // (ENOSPC) and the dev server answered nothing.
    server: { watch: { ignored: ['**/.build/**', '**/dist/**', '**/dist.*/**', '**/reports/**'] } },
    build: {
      sourcemap: false,
      // Scripts as files too (Astro inlines a script smaller than this limit); see build above.
      assetsInlineLimit: 0,
      // Astro's MDX output carries a "use astro:head-inject" directive the bundler warns about
      // once per theme; it is Astro's own and harmless, and the noise hides real warnings.
      rollupOptions: {
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  },
  devToolbar: { enabled: false },
});
