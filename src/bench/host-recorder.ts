// Records the host's conditions over a run: a reading at the start, readings at an interval, one at the end.
import { systemClock, type Clock } from '../core/clock.js';
import { hostConditionsBetween, readHostReading, type HostConditions, type HostReading } from './host-conditions.js';

/** Milliseconds between readings while a run lasts. */
const READING_INTERVAL_MS = 250;

/**
 * Starts recording the host's conditions now; the returned function stops and returns them. The run's own CPU
 * time (this process's) is subtracted from the machine's busy time, so the rest is other processes'.
 *
 * @param clock - where the readings' times come from @defaultValue `systemClock`
 * @param read - how a reading is taken (tests inject one) @defaultValue `readHostReading`
 * @internal
 */
export function recordHostConditions(clock: Clock = systemClock, read: (clock: Clock) => HostReading = readHostReading): () => HostConditions {
  const ownStart = process.cpuUsage();
  const start = read(clock);
  const readings: HostReading[] = [];
  const timer = setInterval(() => {
    readings.push(read(clock));
  }, READING_INTERVAL_MS);
  timer.unref();
  return () => {
    clearInterval(timer);
    readings.push(read(clock));
    const own = process.cpuUsage(ownStart);
    return hostConditionsBetween(start, readings, (own.user + own.system) / 1e6);
  };
}
