/**
 * Scans one share of one part of a built site (its pages, or its decompressed search index) on a
 * worker thread: the build scans with several at once.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type Part, scanFiles, type ScanRules, type Share } from './scan-site.ts';

const { siteDir, part, rules, share } = workerData as { siteDir: string; part: Part; rules: ScanRules; share: Share };
parentPort!.postMessage(scanFiles(siteDir, part, rules, share));
