// The `network` suite: fetch, push and ref negotiation through a loopback proxy under condition profiles.
import { BenchmarkSuite } from '../../bench/benchmark-suite.js';
import type { KeyFigure, SuiteResult } from '../../core/results.js';
import { SuiteResultBuilder } from '../../bench/result-builder.js';
import type { SuiteRunOptions, SuiteScale } from '../../core/suite.js';
import { ProgressReporter } from '../common/progress.js';
import { byScale, param, resolveScale, throwIfAborted } from '../common/scale.js';
import { ExchangeClient, ExchangeServer } from '../../workloads/network/exchange-server.js';
import { NetworkShaper } from '../../workloads/network/network-shaper.js';
import { NETWORK_PROFILES, parseNetworkProfile, type NetworkProfile } from './profiles.js';
import { NETWORK_DEFAULTS } from './network-definition.js';
import { effectiveBandwidth, predictExchange } from '../../workloads/network/tcp-model.js';
import { median, quantile } from '../../stats/quantile.js';

/** Precision each task samples for (the median's 95% interval within ±5%). */
const TARGET_RME = 0.05;

/** Words for a profile's loss model: `2% loss in bursts`, `0.5% loss`, or undefined without loss. */
function lossWords(profile: NetworkProfile): string | undefined {
  const loss = profile.loss;
  if (loss.model === 'none') return undefined;
  if (loss.model === 'bernoulli') return loss.rate > 0 ? `${String(+(loss.rate * 100).toFixed(2))}% loss` : undefined;
  const bad = loss.p / (loss.p + loss.r); // the chain's long-run share of segments in the bad state
  const rate = bad * (loss.lossInBad ?? 1) + (1 - bad) * (loss.lossInGood ?? 0);
  return `${String(+(rate * 100).toFixed(2))}% loss in bursts`;
}

/**
 * Why a profile's tasks that stopped short of the ±5% target could not reach it, when the profile itself makes
 * exchanges vary (jitter, loss): one notice per such profile, naming its tasks. The runner's own notice gives
 * each task's interval and sample count; this one gives the reason.
 *
 * @internal
 */
export function spreadByDesign(profile: NetworkProfile, tasks: SuiteResult['tasks']): string[] {
  const short = tasks.filter((t) => t.tags.includes(profile.name) && t.stats !== undefined && t.stats.rme > TARGET_RME).map((t) => t.name);
  // sub-millisecond jitter (lan's 0.1 ms) is below the timers' granularity: no reason for a spread
  const varies = [profile.jitter >= 0.001 ? `±${String(Math.round(profile.jitter * 1000))} ms jitter` : undefined, lossWords(profile)].filter((w) => w !== undefined);
  if (short.length === 0 || varies.length === 0) return [];
  return [
    `${short.join(', ')}: ${profile.name} models ${varies.join(' and ')}, so its exchanges vary by design (one retransmission ` +
      'timeout moves a whole exchange): that spread is the profile\'s, not the measurement\'s',
  ];
}

interface ScalePlan {
  readonly profiles: readonly string[];
  /** Target seconds of one pack transfer at the profile's effective bandwidth. */
  readonly transferTime: number;
  readonly minPayload: number;
  readonly maxPayload: number;
  readonly samples: number;
  readonly rounds: number;
}

const ALL = Object.keys(NETWORK_PROFILES);
const KIB = 1024;
const MIB = 1024 * KIB;
const PLANS: Readonly<Record<SuiteScale, ScalePlan>> = {
  quick: { profiles: NETWORK_DEFAULTS.profiles, transferTime: 0.15, minPayload: 64 * KIB, maxPayload: 4 * MIB, samples: 6, rounds: NETWORK_DEFAULTS.rounds },
  standard: { profiles: ALL, transferTime: 1, minPayload: 64 * KIB, maxPayload: 32 * MIB, samples: 5, rounds: 8 },
  linux: { profiles: ALL, transferTime: 3, minPayload: 256 * KIB, maxPayload: 256 * MIB, samples: 5, rounds: 16 },
};

/** A negotiation round: up to 32 `have` lines of 50 bytes out, a few ACK lines back (git protocol v2). */
const HAVE_BYTES = 32 * 50 + 4;
const ACK_BYTES = 120;
/** A fetch request (`want` lines and capabilities) and a push report (`ok refs/heads/main`). */
const WANT_BYTES = 200;
const REPORT_BYTES = 40;

function parseProfiles(text: string): NetworkProfile[] {
  // custom profiles contain commas themselves (name:key=v,key=v): split on ';' when present, else on ','
  const parts = text.includes(':') ? text.split(';') : text.split(',');
  return parts.map((p) => p.trim()).filter((p) => p !== '').map(parseNetworkProfile);
}

/** Per-profile measurements gathered by the task functions. */
interface ProfileRecord {
  readonly profile: NetworkProfile;
  readonly payload: number;
  readonly fetch: { ttfb: number[]; duration: number[] };
  readonly push: { duration: number[] };
  readonly rounds: number[];
  shaper?: NetworkShaper;
}

