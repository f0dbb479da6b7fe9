import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { GraphQLError, getNamedType, getNullableType, isListType, isUnionType, type GraphQLField } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { getMaxPageSize } from '../../common/paging';
import type { Context } from '../context';
import type { Release } from '../../common/weighted-gate';
import type { Admission } from './admission';
import { CostMemo, SIZE_ARGS } from './cost-memo';
import { checkVariables, type CheckedVariables } from '../variables';

/** A list with no size argument (e.g. aliases) is small and bounded by the data: counted as this many. */
const UNSIZED_LIST_COST = 10;
/** Fields the analysis may visit before giving up: bounds the work of the check itself. */
const MAX_ANALYSED_NODES = 10_000;

/** A connection (`edges` inside) or list costs its page size times what each item selects. */
function returnsMany(field: GraphQLField<unknown, unknown>): boolean {
  const type = getNullableType(field.type);
  if (isListType(type)) return true;
  const named = getNamedType(type);
  return 'getFields' in named && 'edges' in named.getFields();
}

export const pageSizeEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  // A connection's `edges` already costs its connection's size: counting it again would charge
  // first × 10 × ... and refuse ordinary nested reads.
  if (field.name === 'edges' && !isUnionType(type) && 'pageInfo' in type.getFields()) return childComplexity;
  if (!returnsMany(field)) return undefined;
  const sizeArg = SIZE_ARGS.find((name) => typeof args[name] === 'number');
  // A size above the cap is refused by the resolver anyway; cost it at the cap, not at 2^31.
  const size = sizeArg ? Math.min(Math.max(Number(args[sizeArg]), 0), getMaxPageSize()) : UNSIZED_LIST_COST;
  return 1 + size * Math.max(childComplexity, 1);
};

/** The estimated cost of an operation, with the same estimators the limit uses. */
export function operationCost(options: Omit<Parameters<typeof getComplexity>[0], 'estimators'>): number {
  return getComplexity({
    ...options,
    maxQueryNodes: MAX_ANALYSED_NODES,
    estimators: [pageSizeEstimator, simpleEstimator({ defaultComplexity: 1 })],
  });
}

/**
 * Refuse an operation whose estimated cost is above `maxCost`, before any resolver runs. The limit
 * itself is not echoed: a caller learns only that the query is too expensive. With `admission`, an
 * operation within the limit then waits for room for its cost, and gives it back once its answer is
 * ready (or it failed).
 */
export function costLimitPlugin(maxCost: number, admission?: Admission): ApolloServerPlugin<Context> {
  const tooCostly = () =>
    new GraphQLError('The query is too expensive; ask for fewer items or fields', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
    });
  const memo = new CostMemo();
  return {
    async requestDidStart() {
      let release: Release | undefined;
      let answered = false;
      const check: GraphQLRequestListener<Context> = {
        async didResolveOperation({ schema, document, request, operation, contextValue }) {
          const operationName = request.operationName ?? undefined;
          const cost = memo.cost(document, operationName, request.variables ?? {}, () => {
            // The estimate reads sizes from the variables: a bad variable is the caller's error to
            // hear about (BAD_USER_INPUT), not an unmeasurable cost. A remembered cost needs no
            // check here (see CostMemo); execution checks every request's variables.
            // Apollo resolves the operation before this hook; without one there is nothing to check.
            const checked: CheckedVariables = operation ? checkVariables(schema, operation, request) : { coerced: {} };
            const [bad] = checked.errors ?? [];
            if (bad) {
              throw new GraphQLError(bad.message, {
                extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
              });
            }
            try {
              return operationCost({ schema, query: document, variables: request.variables ?? {}, operationName });
            } catch {
              return Infinity; // beyond what the analysis may visit
            }
          });
          if (cost > maxCost) throw tooCostly();
          if (!admission) return;
          const granted = await admission.enter(cost, contextValue.clientGone);
          // Another plugin (read access) may have refused the operation while it waited: the
          // answer has gone out already, and nothing else would give the room back.
          if (answered) granted();
          else release = granted;
        },
      };
      if (!admission) return check;
      // Only with admission does the answer have room to give back.
      check.willSendResponse = async () => {
        answered = true;
        release?.();
      };
      return check;
    },
  };
}
