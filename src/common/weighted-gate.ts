/** Given back once the admitted work is done; a second call does nothing. */
export type Release = () => void;

interface Waiter {
  weight: number;
  admit: (release: Release) => void;
  refuse: (reason: GateRefusal) => void;
  timer?: NodeJS.Timeout;
  gone?: () => boolean;
}

const REASONS = { 'queue-full': 'too many waiting', timeout: 'waited too long', gone: 'no one waits for it' };

/** Why a caller was not admitted: the queue was full, it waited too long, or whoever asked has left. */
export class GateRefusal extends Error {
  constructor(readonly reason: keyof typeof REASONS) {
    super(REASONS[reason]);
  }
}

/**
 * A weighted semaphore: work enters while the weight in flight stays within `capacity`, in arrival
 * order. A heavy caller at the head of the queue holds back lighter ones behind it (as Go's
 * x/sync/semaphore does), so a steady stream of cheap work can never starve it; a weight above the
 * capacity is counted as the capacity, so any single piece of work can run alone.
 *
 * async-mutex's Semaphore is weighted too, but its timeout leaves a caller that gave up in the queue
 * until its turn comes (then releases it at once): a burst that timed out would still stand at the
 * head, ahead of callers that are still waiting. Here a caller that gives up leaves the queue at once.
 */
export class WeightedGate {
  private used = 0;
  private readonly queue: Waiter[] = [];

  constructor(
    readonly capacity: number,
    /** Callers allowed to wait at once; one more is refused at once. */
    private readonly maxWaiting = Infinity,
  ) {
    if (!(capacity > 0)) throw new RangeError('capacity must be positive');
  }

  /** The weight admitted and not yet released. */
  get inFlight(): number {
    return this.used;
  }

  get waiting(): number {
    return this.queue.length;
  }

  /**
   * Wait for room for `weight`, at most `timeoutMs` (no limit when omitted). Resolves with the
   * release; rejects with a GateRefusal when the queue is full or the wait runs out, or when `gone()`
   * says, as its turn comes, that nobody wants the work any more (it is then skipped, not run).
   */
  acquire(weight: number, timeoutMs?: number, gone?: () => boolean): Promise<Release> {
    const w = Math.min(Math.max(weight, 0), this.capacity);
    if (this.queue.length === 0 && this.used + w <= this.capacity) {
      return Promise.resolve(this.take(w));
    }
    if (this.queue.length >= this.maxWaiting) return Promise.reject(new GateRefusal('queue-full'));
    return new Promise<Release>((admit, refuse) => {
      const waiter: Waiter = { weight: w, admit, refuse, gone };
      if (timeoutMs !== undefined) {
        waiter.timer = setTimeout(() => this.giveUp(waiter), timeoutMs);
        waiter.timer.unref();
      }
      this.queue.push(waiter);
    });
  }

  private take(weight: number): Release {
    this.used += weight;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.used -= weight;
      this.admitWaiting();
    };
  }

  private admitWaiting(): void {
    for (let next = this.queue[0]; next && this.used + next.weight <= this.capacity; next = this.queue[0]) {
      this.queue.shift();
      if (next.timer) clearTimeout(next.timer);
      if (next.gone?.()) next.refuse(new GateRefusal('gone'));
      else next.admit(this.take(next.weight));
    }
  }

  private giveUp(waiter: Waiter): void {
    const at = this.queue.indexOf(waiter);
    if (at < 0) return;
    this.queue.splice(at, 1);
    waiter.refuse(new GateRefusal('timeout'));
    // The one that left may have been the head holding lighter callers back.
    if (at === 0) this.admitWaiting();
  }
}
