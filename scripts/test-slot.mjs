// Preloaded into every test file's process by scripts/run-tests.mjs, which runs two test files at a time.
// Files marked `// parallel-safe: <why>` near their top (their assertions depend on no timing and no free CPU)
// may run beside each other; every other file runs alone, because it measures the machine (timing verdicts,
// CPU shares, event-loop delay, host conditions) and another file beside it would be noise in its figures.
//
// A readers-writer lock in a directory the runner makes (RUNE_BENCH_TEST_SLOTS): a parallel-safe file holds a
// `shared-PID` entry; any other file takes the `exclusive` directory (mkdir is atomic; waiters queue in arrival
// order) and then waits until no live process holds a shared entry. Entries of processes that died are ignored
// (a killed file cannot wedge the run). Child processes inherit the environment but are not test files, so they take no slot.
//
// RUNE_BENCH_TEST_TIMES=<file> (opt-in) appends one line per test file process when it exits:
// `<path> <shared|alone> <start> <held> <end> <cpu> <children>`: epoch milliseconds of the process's start, the slot
// taken and the exit (end - held is the file's own run, held - start its wait for a slot), then CPU seconds (user +
// system) of the process and of the child processes it waited for (Linux; `-` elsewhere), which a loaded machine
// moves far less than the times. Sort it to find the long files:
//   awk '{ printf "%7.1f %s %s\n", ($5 - $4) / 1000, $2, $1 }' times.txt | sort -rn | head
import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const dir = process.env.RUNE_BENCH_TEST_SLOTS;
const file = process.argv[1] ?? '';
const POLL_MS = 50;

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error?.code === 'EPERM';
  }
};

/** CPU seconds of the child processes this one waited for (cutime + cstime, in USER_HZ = 100 ticks), or `-`. */
function childrenCpu() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[13]) + Number(fields[14])) / 100).toFixed(2);
  } catch {
    return '-';
  }
}

/** True when the file says it may run beside other files. */
export function isParallelSafe(path) {
  const head = readFileSync(path, 'utf8').split('\n', 40);
  return head.some((line) => line.startsWith('// parallel-safe:'));
}

const ownerOf = (lock) => {
  try {
    return Number(readFileSync(join(lock, 'pid'), 'utf8'));
  } catch {
    return Number.NaN; // being taken (between mkdir and writing the pid) or released
  }
};

async function takeExclusive(slots) {
  const lock = join(slots, 'exclusive');
  // First come, first served: a file may take the lock only as the oldest live waiter, so a file that started
  // waiting early is not overtaken again and again by later ones (its wait counts against its timeout).
  const ticket = `wait-${String(Date.now()).padStart(15, '0')}-${String(process.pid).padStart(10, '0')}`;
  writeFileSync(join(slots, ticket), '');
  process.on('exit', () => rmSync(join(slots, ticket), { force: true }));
  for (;;) {
    const oldest = readdirSync(slots)
      .filter((name) => name.startsWith('wait-'))
      .sort()
      .find((name) => alive(Number(name.slice(name.lastIndexOf('-') + 1))));
    if (oldest === ticket) {
      try {
        mkdirSync(lock);
        writeFileSync(join(lock, 'pid'), String(process.pid));
        break;
      } catch (error) {
        if (error?.code !== 'EEXIST') throw error;
        const owner = ownerOf(lock);
        if (Number.isInteger(owner) && !alive(owner)) {
          rmSync(lock, { recursive: true, force: true });
          continue;
        }
      }
    }
    await sleep(POLL_MS);
  }
  rmSync(join(slots, ticket), { force: true });
  process.on('exit', () => rmSync(lock, { recursive: true, force: true }));
  // the shared holders started before this file took the lock: let them finish
  for (;;) {
    const holders = readdirSync(slots)
      .filter((name) => name.startsWith('shared-'))
      .map((name) => Number(name.slice('shared-'.length)))
      .filter((pid) => alive(pid));
    if (holders.length === 0) return;
    await sleep(POLL_MS);
  }
}

async function takeShared(slots) {
  const lock = join(slots, 'exclusive');
  const entry = join(slots, `shared-${String(process.pid)}`);
  process.on('exit', () => rmSync(entry, { force: true }));
  // The entry is written before the lock is looked at: a file taking the lock meanwhile then sees the entry and
  // waits for it, so the two never both go on.
  for (;;) {
    writeFileSync(entry, '');
    if (!existsSync(lock)) return;
    const owner = ownerOf(lock);
    if (Number.isInteger(owner) && !alive(owner)) return;
    rmSync(entry, { force: true });
    await sleep(POLL_MS);
  }
}

if (dir !== undefined && process.env.RUNE_BENCH_TEST_SLOT_HELD === undefined && file.endsWith('.test.ts')) {
  process.env.RUNE_BENCH_TEST_SLOT_HELD = String(process.pid);
  const shared = isParallelSafe(file);
  if (shared) await takeShared(dir);
  else await takeExclusive(dir);
  const times = process.env.RUNE_BENCH_TEST_TIMES;
  if (times !== undefined && times !== '') {
    const start = Math.round(performance.timeOrigin);
    const held = Date.now();
    const path = relative(process.cwd(), file);
    process.on('exit', () => {
      const end = Date.now();
      const own = process.cpuUsage();
      appendFileSync(times, `${path} ${shared ? 'shared' : 'alone'} ${start} ${held} ${end} ${((own.user + own.system) / 1e6).toFixed(2)} ${childrenCpu()}\n`);
    });
  }
}
