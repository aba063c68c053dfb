/** The study's releases as the content stage generated them (releases.json, tombstones.json), typed by the contract. */
import { getCollection } from 'astro:content';
import { compareVersions } from '../contract/index.ts';
import { site } from './site';

/** Every release compared with the one before, newest first. */
export const releases = (await getCollection('releases'))
  .map((e) => e.data)
  .sort((a, b) => compareVersions(b.version, a.version));
/** Excerpt ids that a release published and the study no longer has, in id order. */
export const tombstones = (await getCollection('tombstones')).map((e) => e.data);
/** The version this build shows: the latest release, or unreleased changes since it. */
export const release = site.release;

/** "Version 1.1, 20 November 2026" (dates in words: no reader mistakes 05/06 again). */
export function formatDate(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** What the footer and citations say about the version shown. */
export function versionLine(): string {
  if (!release.version) return 'No release recorded yet';
  if (release.unreleased) return `Unreleased changes since version ${release.version}`;
  return `Version ${release.version}${release.date ? `, released ${formatDate(release.date)}` : ''}`;
}

/** The version every download and citation names: "1.1", "1.1, with unreleased changes", or "unreleased". */
export const dataVersion = release.citeAs ?? 'unreleased';
