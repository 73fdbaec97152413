// `run --baseline`: the regression detector compares the two result trees; this only words its report.
import type { SuiteResult } from '../../core/results.js';
import { RegressionDetector } from '../../detect/regression/regression-detector.js';
import type { ComparisonReport } from '../../detect/regression/regression-types.js';
import { VERDICTS } from '../../detect/regression/verdict.js';

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
  /** One line per regressed or improved benchmark, then those not compared and the notices. */
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
  options: { readonly threshold: number; readonly seed: number; readonly signal?: AbortSignal },
): Promise<GateOutcome> {
  const detector = new RegressionDetector({ threshold: options.threshold, seed: options.seed });
  const report = await detector.compare(baseline, result, options.signal === undefined ? {} : { signal: options.signal });
  const parts = VERDICTS.map((v) => `${report.comparisons.filter((c) => c.verdict === v).length} ${v}`);
  if (report.notCompared.length > 0) parts.push(`${report.notCompared.length} not compared`);
  const lines: string[] = [];
  for (const c of report.comparisons) if (c.verdict === 'regressed' || c.verdict === 'improved') lines.push(`${c.verdict}: ${c.key}: ${c.reason}`);
  for (const n of report.notCompared) lines.push(`not compared: ${n.key}: ${n.reason}`);
  for (const n of report.notices) lines.push(`note: ${n}`);
  return { report, summary: parts.join(', '), lines };
}
