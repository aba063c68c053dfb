/**
 * /robots.txt. An illustrative site asks every robot to stay out, so search engines do not present
 * illustrative excerpts as findings; a site with the study's own data is open and names its sitemap.
 * Robots read /robots.txt only at the root of a host: under a BASE_PATH this file must be copied
 * (or its rules merged) into the host's own robots.txt.
 */
import type { APIRoute } from 'astro';
import { illustrative, site, url } from '../lib/site';

export const GET: APIRoute = ({ site: siteUrl }) => {
  // Without SITE_URL the site has no sitemap (it would list localhost addresses).
  const sitemap = siteUrl && new URL(url('sitemap-index.xml'), siteUrl).href;
  const body = illustrative
    ? [
        `# ${site.study.shortTitle ?? site.study.title}: the data on this site are illustrative, not the study's.`,
        '# Please do not index it; pages also carry <meta name="robots" content="noindex, nofollow">.',
        'User-agent: *',
        'Disallow: /',
      ]
    : ['User-agent: *', 'Allow: /', ...(sitemap ? ['', `Sitemap: ${sitemap}`] : [])];
  return new Response(`${body.join('\n')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
