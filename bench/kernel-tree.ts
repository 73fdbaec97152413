// The generated `linux`-scale tree beside the real Linux 6.1 tree, every large_repository figure side by side
// in one process, one run after the other (a linux-scale run takes minutes: one round each, not interleaved).
//
//   tar xJf /usr/src/linux-source-6.1.tar.xz -C /tmp          (Debian's linux-source-6.1)
//   npm run build && node --import tsx bench/kernel-tree.ts --dir /tmp/linux-source-6.1 [--scale linux] [--seed 1]
//
// The real tree is measured read-only through `--param dir=` (git add/commit and the dirty-status runs are
// skipped there, and git status only runs in a repository); the generated tree gets every task.
import { cpus, loadavg } from 'node:os';
import type { SuiteScale } from '../src/core/suite.js';
import type { SuiteResult } from '../src/core/results.js';
import { largeRepositorySuite } from '../src/suites/large-repository/large-repository-definition.js';

function arg(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
}

const dir = arg('dir');
if (dir === undefined) throw new TypeError('--dir option must name the extracted kernel tree');
const scale = (arg('scale') ?? 'linux') as SuiteScale;
const seed = Number(arg('seed') ?? 1);
const load = (): string => loadavg().map((x) => x.toFixed(2)).join(' ');

const fmt = (v: number | undefined, unit = ''): string => {
  if (v === undefined || !Number.isFinite(v)) return '-';
  if (unit === 's') return v < 1 ? `${(v * 1000).toFixed(1)} ms` : `${v.toFixed(2)} s`;
  if (unit === 'By' || unit === 'By/s') return `${(v / 1e6).toFixed(unit === 'By' && v < 1e6 ? 3 : 1)} MB${unit === 'By/s' ? '/s' : ''}`;
  if (unit === '1') return v < 1 ? `${(v * 100).toFixed(1)}%` : `${v.toFixed(2)}x`;
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
};

console.log(`# large_repository: generated ${scale} tree (seed ${String(seed)}) vs ${dir}`);
console.log(`cpu: ${cpus()[0]?.model ?? '?'} x ${String(cpus().length)}; load at start: ${load()}`);
const started = performance.now();
const real: SuiteResult = await largeRepositorySuite.run({ scale, seed, params: { dir } });
console.log(`real tree done after ${((performance.now() - started) / 1000).toFixed(0)} s; load ${load()}`);
const generated: SuiteResult = await largeRepositorySuite.run({ scale, seed });
console.log(`generated tree done after ${((performance.now() - started) / 1000).toFixed(0)} s; load ${load()}\n`);

console.log('| figure | generated | real | real / generated |');
console.log('|---|---|---|---|');
const names = [...new Set([...(generated.figures ?? []), ...(real.figures ?? [])].map((f) => f.name))];
for (const name of names) {
  const g = generated.figures?.find((f) => f.name === name);
  const r = real.figures?.find((f) => f.name === name);
  const unit = g?.unit ?? r?.unit ?? '';
  const ratio = g !== undefined && r !== undefined && g.value !== 0 ? (r.value / g.value).toFixed(2) : '-';
  console.log(`| \`${name}\` | ${fmt(g?.value, unit)} | ${fmt(r?.value, unit)} | ${ratio} |`);
}
console.log('\n| task | generated median (±RME, samples) | real median (±RME, samples) | real / generated |');
console.log('|---|---|---|---|');
for (const task of generated.tasks) {
  const other = real.tasks.find((t) => t.name === task.name);
  const cell = (t: typeof task | undefined): string =>
    t?.stats === undefined ? '-' : `${fmt(t.stats.median, 's')} (±${(t.stats.rme * 100).toFixed(1)}%, ${String(t.stats.samples)})`;
  const ratio = task.stats !== undefined && other?.stats !== undefined ? (other.stats.median / task.stats.median).toFixed(2) : '-';
  console.log(`| ${task.name} | ${cell(task)} | ${cell(other)} | ${ratio} |`);
}
console.log(`\nnotices (real): ${(real.notices ?? []).join(' | ')}`);
console.log(`notices (generated): ${(generated.notices ?? []).join(' | ')}`);
console.log(`load at end: ${load()}; wall ${((performance.now() - started) / 1000).toFixed(0)} s`);
