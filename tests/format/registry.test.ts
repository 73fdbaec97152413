// parallel-safe: pure computation on fixed inputs
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isRuneBenchError } from '../../src/core/errors.js';
import type { FormatInput, Formatter } from '../../src/format/formatter.js';
import { formatterSupports, getFormatter, hasFormatter, listFormatters, registerFormatter, unregisterFormatter } from '../../src/format/registry.js';
import { fixture } from './fixtures.js';

void test('the built-ins are registered with extension and media type', () => {
  const ids = listFormatters().map((f) => f.id);
  for (const id of ['table', 'json', 'html', 'markdown', 'prometheus', 'openmetrics']) assert.ok(ids.includes(id), id);
  assert.equal(getFormatter('html').extension, 'html');
  assert.match(getFormatter('html').mediaType, /^text\/html/);
  assert.equal(getFormatter('json').mediaType, 'application/json');
  assert.match(getFormatter('prometheus').mediaType, /^text\/plain; version=0\.0\.4/);
  assert.equal(getFormatter('markdown').extension, 'md');
});

void test('an unknown id is ERR_NOT_FOUND naming the known ones', () => {
  assert.throws(
    () => getFormatter('yaml'),
    (err: unknown) => isRuneBenchError(err, 'ERR_NOT_FOUND') && err.message.includes('table') && err.message.includes('yaml'),
  );
  assert.equal(hasFormatter('yaml'), false);
});

void test('a user formatter registers, formats real results, and is looked up like a built-in', async () => {
  const csv: Formatter = {
    id: 'my-csv',
    extension: 'csv',
    mediaType: 'text/csv',
    kinds: ['suite'],
    format(input: FormatInput): string {
      if (input.kind !== 'suite') throw new Error('suite only');
      return ['task,median_seconds', ...input.result.tasks.map((t) => `${JSON.stringify(t.name)},${t.stats?.median ?? ''}`)].join('\n');
    },
  };
  registerFormatter(csv);
  try {
    assert.equal(getFormatter('my-csv'), csv);
    assert.equal(formatterSupports(csv, 'suite'), true);
    assert.equal(formatterSupports(csv, 'history'), false);
    assert.equal(formatterSupports(getFormatter('table'), 'history'), true);
    const { result } = await fixture();
    const child = result.children?.[1];
    assert.ok(child);
    const lines = getFormatter('my-csv').format({ kind: 'suite', result: child }).split('\n');
    assert.equal(lines.length, child.tasks.length + 1);
    assert.match(lines[1] ?? '', /^"sha256 4KiB",\d/);
    assert.throws(() => {
      registerFormatter(csv);
    }, (err: unknown) => isRuneBenchError(err, 'ERR_DUPLICATE'));
    const replacement = { ...csv, description: 'v2' };
    registerFormatter(replacement, { replace: true });
    assert.equal(getFormatter('my-csv').description, 'v2');
  } finally {
    assert.equal(unregisterFormatter('my-csv'), true);
  }
  assert.equal(hasFormatter('my-csv'), false);
});

void test('malformed formatters are TypeErrors naming the field', () => {
  const good = { id: 'ok-id', extension: 'txt', mediaType: 'text/plain', format: () => '' };
  assert.throws(() => {
    registerFormatter({ ...good, id: 'Bad Id' });
  }, /formatter\.id/);
  assert.throws(() => {
    registerFormatter({ ...good, extension: '.txt' });
  }, /formatter\.extension/);
  assert.throws(() => {
    registerFormatter({ ...good, mediaType: '' });
  }, /formatter\.mediaType/);
  assert.throws(() => {
    registerFormatter({ ...good, format: 'nope' } as unknown as Formatter);
  }, /formatter\.format/);
  assert.equal(hasFormatter('ok-id'), false);
});
