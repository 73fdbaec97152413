// Rule: a cache misses most lookups, or evicts nearly everything it admits (thrashing).
import { Severity } from '../../../core/findings.js';
import type { MetricSnapshot } from '../../../core/snapshot.js';
import type { BottleneckRule, BottleneckRuleResult } from '../bottleneck-rule.js';
import { insufficientData } from '../bottleneck-rule.js';
import { mean } from '../../../stats/summary.js';
import { bandOf, counterDelta, evidence, finding, namePartsOf, seriesOf, worst, type SeverityBands } from '../bottleneck-window.js';
import { validateOptions, type OptionRules } from '../../../core/options.js';
import { integerAtLeast, numberWithin, severityBandsRule } from '../rule-options.js';

/**
 * Options of {@link cacheEfficiencyRule}.
 *
 * @beta
 */
export interface CacheEfficiencyRuleOptions {
  /**
   * Bands for the miss ratio over the window (misses / lookups, 0-1).
   *
   * @defaultValue `{ low: 0.2, medium: 0.5, high: 0.8, critical: Infinity }`
   */
  readonly missRatio?: SeverityBands;
  /**
   * Evictions per miss from which a cache with a miss ratio of at least 0.5 is thrashing (raised one band, up to high).
   *
   * @defaultValue 0.8
   */
  readonly thrashing?: number;
  /**
   * Fewest lookups in the window for a cache to be judged.
   *
   * @defaultValue 100
   */
  readonly minLookups?: number;
}

/** Rule id of {@link cacheEfficiencyRule}. @beta */
export const CACHE_EFFICIENCY = 'cache-efficiency';

const CACHE = /^cache\.(.+)\.(hits|misses|hit_ratio)$/;

interface Verdict {
  readonly name: string;
  readonly severity: Severity;
  readonly missRatio: number;
  readonly lookups: number;
  readonly evictionsPerMiss: number;
  readonly thrashing: boolean;
}

const RULES: OptionRules = { missRatio: severityBandsRule, thrashing: numberWithin(0), minLookups: integerAtLeast(1) };

/**
 * Cache hit ratio low or thrashing: for each cache `<name>` reported as `cache.<name>.hits` and
 * `.misses` counters (or, lacking them, `.hit_ratio`), the miss ratio over the window; a cache that also
 * evicts at least `thrashing` entries per miss (`cache.<name>.evictions`) is thrashing: its working set
 * is larger than its capacity. The worst cache is reported. Impact: its miss ratio in percent (the
 * share of lookups that took the slow path).
 *
 * @beta
 */
export function cacheEfficiencyRule(options: CacheEfficiencyRuleOptions = {}): BottleneckRule {
  const bands = options.missRatio ?? { low: 0.2, medium: 0.5, high: 0.8, critical: Number.POSITIVE_INFINITY };
  const thrashing = options.thrashing ?? 0.8;
  const minLookups = options.minLookups ?? 100;
  validateOptions(options, RULES, 'cacheEfficiencyRule');

  return {
    id: CACHE_EFFICIENCY,
    title: 'Cache hit ratio low',
    scope: 'process',
    evaluate(window: readonly MetricSnapshot[]): BottleneckRuleResult {
      const names = namePartsOf(window, CACHE);
      if (names.length === 0) return insufficientData(CACHE_EFFICIENCY, window, 'no cache.<name>.* metrics in the window', ['cache.<name>.hits']);
      const verdicts: Verdict[] = [];
      let judged = 0;
      for (const name of names) {
        const hits = counterDelta(window, `cache.${name}.hits`);
        const misses = counterDelta(window, `cache.${name}.misses`);
        let missRatio: number;
        let lookups: number;
        if (hits !== undefined && misses !== undefined) {
          lookups = hits.delta + misses.delta;
          if (lookups < minLookups) continue;
          missRatio = misses.delta / lookups;
        } else {
          const ratios = seriesOf(window, `cache.${name}.hit_ratio`).values;
          if (ratios.length < 3) continue;
          lookups = Number.NaN;
          missRatio = 1 - mean(ratios);
        }
        judged++;
        const evictions = counterDelta(window, `cache.${name}.evictions`);
        const evictionsPerMiss = evictions !== undefined && misses !== undefined && misses.delta > 0 ? evictions.delta / misses.delta : Number.NaN;
        const isThrashing = missRatio >= 0.5 && evictionsPerMiss >= thrashing;
        let severity = bandOf(missRatio, bands);
        if (severity !== undefined && isThrashing) severity = worst(severity, severity === Severity.Low ? Severity.Medium : Severity.High);
        if (severity !== undefined) verdicts.push({ name, severity, missRatio, lookups, evictionsPerMiss, thrashing: isThrashing });
      }
      if (judged === 0) return insufficientData(CACHE_EFFICIENCY, window, `no cache had ${minLookups} lookups in the window`);
      const [top] = verdicts.sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || b.missRatio - a.missRatio);
      if (top === undefined) return undefined;
      const ev = [evidence(`cache.${top.name}.hit_ratio (window)`, 1 - top.missRatio, 1 - bands.low)];
      if (Number.isFinite(top.lookups)) ev.push(evidence(`cache.${top.name} lookups (window)`, top.lookups, minLookups));
      if (Number.isFinite(top.evictionsPerMiss)) ev.push(evidence(`cache.${top.name}.evictions per miss`, top.evictionsPerMiss, thrashing));
      const size = seriesOf(window, `cache.${top.name}.size`).values.at(-1);
      if (size !== undefined) ev.push(evidence(`cache.${top.name}.size`, size));
      return finding(CACHE_EFFICIENCY, window, {
        severity: top.severity,
        title: top.thrashing ? `Cache "${top.name}" thrashing` : `Cache "${top.name}" hit ratio low`,
        impact: top.missRatio * 100,
        confidence: Number.isFinite(top.lookups) ? Math.min(1, top.lookups / (10 * minLookups)) * 0.5 + 0.5 : 0.5,
        evidence: ev,
        recommendation:
          (top.thrashing
            ? `Cache "${top.name}" evicts about as many entries as it admits: its working set is larger than its capacity. `
            : `Cache "${top.name}" misses most lookups. `) +
          'Size it to the working set (for an object cache, the objects one tree walk or one diff touches), ' +
          'bound it by bytes with lru-cache maxSize and sizeCalculation so one large blob does not evict many ' +
          'small trees, key it by object id rather than path, and order work for locality (walk trees ' +
          'depth-first, read pack objects in offset order) so entries are reused before they are evicted.',
      });
    },
  };
}

function severityRank(s: Severity): number {
  return s === Severity.Critical ? 3 : s === Severity.High ? 2 : s === Severity.Medium ? 1 : 0;
}
