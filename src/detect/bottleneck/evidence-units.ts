// Units of a finding's evidence, from the metric descriptors of the window it was found in.
import type { BottleneckFinding } from '../../core/findings.js';
import type { MetricSnapshot } from '../../core/snapshot.js';

/**
 * The finding with each evidence's unit filled in from the window's metric descriptors, so reports never
 * guess a unit from a metric name (a note in parentheses after the name is ignored).
 *
 * @internal
 */
export function withUnits(finding: BottleneckFinding, window: readonly MetricSnapshot[]): BottleneckFinding {
  const last = window.at(-1);
  if (last === undefined) return finding;
  const evidence = finding.evidence.map((ev) => {
    if (ev.unit !== undefined) return ev;
    const unit = last.descriptors[ev.metric]?.unit ?? last.descriptors[ev.metric.replace(/\s*\(.*\)$/, '')]?.unit;
    return unit === undefined ? ev : { ...ev, unit };
  });
  return evidence.some((ev, i) => ev !== finding.evidence[i]) ? { ...finding, evidence } : finding;
}
