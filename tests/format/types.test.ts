// parallel-safe: pure computation on fixed inputs
import { test } from 'node:test';
import { expectTypeOf } from 'expect-type';
import type { MetricSnapshot } from '../../src/core/snapshot.js';
import type { SuiteResult } from '../../src/core/results.js';
import type { Verdict } from '../../src/detect/regression/verdict.js';
import type { FormatInput, FormatInputKind, FormatOptions, Formatter, TrendSeries } from '../../src/format/formatter.js';
import { getFormatter, listFormatters, registerFormatter } from '../../src/format/registry.js';

void test('the Formatter and FormatInput types are pinned', () => {
  expectTypeOf<FormatInputKind>().toEqualTypeOf<'suite' | 'history' | 'findings' | 'trends'>();
  expectTypeOf(getFormatter).returns.toEqualTypeOf<Formatter>();
  expectTypeOf(listFormatters).returns.toEqualTypeOf<readonly Formatter[]>();
  expectTypeOf<Parameters<Formatter['format']>[0] extends FormatInput ? true : false>().toEqualTypeOf<true>();
  expectTypeOf<FormatInput extends Parameters<Formatter['format']>[0] ? true : false>().toEqualTypeOf<true>();
  expectTypeOf<Parameters<Formatter['format']>[1]>().toEqualTypeOf<FormatOptions | undefined>();
  expectTypeOf<Formatter['format']>().returns.toBeString();
  expectTypeOf<Extract<FormatInput, { kind: 'suite' }>['result']>().toEqualTypeOf<SuiteResult>();
  expectTypeOf<Extract<FormatInput, { kind: 'history' }>['snapshots']>().toEqualTypeOf<readonly MetricSnapshot[]>();
  expectTypeOf<Extract<FormatInput, { kind: 'trends' }>['series']>().toEqualTypeOf<readonly TrendSeries[]>();
  expectTypeOf<NonNullable<Extract<FormatInput, { kind: 'suite' }>['comparison']>['comparisons'][number]['verdict']>().toEqualTypeOf<Verdict>();

  // Narrowing on `kind` gives the right fields.
  const describe = (input: FormatInput): number => {
    switch (input.kind) {
      case 'suite':
        return input.result.tasks.length;
      case 'history':
        return input.snapshots.length;
      case 'findings':
        return input.findings.length;
      case 'trends':
        return input.series.length;
    }
  };
  expectTypeOf(describe).returns.toBeNumber();

  // @ts-expect-error a formatter needs an id, an extension and a media type
  const incomplete: Formatter = { format: () => '' };
  // @ts-expect-error an unknown input kind is rejected
  const wrong: FormatInput = { kind: 'yaml', result: {} };
  // @ts-expect-error options are typed
  const badOptions: FormatOptions = { color: 'yes' };
  expectTypeOf([incomplete, wrong, badOptions]).toBeArray();
  expectTypeOf(registerFormatter).parameter(1).toEqualTypeOf<{ readonly replace?: boolean } | undefined>();
});
