// `run --baseline`: the regression detector compares the two result trees; this only words its report.
import type { SuiteResult } from '../../core/results.js';
import { RegressionDetector } from '../../detect/regression/regression-detector.js';
import type { BetweenRunNoise, ComparisonReport, ConfirmCallback } from '../../detect/regression/regression-types.js';
import { VERDICTS } from '../../detect/regression/verdict.js';
import { ExitCode } from '../command.js';

/**
 * The detector's report and its wording for stderr.
 *
 * @internal
 */
export interface GateOutcome {
  /** What the detector decided. */
  readonly report: ComparisonReport;
  /** One line: counts per verdict. */
  readonly summary: string;
  /** One line per regressed, improved or inconclusive benchmark, then those not compared and the notices. */
  readonly lines: readonly string[];
}

/**
 * Compares `result` with `baseline` through the regression detector (every benchmark of both trees, one
 * Benjamini-Hochberg family) and words the outcome.
 *
 * @internal
 */
export async function gateAgainstBaseline(
  result: SuiteResult,
  baseline: SuiteResult,
  options: {
    readonly threshold: number;
    readonly seed: number;
    readonly signal?: AbortSignal;
    readonly betweenRunNoise?: ReadonlyMap<string, BetweenRunNoise>;
    readonly confirm?: ConfirmCallback;
    /** The baseline is the newest run of the history `betweenRunNoise` came from (the previous stored run). */
    readonly baselineInHistory?: boolean;
  },
): Promise<GateOutcome> {
  const detector = new RegressionDetector({ threshold: options.threshold, seed: options.seed });
  const { signal, betweenRunNoise, confirm, baselineInHistory } = options;
  const report = await detector.compare(baseline, result, {
    baselineInHistory: baselineInHistory === true,
    ...(signal === undefined ? {} : { signal }),
    ...(betweenRunNoise === undefined ? {} : { betweenRunNoise }),
    ...(confirm === undefined ? {} : { confirm }),
  });
  const parts = VERDICTS.map((v) => `${report.comparisons.filter((c) => c.verdict === v).length} ${v}`);
  if (report.notCompared.length > 0) parts.push(`${report.notCompared.length} not compared`);
  const lines: string[] = [];
  if (report.incomparable === undefined) {
    // an inconclusive verdict says why, as a change does: "exit 0" alone would hide what the gate could not tell
    for (const c of report.comparisons) if (c.verdict !== 'unchanged') lines.push(`${c.verdict}: ${c.key}: ${c.reason}`);
  }
  // which noise the intervals cover, once per distinct wording
  for (const covers of new Set(report.comparisons.map((c) => c.intervalCovers))) lines.push(`interval: ${covers}`);
  for (const n of report.notCompared) lines.push(`not compared: ${n.key}: ${n.reason}`);
  for (const n of report.notices) lines.push(`note: ${n}`);
  return { report, summary: parts.join(', '), lines };
}

/**
 * The exit code of a gated run and the one line that explains it: 2 when the runs are not comparable (whatever
 * the flags: a verdict on different things would be wrong), 1 for a regression with `--fail-on-regression`, 4
 * for an inconclusive verdict with `--strict`, else 0.
 *
 * @internal
 */
export function gateExitCode(
  report: ComparisonReport,
  options: { readonly failOnRegression: boolean; readonly strict: boolean },
): { readonly code: number; readonly line?: string } {
  if (report.incomparable !== undefined) return { code: ExitCode.Usage, line: `error: not comparable with the baseline: ${report.incomparable}` };
  const regressed = report.regressed.length;
  if (options.failOnRegression && regressed > 0) {
    return { code: ExitCode.Regression, line: `${regressed} regression${regressed === 1 ? '' : 's'} found (--fail-on-regression)` };
  }
  const inconclusive = report.comparisons.filter((c) => c.verdict === 'inconclusive').length;
  if (options.strict && inconclusive > 0) {
    return { code: ExitCode.Inconclusive, line: `${inconclusive} inconclusive verdict${inconclusive === 1 ? '' : 's'} (--strict)` };
  }
  return { code: ExitCode.Ok };
}
