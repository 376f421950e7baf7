// wait-async.test.mjs — owns the checks of the app's same-thread `Atomics.waitAsync` fallback
// (crates/web/src/wait_async.js), in Node, without a browser: when it installs itself, and that a waiter
// wakes on a change, reports an unchanged value, and times out. (End to end, it is what lets
// Firefox 140 finish a run embedded without isolation: skeleton f, deploy, processes.)

import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';

import { installWaitAsyncFallback } from '../../crates/web/src/wait_async.js';

const native = Atomics.waitAsync;
beforeEach(() => {
  delete Atomics.waitAsync;
  delete globalThis.crossOriginIsolated;
});
afterEach(() => {
  Atomics.waitAsync = native;
  delete globalThis.crossOriginIsolated;
});

const cell = (value) => {
  const ia = new Int32Array(new SharedArrayBuffer(8));
  Atomics.store(ia, 1, value);
  return ia;
};

test('leaves a browser\'s own waitAsync alone, and installs nothing where memory can be shared', () => {
  const own = () => 'own';
  Atomics.waitAsync = own;
  assert.equal(installWaitAsyncFallback(), false);
  assert.equal(Atomics.waitAsync, own);
  delete Atomics.waitAsync;
  globalThis.crossOriginIsolated = true;
  assert.equal(installWaitAsyncFallback(), false);
  assert.equal(Atomics.waitAsync, undefined);
});

test('a value that already differs, or a zero timeout, answers at once', () => {
  assert.equal(installWaitAsyncFallback(), true);
  const ia = cell(1);
  assert.deepEqual(Atomics.waitAsync(ia, 1, 0), { async: false, value: 'not-equal' });
  assert.deepEqual(Atomics.waitAsync(ia, 1, 1, 0), { async: false, value: 'timed-out' });
});

test('a waiter wakes after this thread changes the value in a later task', async () => {
  installWaitAsyncFallback();
  const ia = cell(0);
  const waits = [Atomics.waitAsync(ia, 1, 0), Atomics.waitAsync(ia, 1, 0)];
  assert.ok(waits.every((w) => w.async === true));
  let woken = 0;
  for (const w of waits) w.value.then(() => (woken += 1));
  await new Promise((resolve) => setTimeout(resolve, 30));
  assert.equal(woken, 0, 'nothing wakes while the value is unchanged');
  const t0 = performance.now();
  setTimeout(() => Atomics.store(ia, 1, 1), 0);
  assert.deepEqual(await Promise.all(waits.map((w) => w.value)), ['ok', 'ok']);
  // Timer ticks: clamped to about 4 ms each when nested, so a wake costs a few ms at most.
  assert.ok(performance.now() - t0 < 100, `woken ${performance.now() - t0} ms after the change`);
});

test('an unchanged value times out after about the timeout', async () => {
  installWaitAsyncFallback();
  const ia = cell(7);
  const t0 = performance.now();
  const w = Atomics.waitAsync(ia, 1, 7, 40);
  assert.equal(await w.value, 'timed-out');
  assert.ok(performance.now() - t0 >= 40, 'not before the timeout');
});
