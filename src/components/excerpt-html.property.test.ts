import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getViteConfig } from 'astro/config';
import { createServer, type ViteDevServer } from 'vite';

let server: ViteDevServer;
let render: (c: unknown, props: object) => Promise<string>;
let ExcerptCard: unknown;
beforeAll(async () => {
  const t = performance.now();
  const config = await getViteConfig({ server: { middlewareMode: true, hmr: false, watch: null }, appType: 'custom', logLevel: 'silent' }, { logLevel: 'silent' })({ mode: 'test', command: 'serve' });
  server = await createServer({ ...config, configFile: false });
  const { experimental_AstroContainer } = await server.ssrLoadModule('astro/container');
  const container = await experimental_AstroContainer.create();
  render = (c, props) => container.renderToString(c, { props });
  ExcerptCard = (await server.ssrLoadModule('/src/components/ExcerptCard.astro')).default;
  console.log('setup', performance.now() - t);
}, 60_000);
afterAll(() => server?.close());

describe('x', () => {
  it('renders', async () => {
    const html = await render(ExcerptCard, { excerpt: { id: 'E1', participant: 'P01', descriptor: 'd', attributes: {}, codes: [], themes: [], text: 'a <b> & {x}' } });
    console.log(html);
  });
});
