// parallel-safe: pure computation on fixed inputs
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { paint, severityStyle, shouldUseColor, stripAnsi, visibleWidth } from '../../src/format/color.js';
import { tableFormatter } from '../../src/format/table-formatter.js';
import { fixture } from './fixtures.js';

const tty = { isTTY: true };
const pipe = { isTTY: false };

void test('colour only on a TTY, honouring NO_COLOR, FORCE_COLOR and TERM=dumb', () => {
  assert.equal(shouldUseColor({ stream: tty, env: {} }), true);
  assert.equal(shouldUseColor({ stream: pipe, env: {} }), false);
  assert.equal(shouldUseColor({ env: {} }), false);
  assert.equal(shouldUseColor({ stream: tty, env: { NO_COLOR: '1' } }), false);
  assert.equal(shouldUseColor({ stream: tty, env: { NO_COLOR: '' } }), true, 'an empty NO_COLOR does not count');
  assert.equal(shouldUseColor({ stream: pipe, env: { FORCE_COLOR: '1' } }), true);
  assert.equal(shouldUseColor({ stream: pipe, env: { FORCE_COLOR: '' } }), true);
  assert.equal(shouldUseColor({ stream: tty, env: { FORCE_COLOR: '0' } }), false);
  assert.equal(shouldUseColor({ stream: tty, env: { FORCE_COLOR: 'false' } }), false);
  assert.equal(shouldUseColor({ stream: pipe, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }), true, 'FORCE_COLOR wins');
  assert.equal(shouldUseColor({ stream: tty, env: { TERM: 'dumb' } }), false);
});

void test('paint adds ANSI codes only when enabled; width ignores them', () => {
  assert.equal(paint('x', 'red', false), 'x');
  const red = paint('µs', 'red', true);
  assert.equal(red, '\u001b[31mµs\u001b[39m');
  assert.equal(stripAnsi(red), 'µs');
  assert.equal(visibleWidth(red), 2);
  assert.equal(severityStyle('critical'), 'red');
  assert.equal(severityStyle('medium'), 'yellow');
});

void test('the table formatter colours severity and status only when colour is on', async () => {
  const { result, baseline } = await fixture();
  const plain = tableFormatter.format({ kind: 'suite', result, baseline }, { color: false });
  const coloured = tableFormatter.format({ kind: 'suite', result, baseline }, { color: true });
  assert.doesNotMatch(plain, /\u001b\[/);
  assert.match(coloured, /\u001b\[31m\[CRITICAL\]\u001b\[39m/);
  assert.match(coloured, /\u001b\[33m\[HIGH\]|\u001b\[31m\[HIGH\]/);
  assert.match(coloured, /\u001b\[31mfailed/);
  // Same text once the codes are stripped: colour never changes the content or the alignment.
  assert.equal(stripAnsi(coloured), plain);
});
