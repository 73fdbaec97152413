// Reading the run's context from result JSON: the host's conditions and the run settings (scale, parameters).
import type { HostConditions } from './host-conditions.js';
import type { RunSettings } from '../core/results.js';
import { invalid, optionalNumber, optionalString, requireFiniteNumber, requireObject } from '../core/validate.js';

/**
 * Reads `host` of a result: every field validated, optional ones kept only when present.
 *
 * @internal
 */
export function readHostConditions(raw: unknown, at: string, file?: string): HostConditions {
  const o = requireObject(raw, at, file);
  const n = (key: string): number => requireFiniteNumber(o[key], `${at}.${key}`, file);
  const opt = (key: string): number | undefined => optionalNumber(o[key], `${at}.${key}`, file);
  const cores = n('cores');
  if (!(Number.isInteger(cores) && cores > 0)) throw invalid(`${at}.cores`, `expected a positive integer, got ${cores}`, file);
  const other = opt('otherCpuShare');
  const steal = opt('stealShare');
  const freq = opt('frequencyHz');
  const queue = opt('runnablePerCore');
  return {
    seconds: n('seconds'),
    cores,
    loadPerCoreStart: n('loadPerCoreStart'),
    loadPerCoreDuring: n('loadPerCoreDuring'),
    ...(other === undefined ? {} : { otherCpuShare: other }),
    ...(steal === undefined ? {} : { stealShare: steal }),
    ...(freq === undefined ? {} : { frequencyHz: freq }),
    ...(queue === undefined ? {} : { runnablePerCore: queue }),
  };
}

/**
 * Reads `settings` of a result: an optional scale and parameter values (string, number or boolean).
 *
 * @internal
 */
export function readRunSettings(raw: unknown, at: string, file?: string): RunSettings {
  const o = requireObject(raw, at, file);
  const scale = optionalString(o.scale, `${at}.scale`, file);
  let params: Record<string, string | number | boolean> | undefined;
  if (o.params !== undefined) {
    const p = requireObject(o.params, `${at}.params`, file);
    params = {};
    for (const [key, value] of Object.entries(p)) {
      if (typeof value !== 'string' && typeof value !== 'boolean' && !(typeof value === 'number' && Number.isFinite(value))) {
        throw invalid(`${at}.params.${key}`, 'expected a string, a finite number or a boolean', file);
      }
      params[key] = value;
    }
  }
  return { ...(scale === undefined ? {} : { scale }), ...(params === undefined ? {} : { params }) };
}
