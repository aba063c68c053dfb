/**
 * Records a release of a study: `releases/<version>.json` in the study folder, a manifest of what
 * the site publishes now. Releases are append-only; the command refuses to rewrite one, except to
 * record the DOI a data repository minted for it, and to scrub text that may no longer be published
 * (withdrawn excerpts, text a new redaction changes) from every earlier manifest. It also writes a
 * deposit package (the downloads as a zip, and Zenodo deposition metadata) unless --no-deposit.
 *
 *   node scripts/release.ts <version> [--date YYYY-MM-DD] [--study <folder>] [--no-deposit]
 *   node scripts/release.ts <version> --doi <doi> [--study <folder>]
 *   node scripts/release.ts --scrub [--study <folder>]
 *
 * Arguments are parsed strictly (scripts/lib/cli.ts): an unknown option is an error.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { zipSync } from 'fflate';
import { buildContent } from './build-content.ts';
import { leakFinder } from './lib/find-leaks.ts';
import { loadStudy } from './lib/load-study.ts';
import { StudyError, formatProblem } from './lib/problems.ts';
import {
  DateSchema,
  VersionSchema,
  compareVersions,
  manifestOf,
  scrubManifest,
  type Manifest,
} from './lib/releases.ts';
import { readStudyFolder } from './lib/study-files.ts';
import { parseCommandLine, UsageError } from './lib/cli.ts';
import { SiteSchema, type SiteStudy } from '../src/contract/index.ts';

/** Where deposit packages go (git-ignored); one folder per version. */
export const DEPOSIT_DIR = 'release-deposits';

/** A manifest as committed: stable key order, one field per line, final newline. */
export const formatManifest = (m: Manifest) => `${JSON.stringify(m, null, 1)}\n`;

export class ReleaseError extends Error {}

export interface ReleaseOptions {
  study: string;
  version?: string;
  date?: string;
  doi?: string;
  scrub?: boolean;
  deposit?: boolean;
  /** Where the deposit package goes; default release-deposits/<version>. */
  depositDir?: string;
  /** Prints progress; defaults to console.log. */
  log?: (line: string) => void;
}

/** Today's date in UTC, YYYY-MM-DD. */
const today = () => new Date().toISOString().slice(0, 10);

