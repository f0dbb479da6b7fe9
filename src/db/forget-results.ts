import type { Session } from 'neo4j-driver';

/**
 * Empties a closed session's list of the results it ran.
 *
 * neo4j-driver's Session keeps every Result from `run` in a private list (to cancel them on
 * close) and never lets go of it. Under load, a session that has reached V8's old generation then
 * holds, through that list, its results and their stream observers after it is dead. Those keep
 * the following queries' objects alive through young-generation collections until the next full
 * one. In the benchmark's point lookups nearly every query's objects were promoted that way: a
 * driver-only loop promoted about 5 KB per query, and 0.2 KB with the list emptied. Once the
 * session is closed the list has no use, so emptying it changes nothing else. If a driver version
 * drops the field this does nothing; a unit test notices.
 */
export function forgetResults(session: Session): void {
  const results = (session as unknown as { _results?: unknown })._results;
  if (Array.isArray(results)) results.length = 0;
}
