/** The study's releases as the content stage generated them (scripts/lib/releases.ts), typed for pages. */
import type { ReleaseChanges, ReleaseState, Tombstone } from '../../scripts/lib/releases.ts';
import history from '../../content/generated/releases.json';
import graves from '../../content/generated/tombstones.json';
import { site } from './site';

/** Every release compared with the one before, newest first. */
export const releases = history as unknown as ReleaseChanges[];
/** Excerpt ids that a release published and the study no longer has. */
export const tombstones = graves as Tombstone[];
/** The version this build shows: the latest release, or unreleased changes since it. */
export const release = (site as unknown as { release: ReleaseState }).release;

/** "Version 1.1, 20 November 2026" (dates in words: no reader mistakes 05/06 again). */
export function formatDate(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** What the footer and citations say about the version shown. */
export function versionLine(): string {
  if (!release.version) return 'No release recorded yet';
  return release.unreleased ? `Unreleased changes since version ${release.version}` : `Version ${release.version}, released ${formatDate(release.date!)}`;
}

/** The version every download and citation names: "1.1", "1.1, with unreleased changes", or "unreleased". */
export const dataVersion = release.citeAs ?? 'unreleased';
