/**
 * Theme colours as a stylesheet: `.theme-<id>` sets `--theme-colour`. Colours are study data, and
 * a strict CSP forbids style attributes, so pages take them from this file by class.
 */
import type { APIRoute } from 'astro';
import { site } from '../lib/site';

export const GET: APIRoute = () =>
  new Response(`${site.themes.map((t) => `.theme-${t.id} { --theme-colour: ${t.colour}; }`).join('\n')}\n`, {
    headers: { 'content-type': 'text/css; charset=utf-8' },
  });
