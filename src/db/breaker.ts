/**
 * A circuit breaker for the database. While Neo4j is known to be unreachable, new transactions fail
 * at once with SERVICE_UNAVAILABLE instead of each waiting out its own retries: during an outage a
 * client hears "try again shortly" in milliseconds, and the server holds no pile of waiting requests.
 *
 * closed → (a transaction gives up on connectivity) → open → (cool-down passes) → half-open: one
 * trial transaction goes through; its success (or a successful ping) closes the breaker, its
 * failure opens it again.
 */
export class CircuitBreaker {
  private openUntil = 0;
  private isOpen = false;
  private trialInFlight = false;

  constructor(
    /** How long the breaker stays open before letting one trial through. */
    private readonly coolDownMs = 1_000,
    private readonly now: () => number = Date.now,
  ) {}

  get state(): 'closed' | 'open' | 'half-open' {
    if (!this.isOpen) return 'closed';
    return this.now() < this.openUntil ? 'open' : 'half-open';
  }

  /**
   * May a transaction go to the database now? When it returns 'trial', the caller must report the
   * outcome with succeeded() or failed().
   */
  admit(): 'yes' | 'trial' | 'no' {
    if (!this.isOpen) return 'yes';
    if (this.now() < this.openUntil || this.trialInFlight) return 'no';
    this.trialInFlight = true;
    return 'trial';
  }

  /** The database answered: close. */
  succeeded(): void {
    this.isOpen = false;
    this.trialInFlight = false;
  }

  /** A transaction gave up because the database could not be reached: open (again). */
  failed(): void {
    this.isOpen = true;
    this.trialInFlight = false;
    this.openUntil = this.now() + this.coolDownMs;
  }

  /** A trial ended with an error that says nothing about reachability: let the next one try. */
  released(): void {
    this.trialInFlight = false;
  }
}
