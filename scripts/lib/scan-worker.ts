/**
 * Scans part of a built site on a worker thread (started by scan.ts): one share of its pages or of
 * its decompressed search index, sent once they are written (the build scans with several at
 * once), or, with `follow`, its pages while Astro is still writing them (see FollowingScan): it
 * posts its leaks once it is told to finish, that is once Astro has exited.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { setPriority } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { FollowingScan } from './scan-following.ts';
import { type Part, scanFiles, type ScanRules, type Share } from './scan-texts.ts';

/** What the worker is asked to do. */
export type ScanJob = { siteDir: string; rules: ScanRules } & ({ part: Part } | { follow: true });
const job = workerData as ScanJob;

if ('follow' in job) {
  // Only on the time Astro leaves: this thread runs at the lowest priority.
  try {
    setPriority(19);
  } catch {
    /* not allowed here: scans at the usual priority */
  }
  let finished = false;
  const finishing = new Promise<void>((done) =>
    parentPort!.once('message', () => {
      finished = true;
      done();
    }),
  );
  const scan = new FollowingScan(job.siteDir, job.rules);
  while (!finished) {
    scan.follow();
    await Promise.race([sleep(1000, undefined, { ref: false }), finishing]);
  }
  parentPort!.postMessage(scan.finish());
} else {
  // Its share of the files arrives once they are all written.
  parentPort!.once('message', (share: Share) =>
    parentPort!.postMessage(scanFiles(job.siteDir, job.part, job.rules, share)),
  );
}
