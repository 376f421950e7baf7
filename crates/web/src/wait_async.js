// wait_async.js — a same-thread `Atomics.waitAsync`, installed by wait_async.rs beside it where a
// page or worker is not cross-origin isolated and the browser has none (see there for why).
// Owns only that fallback. Tested without a browser by tests/e2e/wait-async.test.mjs.

export function installWaitAsyncFallback() {
  if (typeof Atomics.waitAsync === 'function' || globalThis.crossOriginIsolated) return false;
  const waiters = [];
  let scheduled = false;
  const tick = () => {
    scheduled = false;
    const now = performance.now();
    for (let i = waiters.length - 1; i >= 0; i -= 1) {
      const w = waiters[i];
      const changed = Atomics.load(w.ia, w.index) !== w.value;
      if (changed || now >= w.deadline) {
        waiters.splice(i, 1);
        w.resolve(changed ? 'ok' : 'timed-out');
      }
    }
    schedule();
  };
  const schedule = () => {
    if (!scheduled && waiters.length > 0) {
      scheduled = true;
      setTimeout(tick, 0);
    }
  };
  Atomics.waitAsync = (ia, index, value, timeout = Infinity) => {
    if (Atomics.load(ia, index) !== value) return { async: false, value: 'not-equal' };
    if (!(Number(timeout) > 0)) return { async: false, value: 'timed-out' };
    let resolve;
    const promise = new Promise((r) => { resolve = r; });
    waiters.push({ ia, index, value, resolve, deadline: performance.now() + Number(timeout) });
    schedule();
    return { async: true, value: promise };
  };
  return true;
}
