/**
 * The host a benchmark runs on, for the Node and the browser drivers alike: other processes' share of the
 * CPU (os.cpus() tick counters minus this process's own CPU time) and the git commit measured.
 */
import os from 'node:os';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Meta } from './results.js';

/** All cores' busy and total tick counters (ms), from os.cpus(). */
export function cpuTicks(): { busy: number; all: number } {
  let busy = 0;
  let all = 0;
  for (const c of os.cpus()) {
    const t = c.times;
    busy += t.user + t.nice + t.sys + t.irq;
    all += t.user + t.nice + t.sys + t.irq + t.idle;
  }
  return { busy, all };
}

/**
 * Share of the machine's CPU time used by other processes since `from` (this process's own CPU time,
 * V8's background compiler threads included, is subtracted).
 */
export function otherLoad(from: { ticks: { busy: number; all: number }; own: NodeJS.CpuUsage }): number {
  const t = cpuTicks();
  const own = process.cpuUsage(from.own);
  const all = t.all - from.ticks.all;
  if (all <= 0) return 0;
  return Math.max(0, (t.busy - from.ticks.busy - (own.user + own.system) / 1e3) / all);
}

export function loadProbe() {
  return { ticks: cpuTicks(), own: process.cpuUsage() };
}

/** The repository's commit and whether tracked files differ from it. */
export function git(): Meta['git'] {
  const cwd = fileURLToPath(new URL('..', import.meta.url));
  const rev = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd, encoding: 'utf8' });
  if (rev.status !== 0) return { commit: null, dirty: null };
  const st = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd, encoding: 'utf8' });
  return { commit: rev.stdout.trim(), dirty: st.status === 0 ? st.stdout.trim() !== '' : null };
}