function figure(name: string, value: number, unit: KeyFigure['unit'], description: string): KeyFigure {
  return { name, value, unit, description };
}

/** Runs a `network` suite (loaded on its first run by {@link createNetworkSuite}'s definition). @internal */
export async function runNetwork(id: string, fixed: readonly NetworkProfile[] | undefined, options: SuiteRunOptions = {}): Promise<SuiteResult> {
  const builder = new SuiteResultBuilder(id);
  const scale = resolveScale(options);
  const plan = byScale(scale, PLANS);
  const seed = options.seed ?? 1;
  const signal = options.signal;
  const profilesParam = param(options, 'profiles', 'string');
  const payloadParam = param(options, 'payload', 'number');
  const roundsParam = param(options, 'rounds', 'number');
  if (payloadParam !== undefined && !(Number.isInteger(payloadParam) && payloadParam >= 1 && payloadParam <= 0xffff_ffff)) {
    throw new RangeError('payload parameter must be an integer number of bytes in [1, 4294967295]');
  }
  if (roundsParam !== undefined && !(Number.isInteger(roundsParam) && roundsParam >= 1 && roundsParam <= 1000)) {
    throw new RangeError('rounds parameter must be an integer in [1, 1000]');
  }
  const profiles = profilesParam !== undefined ? parseProfiles(profilesParam) : (fixed ?? plan.profiles.map(parseNetworkProfile));
  const rounds = roundsParam ?? plan.rounds;
  const progress = new ProgressReporter(id, options.onProgress);
  throwIfAborted(signal, `${id} suite`);
  progress.update('start', 0, `${profiles.length} profiles`);

  const server = new ExchangeServer();
  const clients = new Set<ExchangeClient>();
  const records: ProfileRecord[] = [];
  const bench = new BenchmarkSuite(id, { warmup: false, keepSamples: true, seed, ...(signal !== undefined ? { signal } : {}) });
  try {
    const serverPort = await server.listen();
    profiles.forEach((profile, index) => {
      const rate = effectiveBandwidth(profile);
      const payload = payloadParam ?? Math.round(Math.min(plan.maxPayload, Math.max(plan.minPayload, rate * plan.transferTime)));
      const record: ProfileRecord = { profile, payload, fetch: { ttfb: [], duration: [] }, push: { duration: [] }, rounds: [] };
      records.push(record);
      const fetchPrediction = predictExchange(profile, WANT_BYTES, payload);
      const pushPrediction = predictExchange(profile, payload, REPORT_BYTES);
      const roundPrediction = predictExchange(profile, HAVE_BYTES, ACK_BYTES);
      let client: ExchangeClient | undefined;
      let retransmitsBefore = 0;
      const retransmits = (): number => {
        const s = record.shaper?.stats();
        return s === undefined ? 0 : s.up.retransmissions + s.down.retransmissions;
      };
      const setup = async (): Promise<void> => {
        if (record.shaper === undefined) {
          const shaper = new NetworkShaper({ target: { port: serverPort }, profile, seed: seed + 1000 * index });
          record.shaper = shaper;
          await shaper.listen();
        }
        client = await ExchangeClient.connect(record.shaper.port, signal);
        clients.add(client);
        retransmitsBefore = retransmits();
      };
      const teardown = (): void => {
        if (client !== undefined) {
          client.close();
          clients.delete(client);
        }
        client = undefined;
      };
      const conn = (): ExchangeClient => {
        if (client === undefined) throw new TypeError('network task ran without its connection');
        return client;
      };
      // generous per-operation timeout: ten times the prediction plus a few retransmission timeouts
      const timeout = (seconds: number): number => Math.round(1000 * (10 * seconds + 10));
      // At least `samples` exchanges in about the time they take, then more (up to three times as many,
      // within 2.5 times that time) until the median is known to ±5%. Modelled jitter and loss can keep a
      // profile short of that; the suite's notices then say so.
      const timing = (predictedSeconds: number) => {
        const base = Math.max(50, Math.round(plan.samples * predictedSeconds * 1000));
        return { minSamples: plan.samples, maxSamples: plan.samples * 3, timeMs: base, targetRme: TARGET_RME, maxTimeMs: Math.round(2.5 * base) + 2000, warmup: false } as const;
      };
      const name = profile.name;
      bench.add(
        `fetch ${name}`,
        async () => {
          const t = await conn().exchange(WANT_BYTES, payload, signal);
          record.fetch.ttfb.push(t.ttfb);
          record.fetch.duration.push(t.duration);
        },
        {
          ...timing(fetchPrediction.duration),
          setup,
          teardown,
          bytes: payload,
          tags: ['network', 'fetch', name],
          timeoutMs: timeout(fetchPrediction.duration),
          figures: () => {
            const goodput = payload / median(record.fetch.duration);
            return [
              figure('goodput', goodput, 'By/s', 'pack bytes over median transfer time'),
              figure('ttfb.p50', median(record.fetch.ttfb), 's', 'time to first byte, median'),
              figure('transfer.p50', median(record.fetch.duration), 's', 'transfer time, median'),
              figure('transfer.p99', quantile(record.fetch.duration, 0.99), 's', 'transfer time, 99th percentile'),
              figure('retransmissions', retransmits() - retransmitsBefore, '{count}', 'modelled retransmissions during the task'),
              figure('model.goodput', fetchPrediction.goodput, 'By/s', 'goodput the model predicts'),
              figure('model.ttfb', fetchPrediction.ttfb, 's', 'time to first byte the model predicts'),
              figure('model.goodput_ratio', goodput / fetchPrediction.goodput, '1', 'measured over predicted goodput'),
            ];
          },
        },
      );
      bench.add(
        `push ${name}`,
        async () => {
          const t = await conn().exchange(payload, REPORT_BYTES, signal);
          record.push.duration.push(t.duration);
        },
        {
          ...timing(pushPrediction.duration),
          setup,
          teardown,
          bytes: payload,
          tags: ['network', 'push', name],
          timeoutMs: timeout(pushPrediction.duration),
          figures: () => {
            const goodput = payload / median(record.push.duration);
            return [
              figure('goodput', goodput, 'By/s', 'pack bytes over median transfer time'),
              figure('transfer.p50', median(record.push.duration), 's', 'transfer time, median'),
              figure('transfer.p99', quantile(record.push.duration, 0.99), 's', 'transfer time, 99th percentile'),
              figure('retransmissions', retransmits() - retransmitsBefore, '{count}', 'modelled retransmissions during the task'),
              figure('model.goodput', pushPrediction.goodput, 'By/s', 'goodput the model predicts'),
              figure('model.goodput_ratio', goodput / pushPrediction.goodput, '1', 'measured over predicted goodput'),
            ];
          },
        },
      );
      bench.add(
        `negotiate ${name}`,
        async () => {
          const c = conn();
          for (let i = 0; i < rounds; i++) {
            const t = await c.exchange(HAVE_BYTES, ACK_BYTES, signal);
            record.rounds.push(t.duration);
          }
        },
        {
          ...timing(rounds * roundPrediction.duration),
          setup,
          teardown,
          items: rounds,
          tags: ['network', 'negotiation', name],
          timeoutMs: timeout(rounds * roundPrediction.duration),
          figures: () => [
            figure('round_trip.p50', median(record.rounds), 's', 'one have/ACK round trip, median'),
            figure('round_trip.p99', quantile(record.rounds, 0.99), 's', 'one have/ACK round trip, 99th percentile'),
            figure('retransmissions', retransmits() - retransmitsBefore, '{count}', 'modelled retransmissions during the task'),
            figure('model.round_trip', roundPrediction.duration, 's', 'round trip the model predicts (mean)'),
            figure('model.round_trip_ratio', median(record.rounds) / roundPrediction.duration, '1', 'measured median over predicted round trip'),
          ],
        },
      );
    });
    bench.on('task:cycle', (e) => {
      progress.update(e.task, e.fraction);
    });
    let started = 0;
    bench.on('task:start', (info) => {
      started = info.index;
    });
    bench.on('task:complete', (task) => {
      progress.update(task.name, (started + 1) / (3 * profiles.length), `${task.name}: ${task.status}`);
    });
    const result = await bench.run();
    const figures: KeyFigure[] = [];
    for (const r of records) {
      const n = r.profile.name;
      if (r.fetch.duration.length > 0) {
        figures.push(figure(`${n}.fetch.goodput`, r.payload / median(r.fetch.duration), 'By/s', `fetch goodput over ${n}`));
        figures.push(figure(`${n}.fetch.ttfb`, median(r.fetch.ttfb), 's', `fetch time to first byte over ${n}`));
        figures.push(figure(`${n}.fetch.model_ratio`, r.payload / median(r.fetch.duration) / predictExchange(r.profile, WANT_BYTES, r.payload).goodput, '1', 'measured over predicted goodput'));
      }
      if (r.push.duration.length > 0) figures.push(figure(`${n}.push.goodput`, r.payload / median(r.push.duration), 'By/s', `push goodput over ${n}`));
      if (r.rounds.length > 0) figures.push(figure(`${n}.negotiate.round_trip.p99`, quantile(r.rounds, 0.99), 's', `negotiation round trip p99 over ${n}`));
      const s = r.shaper?.stats();
      if (s !== undefined) figures.push(figure(`${n}.retransmissions`, s.up.retransmissions + s.down.retransmissions, '{count}', `modelled retransmissions over ${n}`));
    }
    progress.update('done', 1);
    const notices = [
      `payload per profile: ${records.map((r) => `${r.profile.name} ${(r.payload / MIB).toFixed(2)} MiB`).join(', ')}`,
      ...records.flatMap((r) => spreadByDesign(r.profile, result.tasks)),
      ...(scale === 'quick' && profilesParam === undefined && fixed === undefined
        ? [`quick scale runs ${plan.profiles.join(', ')}; standard runs all ${ALL.length} profiles`]
        : []),
    ];
    return builder.adopt(result).figure(...figures).notice(...notices).build();
  } finally {
    for (const c of clients) c.close();
    await Promise.all(records.map((r) => r.shaper?.close() ?? Promise.resolve()));
    await server.close();
  }
}