/** Records a release (or a DOI, or a scrub). Throws ReleaseError or StudyError with what to do. */
export function release(o: ReleaseOptions): { written: string[]; deposit?: string } {
  const log = o.log ?? console.log;
  const dir = resolve(o.study);
  const releasesDir = join(dir, 'releases');
  const files = readStudyFolder(dir);
  if (o.version !== undefined && !VersionSchema.safeParse(o.version).success)
    throw new ReleaseError(`version "${o.version}": expected a version like 1.0 or 1.1.2`);
  if (o.date !== undefined && !DateSchema.safeParse(o.date).success)
    throw new ReleaseError(`--date "${o.date}": expected a real date like 2026-01-31`);
  const target = o.version === undefined ? undefined : join(releasesDir, `${o.version}.json`);

  // Recording a DOI is the one change to a release besides scrubbing.
  if (o.doi !== undefined) {
    if (!target || !existsSync(target))
      throw new ReleaseError(
        `--doi: no release ${o.version ?? '(no version given)'} in ${relative(process.cwd(), releasesDir) || releasesDir}; expected an existing version`,
      );
    if (!/^10\.\d{4,9}\/\S+$/.test(o.doi))
      throw new ReleaseError(`--doi "${o.doi}": expected a DOI like 10.5281/zenodo.1234567`);
    const m = JSON.parse(readFileSync(target, 'utf8')) as Manifest;
    if (m.doi && m.doi !== o.doi)
      throw new ReleaseError(`release ${m.version} already records DOI ${m.doi}; a release keeps the DOI it was given`);
    writeFileSync(target, formatManifest({ ...m, doi: o.doi }));
    log(`release ${m.version}: DOI ${o.doi} recorded in ${relative(process.cwd(), target)}`);
    return { written: [target] };
  }

  const content = buildContent(files, { releaseChecks: false });
  const existing = content.manifests;
  const latest = existing.at(-1)?.manifest;
  if (target && existsSync(target))
    throw new ReleaseError(
      `release ${o.version} exists (${relative(process.cwd(), target)}); releases are never rewritten: choose a new version`,
    );
  if (o.version && latest && compareVersions(o.version, latest.version) <= 0)
    throw new ReleaseError(
      `version ${o.version} is not after the latest release ${latest.version}; expected a higher version`,
    );
  if (!o.version && !o.scrub) throw new ReleaseError('expected a version (npm run release -- 1.0) or --scrub');

  const current = manifestOf(content.published, o.version ?? '0', o.date ?? today());
  const currentIds = new Set(current.excerpts.map((e) => e.id));
  const problems: string[] = [];
  // An id once withdrawn never comes back, and a withdrawal says why.
  existing.forEach(({ manifest: m }, i) => {
    const later = existing.slice(i + 1).map((x) => x.manifest);
    for (const e of m.excerpts) {
      const gone = later.find((l) => !l.excerpts.some((x) => x.id === e.id));
      if (gone && currentIds.has(e.id))
        problems.push(
          `${files.dir}/excerpts.csv: excerpt ${e.id} was withdrawn in version ${gone.version} and cannot be published again; expected a new id for new text`,
        );
    }
  });
  if (latest && o.version) {
    for (const e of latest.excerpts) {
      if (!currentIds.has(e.id) && content.withdrawn[e.id] === undefined) {
        problems.push(
          `${files.dir}/withdrawn.yaml: excerpt ${e.id} was in release ${latest.version} and is gone now; expected a line "${e.id}: <why it was withdrawn>" (shown on its tombstone)`,
        );
      }
    }
  }

  // Scrub every earlier manifest: withdrawn excerpts lose their words, text takes current redactions.
  const scrubbed = existing.map(({ file, manifest }) => ({
    file,
    ...scrubManifest(manifest, currentIds, content.withdrawn, content.redact, o.version ?? latest?.version ?? '0'),
  }));
  // The privacy scan, over the text every manifest will hold (as the site's own scan reads data text).
  const redactions = loadStudy(files).loaded.redactions;
  const find = leakFinder(redactions, []);
  const texts = [
    ...scrubbed.map((s) => ({ file: s.file, manifest: s.manifest })),
    ...(o.version ? [{ file: `${files.dir}/releases/${o.version}.json`, manifest: current }] : []),
  ];
  for (const { file, manifest } of texts) {
    for (const e of manifest.excerpts) {
      for (const text of [e.text, e.originalText]) {
        if (text === undefined) continue;
        for (const leak of find({ file, text, data: true }))
          problems.push(
            `${file}: excerpt ${e.id}: the privacy scan finds ${leak.rule} ("${leak.found}") in the published text; expected none: fix the redactions (redactions.yaml) and run the release again`,
          );
      }
    }
  }
  if (problems.length)
    throw new ReleaseError(
      `cannot record the release: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n${problems.map((p) => `  ${p}`).join('\n')}`,
    );

  const written: string[] = [];
  for (const s of scrubbed) {
    if (!s.changed.length) continue;
    const path = join(releasesDir, s.file.split('/').at(-1)!);
    writeFileSync(path, formatManifest(s.manifest));
    written.push(path);
    log(`scrubbed ${relative(process.cwd(), path)}: ${s.changed.join('; ')}`);
  }
  if (!o.version) {
    if (!written.length) log('nothing to scrub: every manifest holds only text that may be published');
    return { written };
  }
  mkdirSync(releasesDir, { recursive: true });
  writeFileSync(target!, formatManifest(current));
  written.push(target!);
  log(
    `release ${current.version} (${current.date}): ${current.counts.excerpts} excerpts, ${current.counts.themes} themes, ${current.counts.participants} participants -> ${relative(process.cwd(), target!)}`,
  );
  log('commit it with the study folder.');
  if (o.deposit === false) return { written };
  const study = SiteSchema.parse(JSON.parse(content.generated['site.json'])).study;
  const deposit = writeDeposit(dir, current, study, log, o.depositDir);
  return { written, deposit };
}

/** Zenodo deposition metadata for a release (the `metadata` object of its deposit API, and `.zenodo.json`). */
export function zenodoMetadata(m: Manifest, study: SiteStudy, description: string): Record<string, unknown> {
  const licence = /creativecommons\.org\/licenses\/by\/4\.0/.test(study.licence.url)
    ? 'cc-by-4.0'
    : study.licence.name.toLowerCase().replace(/\s+/g, '-');
  return {
    upload_type: 'dataset',
    title: `${study.title}: anonymized excerpts and codebook`,
    // Illustrative data were not written by the article's authors: as in CITATION.cff, they are not named.
    creators:
      study.provenance.kind === 'illustrative'
        ? [{ name: `Contributors to the ${study.shortTitle ?? study.title} site` }]
        : study.authors.map((a) => ({
            name: a.given ? `${a.family}, ${a.given}` : a.family,
            ...(a.affiliation ? { affiliation: a.affiliation } : {}),
            ...(a.orcid ? { orcid: a.orcid } : {}),
          })),
    description,
    version: m.version,
    publication_date: m.date,
    access_right: 'open',
    license: licence,
    related_identifiers: [
      { identifier: study.doi, relation: 'isSupplementTo', scheme: 'doi', resource_type: 'publication-article' },
    ],
  };
}

