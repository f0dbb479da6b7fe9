import { parse, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';

/**
 * An answer as JSON, its errors in path order: graphql-jit and graphql-js both report every error
 * but may list them in another order (test/unit/jit-*.test.ts compare the two).
 */
export function plainAnswer(result: ExecutionResult): unknown {
  const json = JSON.parse(JSON.stringify(result)) as { data?: unknown; errors?: { path: unknown[] }[] };
  json.errors?.sort((a, b) => JSON.stringify(a.path).localeCompare(JSON.stringify(b.path)));
  return json;
}

/** `query` compiled by graphql-jit over `schema` and run once, as plainAnswer. */
export async function jitAnswer(schema: GraphQLSchema, query: string): Promise<unknown> {
  const compiledQuery = compileQuery(schema, parse(query));
  if (!isCompiledQuery(compiledQuery)) throw new Error('not compiled');
  return plainAnswer(await compiledQuery.query(undefined, {}, {}));
}

/** The source graphql-jit compiled `query` to, to check which code a site was compiled to. */
export function jitSource(schema: GraphQLSchema, query: string): string {
  const compiledQuery = compileQuery(schema, parse(query), undefined, { debug: true } as never);
  const source = (compiledQuery as unknown as Record<string, unknown>)
    .__DO_NOT_USE_THIS_OR_YOU_WILL_BE_FIRED_compilation;
  if (typeof source !== 'string') throw new Error('graphql-jit gave no compiled source (debug mode)');
  return source;
}
