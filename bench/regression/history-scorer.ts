// Scores detected change points against the labels of generated histories.
import type { GeneratedHistory } from './history-generator.js';

/**
 * A detection to score: where and which way.
 *
 * @beta
 */
export interface ScoredDetection {
  /** Index of the first run at the new level. */
  readonly position: number;
  /** `regression` (slower) or `improvement` (faster). */
  readonly direction: 'regression' | 'improvement';
}

/**
 * Options of {@link scoreDetections}.
 *
 * @beta
 */
export interface HistoryScoreOptions {
  /** A detection within this many runs of a true change (same direction) matches it. @defaultValue `2` */
  readonly tolerance?: number;
}

/**
 * Accuracy of a detector over labelled histories.
 *
 * @beta
 */
export interface HistoryScore {
  /** Matched detections / all detections (1 when nothing was detected). */
  readonly precision: number;
  /** Matched true changes / all true changes. */
  readonly recall: number;
  /** Harmonic mean of precision and recall. */
  readonly f1: number;
  /** Detections matched to a true change. */
  readonly truePositives: number;
  /** Detections matching no true change. */
  readonly falsePositives: number;
  /** True changes nobody detected. */
  readonly falseNegatives: number;
  /** Histories without a true change. */
  readonly noChangeHistories: number;
  /** Share of histories without a true change where at least one change was detected, 0-1. */
  readonly noChangeAlarmRate: number;
  /** True changes in the last three runs of their history. */
  readonly tailChanges: number;
  /** Share of those that were detected, 0-1 (1 when there are none). */
  readonly tailRecall: number;
}

/**
 * Matches detections to the true changes of each history (one to one, same direction, within `tolerance`
 * runs, nearest first) and returns precision, recall, F1, the alarm rate on histories without a change and
 * the recall of changes in the last three runs.
 *
 * @param histories - labelled histories
 * @param detections - `detections[i]` are the changes reported for `histories[i]`
 * @param options - matching tolerance
 * @throws RangeError when the two arrays differ in length or the tolerance is negative
 * @beta
 */
export function scoreDetections(
  histories: readonly GeneratedHistory[],
  detections: readonly (readonly ScoredDetection[])[],
  options: HistoryScoreOptions = {},
): HistoryScore {
  const { tolerance = 2 } = options;
  if (!Number.isInteger(tolerance) || tolerance < 0) throw new RangeError('tolerance option must be a non-negative integer');
  if (histories.length !== detections.length) throw new RangeError('detections must have one entry per history');
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let noChange = 0;
  let noChangeAlarms = 0;
  let tail = 0;
  let tailHit = 0;
  histories.forEach((history, i) => {
    const found = detections[i] ?? [];
    const n = history.runs.length;
    if (history.changes.length === 0) {
      noChange++;
      if (found.length > 0) noChangeAlarms++;
    }
    const used = new Set<number>();
    // nearest pairs first, so one detection cannot steal a change from a closer one
    const pairs: { t: number; d: number; dist: number }[] = [];
    history.changes.forEach((change, t) => {
      const direction = change.ratio > 1 ? 'regression' : 'improvement';
      found.forEach((det, d) => {
        const dist = Math.abs(det.position - change.position);
        if (dist <= tolerance && det.direction === direction) pairs.push({ t, d, dist });
      });
    });
    pairs.sort((a, b) => a.dist - b.dist);
    const matchedChanges = new Set<number>();
    for (const pair of pairs) {
      if (matchedChanges.has(pair.t) || used.has(pair.d)) continue;
      matchedChanges.add(pair.t);
      used.add(pair.d);
    }
    tp += matchedChanges.size;
    fn += history.changes.length - matchedChanges.size;
    fp += found.length - used.size;
    history.changes.forEach((change, t) => {
      if (change.position >= n - 3) {
        tail++;
        if (matchedChanges.has(t)) tailHit++;
      }
    });
  });
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    precision,
    recall,
    f1,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    noChangeHistories: noChange,
    noChangeAlarmRate: noChange === 0 ? 0 : noChangeAlarms / noChange,
    tailChanges: tail,
    tailRecall: tail === 0 ? 1 : tailHit / tail,
  };
}
