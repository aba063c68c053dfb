/**
 * The JavaScript budget of the map pages: for each page, the gzip size of every script it loads
 * (its <script src> tags and inline module scripts, plus the modules they import statically),
 * checked against 35 KB. Exits non-zero when a page is over.
 *
 *   node scripts/measure-js.ts [--dir dist] [--max-kb 35]
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

/** One script a page loads and its size. */
export interface ScriptSize { file: string; bytes: number; gzip: number }
export interface PageJs { page: string; scripts: ScriptSize[]; gzip: number }

const gz = (text: string) => gzipSync(text).length;

/** Module paths a script imports statically (dynamic import() is loaded later, on demand, and not counted). */
function staticImports(code: string): string[] {
  return [...code.matchAll(/(?:^|[\s;}])(?:import(?!\s*\()|export)[^"'`;]*?["']([^"']+\.m?js)["']/g)].map((m) => m[1]);
}

/** The JS that `page` (a path under `dir`, like "index.html") loads, each file once. */
export function measurePage(dir: string, page: string, base = process.env.BASE_PATH ?? '/'): PageJs {
  const html = readFileSync(join(dir, page), 'utf8');
  const pageUrl = `/${posix.dirname(page)}/`.replace(/\/\.?\/$/, '/');
  const toFile = (src: string, from: string) => {
    const path = new URL(src, `http://site${from}`).pathname;
    return path.startsWith(base) ? path.slice(base.length - 1) : path;
  };
  const scripts: ScriptSize[] = [];
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const file = join(dir, path);
    if (!existsSync(file)) throw new Error(`${page}: script ${path} is not in ${dir}`);
    const code = readFileSync(file, 'utf8');
    scripts.push({ file: path, bytes: Buffer.byteLength(code), gzip: gz(code) });
    for (const dep of staticImports(code)) visit(toFile(dep, path));
  };
  for (const tag of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = /\bsrc=["']([^"']+)["']/i.exec(tag[1])?.[1];
    if (src) { visit(toFile(src, `${base.replace(/\/$/, '')}${pageUrl}`)); continue; }
    if (/type=["']?(application\/(ld\+)?json|importmap)/i.test(tag[1]) || !tag[2].trim()) continue;
    scripts.push({ file: `(inline script ${scripts.length + 1})`, bytes: Buffer.byteLength(tag[2]), gzip: gz(tag[2]) });
    for (const dep of staticImports(tag[2])) visit(toFile(dep, `${base.replace(/\/$/, '')}${pageUrl}`));
  }
  return { page, scripts, gzip: scripts.reduce((n, s) => n + s.gzip, 0) };
}

/** The pages with a map: the home page, the first theme page, and the maps page. */
export function mapPages(dir: string): string[] {
  const themes = existsSync(join(dir, 'themes')) ? readdirSync(join(dir, 'themes'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort() : [];
  return ['index.html', themes.length ? `themes/${themes[0]}/index.html` : '', 'maps/index.html'].filter((p) => p && existsSync(join(dir, p)));
}

export function run(argv = process.argv.slice(2)): boolean {
  const flag = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const dir = flag('--dir') ?? 'dist';
  const maxKb = Number(flag('--max-kb') ?? 35);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  let ok = true;
  for (const page of mapPages(dir)) {
    const m = measurePage(dir, page);
    const over = m.gzip > maxKb * 1024;
    ok &&= !over;
    console.log(`${over ? 'OVER' : 'ok  '} ${page}: ${kb(m.gzip)} gzip of JS (budget ${maxKb} KB)`);
    for (const s of m.scripts) console.log(`       ${s.file}  ${kb(s.bytes)} -> ${kb(s.gzip)} gzip`);
  }
  if (!mapPages(dir).length) { console.error(`no map pages found in ${dir}: run npm run build first`); return false; }
  return ok;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = run() ? 0 : 1;