/**
 * Builds the site of the release (scripts/build.ts into a folder of the deposit) and writes the
 * deposit: downloads-<version>.zip (every file of /data/), zenodo-deposit.json ({"metadata": ...},
 * what the deposit API takes) and .zenodo.json (what a connected repository reads).
 */
function writeDeposit(
  studyDir: string,
  m: Manifest,
  study: SiteStudy,
  log: (line: string) => void,
  depositDir?: string,
): string {
  const out = resolve(depositDir ?? join(DEPOSIT_DIR, m.version));
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const site = join(out, 'site');
  const build = fileURLToPath(new URL('./build.ts', import.meta.url));
  log(`building the site of release ${m.version} for its deposit package...`);
  const run = spawnSync(process.execPath, [build, '--study', studyDir, '--out', site], { stdio: 'inherit' });
  if (run.status !== 0)
    throw new ReleaseError(
      `the release ${m.version} is recorded, but its site did not build, so no deposit package was written; fix the build and run \`npm run release -- ${m.version} --deposit-only\``,
    );
  const dataDir = join(site, 'data');
  const entries: Record<string, Uint8Array> = {};
  for (const name of readdirSync(dataDir).sort()) {
    const path = join(dataDir, name);
    // The downloads only: /data/index.html is the page that lists them.
    if (statSync(path).isFile() && !name.endsWith('.html')) entries[name] = readFileSync(path);
  }
  // A fixed time keeps the zip byte-identical for the same release.
  const zip = zipSync(entries, { mtime: new Date(`${m.date}T00:00:00Z`) });
  writeFileSync(join(out, `downloads-${m.version}.zip`), zip);
  const description = `Anonymized excerpts, codebook, participants (pseudonyms and shown attributes only) and citation files, release ${m.version}, of the evidence site of "${study.title}" (${study.journal}, ${study.year}, doi:${study.doi}). ${study.provenance.notice}`;
  const metadata = zenodoMetadata(m, study, description);
  writeFileSync(join(out, 'zenodo-deposit.json'), `${JSON.stringify({ metadata }, null, 1)}\n`);
  writeFileSync(join(out, '.zenodo.json'), `${JSON.stringify(metadata, null, 1)}\n`);
  rmSync(site, { recursive: true, force: true });
  log(
    `deposit package: ${relative(process.cwd(), out)}/ (downloads-${m.version}.zip, zenodo-deposit.json, .zenodo.json)`,
  );
  return out;
}

/** The release command's line (see the top of this file for its three forms). */
const RELEASE_COMMAND_LINE = {
  command: 'npm run release',
  positionals: ['[<version>]'],
  options: {
    date: { type: 'string', value: 'YYYY-MM-DD' },
    study: { type: 'string', value: '<folder>' },
    doi: { type: 'string', value: '<doi>' },
    scrub: { type: 'boolean' },
    'no-deposit': { type: 'boolean' },
    'deposit-only': { type: 'boolean' },
  },
} as const;

/** Parses the command line; prints errors and returns the exit code. */
export function main(argv = process.argv.slice(2)): number {
  let parsed;
  try {
    parsed = parseCommandLine(RELEASE_COMMAND_LINE, argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(
      `${e.message}\n       (a release: <version> [--date] [--study] [--no-deposit]; its DOI: <version> --doi <doi>; or --scrub)`,
    );
    return 2;
  }
  const { values, positionals } = parsed;
  const study = values.study ?? process.env.STUDY_DIR ?? 'content/study';
  try {
    if (values['deposit-only']) {
      const version = positionals[0];
      const path = join(resolve(study), 'releases', `${version}.json`);
      if (!version || !existsSync(path))
        throw new ReleaseError(`--deposit-only: no release ${version ?? '(no version given)'} in ${study}/releases`);
      const content = buildContent(readStudyFolder(resolve(study)));
      writeDeposit(
        resolve(study),
        JSON.parse(readFileSync(path, 'utf8')) as Manifest,
        SiteSchema.parse(JSON.parse(content.generated['site.json'])).study,
        console.log,
      );
      return 0;
    }
    release({
      study,
      version: positionals[0],
      date: values.date,
      doi: values.doi,
      scrub: values.scrub,
      deposit: !values['no-deposit'],
    });
    return 0;
  } catch (e) {
    if (e instanceof ReleaseError) {
      console.error(`npm run release: ${e.message}`);
      return 1;
    }
    if (e instanceof StudyError) {
      console.error(
        `npm run release: ${e.problems.length} problem${e.problems.length === 1 ? '' : 's'} in the study folder`,
      );
      for (const p of e.problems) console.error(`  ${formatProblem(p)}`);
      return 1;
    }
    throw e;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main();
