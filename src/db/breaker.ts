/**
 * A circuit breaker for the database. While Neo4j is known to be unreachable, new transactions fail
 * at once with SERVICE_UNAVAILABLE instead of each waiting out its own retries: during an outage a
 * client hears "try again shortly" in milliseconds, and the server holds no pile of waiting requests.
 *
 * closed → (a transaction gives up on connectivity) → open → every cool-down, the breaker asks the
 * database itself (`probe`) → an answer closes it; a failure keeps it open until the next probe.
 *
 * No user request is the trial. When one was (the half-open state this replaced), it waited for
 * whatever the database did while coming back: a Neo4j that accepts connections while it starts
 * held that request for the driver's connection timeouts (7.2-10.6 s in the outage test, against
 * 2 s for every other answer). The probe waits instead, and requests are refused until it answers.
 */
export class CircuitBreaker {
  private isOpen = false;
  private next: NodeJS.Timeout | undefined;
  private probing = false;
  private stopped = false;

  constructor(
    /** One round trip to the database; resolves when it answered. */
    private readonly probe: () => Promise<void>,
    /** How long the breaker waits after opening, and after a failed probe, before probing. */
    private readonly coolDownMs = 1_000,
  ) {}

  get state(): 'closed' | 'open' {
    return this.isOpen ? 'open' : 'closed';
  }

  /** May a transaction go to the database now? */
  admits(): boolean {
    return !this.isOpen;
  }

  /** The database answered: close. */
  succeeded(): void {
    this.isOpen = false;
    clearTimeout(this.next);
    this.next = undefined;
  }

  /** A transaction gave up because the database could not be reached: open, and probe after the cool-down. */
  failed(): void {
    this.isOpen = true;
    this.schedule();
  }

  /** No more probes (the executor is closing). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.next);
    this.next = undefined;
  }

  private schedule(): void {
    if (this.stopped || this.probing || this.next) return;
    this.next = setTimeout(() => {
      this.next = undefined;
      this.probing = true;
      this.probe().then(
        () => {
          this.probing = false;
          this.succeeded();
        },
        () => {
          this.probing = false;
          if (this.isOpen) this.schedule();
        },
      );
    }, this.coolDownMs);
    // A pending probe never keeps the process alive.
    this.next.unref();
  }
}
