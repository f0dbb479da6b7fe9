/**
 * Runs `start` (a driver call that only builds a Result) without capturing a JavaScript stack.
 *
 * neo4j-driver builds an Error in every Result's constructor, only to splice its stack into the
 * error should the query fail. Formatting that stack was 5% of a point lookup's server CPU in the
 * benchmark's profile (P1). That stack would only ever point at the executor itself, the one
 * place queries are run, and the executor's query events already name the operation; clients get
 * a coded GraphQLError either way. So the capture is switched off for the synchronous part of the
 * call and restored at once; nothing else runs in between (the call does not yield). A failed
 * query's error keeps its name and message.
 */
export function withoutCallStack<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}
