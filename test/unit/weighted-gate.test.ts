import { type GateRefusal, WeightedGate, type Release } from '../../src/common/weighted-gate';

/** Lets every settled promise run its callbacks. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

/** Acquire and note the order in which callers get in (or are refused). */
function tracker(gate: WeightedGate) {
  const order: string[] = [];
  const releases = new Map<string, Release>();
  const enter = (name: string, weight: number, timeoutMs?: number, gone?: () => boolean) =>
    gate.acquire(weight, timeoutMs, gone).then(
      (release) => {
        order.push(name);
        releases.set(name, release);
      },
      (e: GateRefusal) => order.push(`${name}:${e.reason}`),
    );
  const release = (name: string) => releases.get(name)?.();
  return { order, enter, release };
}

test('work within the budget enters at once; more waits and enters, in order, as room is given back', async () => {
  const gate = new WeightedGate(10);
  const t = tracker(gate);
  void t.enter('a', 6);
  void t.enter('b', 4);
  void t.enter('c', 5);
  void t.enter('d', 5);
  await settle();
  expect(t.order).toEqual(['a', 'b']);
  expect(gate.inFlight).toBe(10);
  expect(gate.waiting).toBe(2);
  t.release('a');
  await settle();
  expect(t.order).toEqual(['a', 'b', 'c']);
  t.release('b');
  await settle();
  expect(t.order).toEqual(['a', 'b', 'c', 'd']);
  t.release('c');
  t.release('d');
  expect(gate.inFlight).toBe(0);
});

test('a heavy caller at the head holds lighter ones back, so a stream of light work cannot starve it', async () => {
  const gate = new WeightedGate(10);
  const t = tracker(gate);
  void t.enter('light1', 2);
  void t.enter('heavy', 10);
  void t.enter('light2', 1);
  await settle();
  expect(t.order).toEqual(['light1']);
  t.release('light1');
  await settle();
  expect(t.order).toEqual(['light1', 'heavy']);
  t.release('heavy');
  await settle();
  expect(t.order).toEqual(['light1', 'heavy', 'light2']);
});

test('a weight above the budget counts as the budget: it runs alone rather than never', async () => {
  const gate = new WeightedGate(10);
  const t = tracker(gate);
  void t.enter('huge', 1_000_000);
  void t.enter('small', 1);
  await settle();
  expect(t.order).toEqual(['huge']);
  expect(gate.inFlight).toBe(10);
  t.release('huge');
  await settle();
  expect(t.order).toEqual(['huge', 'small']);
});

test('releasing twice gives the room back once', async () => {
  const gate = new WeightedGate(10);
  const release = await gate.acquire(4);
  release();
  release();
  expect(gate.inFlight).toBe(0);
  await gate.acquire(10);
  expect(gate.inFlight).toBe(10);
});

test('a caller that waits too long is refused and leaves the queue, letting the ones behind it in', async () => {
  jest.useFakeTimers();
  try {
    const gate = new WeightedGate(10);
    const t = tracker(gate);
    void t.enter('a', 5);
    void t.enter('heavy', 10, 100);
    void t.enter('b', 5, 10_000);
    await Promise.resolve();
    jest.advanceTimersByTime(100);
    await jest.runAllTicks();
    await Promise.resolve();
    await Promise.resolve();
    expect(t.order).toEqual(['a', 'heavy:timeout', 'b']);
    expect(gate.waiting).toBe(0);
    expect(gate.inFlight).toBe(10);
  } finally {
    jest.useRealTimers();
  }
});

test('a full queue refuses at once', async () => {
  const gate = new WeightedGate(1, 2);
  const t = tracker(gate);
  void t.enter('a', 1);
  void t.enter('b', 1);
  void t.enter('c', 1);
  void t.enter('d', 1);
  await settle();
  expect(t.order).toEqual(['a', 'd:queue-full']);
  expect(gate.waiting).toBe(2);
});

test('a waiter whose caller has gone by its turn is skipped, not run', async () => {
  const gate = new WeightedGate(1);
  const t = tracker(gate);
  let hungUp = false;
  void t.enter('a', 1);
  void t.enter('left', 1, undefined, () => hungUp);
  void t.enter('b', 1);
  await settle();
  hungUp = true;
  t.release('a');
  await settle();
  expect(t.order).toEqual(['a', 'left:gone', 'b']);
  expect(gate.inFlight).toBe(1);
});

test('a budget must be positive', () => {
  expect(() => new WeightedGate(0)).toThrow(RangeError);
});
