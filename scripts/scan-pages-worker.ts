/**
 * Runs scanPages on a worker thread, so the build can scan the pages while Pagefind (a process of
 * its own) indexes the excerpts: on two cores the two overlap.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { scanPages, type ScanRules } from './scan-site.ts';

const { siteDir, rules } = workerData as { siteDir: string; rules: ScanRules };
parentPort!.postMessage(scanPages(siteDir, rules));
