/** Every HTML page: the CSP <meta> first in <head> (see src/lib/csp-first.ts). Runs as pages are prerendered. */
import { defineMiddleware } from 'astro:middleware';
import { cspFirst } from './lib/csp-first.ts';

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.includes('text/html')) return response;
  return new Response(cspFirst(await response.text()), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
});
