// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';

// SITE_URL and BASE_PATH let a team publish under its own address (e.g. GitHub Pages at
// https://team.github.io/study/ with BASE_PATH=/study). ASTRO_OUT_DIR is set by scripts/build.ts,
// which builds into a staging folder and only replaces dist/ when everything succeeded.
export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  base: process.env.BASE_PATH || '/',
  outDir: process.env.ASTRO_OUT_DIR || 'dist',
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: {
    // GFM tables in narratives; single tildes stay literal ("~10 years" is not strikethrough).
    processor: unified({ gfm: false, remarkPlugins: [[remarkGfm, { singleTilde: false }]] }),
  },
  integrations: [mdx(), sitemap()],
  vite: { build: { sourcemap: false } },
  devToolbar: { enabled: false },
});
