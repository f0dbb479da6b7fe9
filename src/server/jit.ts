import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestListener } from '@apollo/server';
import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  execute,
  type ExecutionResult,
  valueFromASTUntyped,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { Context } from './context';
import { checkVariables } from './variables';

/** Compiled operations kept per process (least recently used beyond this are compiled again). */
const MAX_COMPILED = 1_000;

export interface JitExecution {
  /** Apollo's extension point for replacing execution; here it answers the requests the plugin passed on. */
  gateway: GatewayInterface;
  /** Answers every operation that ran without errors (list it after the plugins that may refuse one). */
  plugin: ApolloServerPlugin<Context>;
}

/**
 * What one execution reads from Apollo's request context: the plugin's context and the gateway's
 * both have these fields, so either is passed as it is.
 */
interface Operation {
  operation: OperationDefinitionNode;
  document: DocumentNode;
  /** Apollo's hash of the document text: the compiled-operation cache's key (none: not compiled). */
  queryHash?: string;
  operationName: string | null;
  request: { variables?: Record<string, unknown> };
}

/**
 * Queries and mutations run through graphql-jit: each operation is compiled once to a function
 * that resolves and completes its fields without graphql-js's per-field interpretation, then
 * reused for every request that sends the same document. Apollo still parses, validates (depth,
 * aliases, cost), runs its plugins and formats errors; only execution changes.
 *
 * An operation that runs without errors is answered from the plugin's `responseForOperation`, a
 * public Apollo hook; one with errors is handed to Apollo's execution step through the gateway
 * executor. Why not the gateway alone: for every request it runs through, Apollo builds a context
 * object with a getter and setter defined in an object literal, and V8 keeps those per-request
 * accessors in its old generation. Until the next full collection they held the whole request
 * (our context, its loaders, Apollo's request context) alive through every young collection, so
 * each request was promoted. Measured, lab, `{ __typename }` at c=8: 445 against 27 MB promoted
 * in 8 s, scavenge pauses 1,144 against 242 ms, 5,000 against 6,230 requests per second.
 *
 * Why not graphql-js: nested answers (thousands of facts) spent most of their server CPU in its
 * execution and the garbage it makes; compiled, the benchmark's P2 request (about 7,000 facts) went
 * from about 270 ms to 170 ms. An operation graphql-jit cannot compile, and any subscription sent
 * over HTTP, runs through graphql-js instead.
 *
 * A variable graphql-jit refuses is answered with graphql-js's error, which Apollo answers as
 * BAD_USER_INPUT with status 400 (graphql-jit's own errors carry no AST node and would be masked as
 * internal); graphql-js checks the variables only then, or when the cost limit makes a new
 * estimate. Omitted variables that have a default get it before graphql-jit sees them:
 * graphql-jit 0.8 rejects an omitted `String! = "…"` that the spec allows.
 */
export function jitExecution(schema: GraphQLSchema): JitExecution {
  const compiled = new Map<string, CompiledQuery | null>();
  let newest = '';
  const compile = (key: string, document: DocumentNode, operationName: string | null) => {
    const hit = compiled.get(key);
    if (hit !== undefined) {
      // Re-insert (Map order is the recency order), unless it is already the newest: a client
      // repeating one operation then costs a lookup per request, not a delete and an insert.
      if (key !== newest) {
        compiled.delete(key);
        compiled.set(key, hit);
        newest = key;
      }
      return hit;
    }
    const result = compileQuery(schema, document, operationName ?? undefined, { disableLeafSerialization: false });
    const query = isCompiledQuery(result) ? result : null;
    compiled.set(key, query);
    newest = key;
    if (compiled.size > MAX_COMPILED) compiled.delete(compiled.keys().next().value as string);
    return query;
  };
  const interpreted = (op: Operation, context: Context) =>
    execute({
      schema,
      document: op.document,
      contextValue: context,
      variableValues: op.request.variables,
      operationName: op.operationName,
    });
  const run = async (op: Operation, context: Context): Promise<ExecutionResult> => {
    const query =
      op.operation.operation === 'subscription' || op.queryHash === undefined
        ? null
        : compile(`${op.queryHash}:${op.operationName ?? ''}`, op.document, op.operationName);
    // graphql-js's execution checks the variables itself.
    if (!query) return interpreted(op, context);
    const result = await query.query(undefined, context, withDefaults(op.operation, op.request.variables ?? {}));
    if ('data' in result) return result;
    // graphql-jit refused the variables (an executed result always has data): graphql-js says why.
    // (checkVariables answers from memory if the cost limit has checked them for this request.)
    const checked = checkVariables(schema, op.operation, op.request);
    if (checked.errors) return { errors: checked.errors };
    return interpreted(op, context); // the two disagree: graphql-js decides
  };
  // Results with errors (and a failure to run at all) go through Apollo's execution step after
  // all, so its error handling (didEncounterErrors, formatError, status 400 for bad variables)
  // applies unchanged: the gateway hands over the outcome already computed instead of running the
  // operation twice.
  const handedOver = new WeakMap<Context, Promise<ExecutionResult>>();
  const listener: GraphQLRequestListener<Context> = {
    async responseForOperation(rc) {
      const outcome = run(rc, rc.contextValue);
      const result = await outcome.catch(() => undefined);
      if (!result || result.errors?.length) {
        handedOver.set(rc.contextValue, outcome);
        return null;
      }
      return { http: { headers: new HeaderMap() }, body: { kind: 'single', singleResult: result } };
    },
  };
  const executor: GatewayExecutor = async (ctx) => {
    const context = ctx.context as Context;
    const outcome = handedOver.get(context);
    if (outcome) {
      handedOver.delete(context);
      return outcome;
    }
    // Only without the plugin (a server built with the gateway alone): still correct, as before.
    return run(ctx, context);
  };
  return {
    gateway: {
      load: async () => ({ executor }),
      onSchemaLoadOrUpdate: (callback) => {
        callback({ apiSchema: schema, coreSupergraphSdl: '' });
        return () => undefined;
      },
      stop: async () => undefined,
    },
    plugin: { requestDidStart: async () => listener },
  };
}

/** The request's variables plus the defaults of those it omits, as JSON input. */
function withDefaults(operation: OperationDefinitionNode, inputs: Record<string, unknown>): Record<string, unknown> {
  let out = inputs;
  for (const def of operation.variableDefinitions ?? []) {
    const name = def.variable.name.value;
    if (def.defaultValue && inputs[name] === undefined) {
      if (out === inputs) out = { ...inputs };
      out[name] = valueFromASTUntyped(def.defaultValue);
    }
  }
  return out;
}
