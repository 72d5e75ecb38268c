import { setFlagsFromString } from 'node:v8';

/**
 * Turns off V8's allocation-site pretenuring in this process, unless `--allocation-site-pretenuring`
 * was given on the command line (to compare).
 *
 * Why: under a steady load V8 sometimes decides, at one scavenge where many objects of an allocation
 * site survive (the answers in flight), to allocate that site's objects straight in the old
 * generation from then on. They still die young, so the old generation fills every few hundred
 * milliseconds and the process runs full mark-compacts for the rest of its life. Which process falls
 * into this is chance: on personnel's page of employees, 5 of 40 freshly started processes spent
 * 430–520 µs of CPU per page instead of 230–320, with 90–114 mark-compacts in a run instead of 8–13;
 * with pretenuring off, none of 38 did (docs/benchmarks.md, "pretenuring").
 *
 * Set at run time because Node refuses the flag in NODE_OPTIONS; early enough, since the decisions
 * are taken by the garbage collector under load, long after start-up. Setting it again is harmless.
 */
export function keepShortLivedObjectsYoung(): void {
  if (process.execArgv.includes('--allocation-site-pretenuring')) return;
  setFlagsFromString('--no-allocation-site-pretenuring');
}
