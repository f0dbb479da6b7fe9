import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';

export interface QueryLimits {
  MAX_QUERY_DEPTH: number;
  MAX_QUERY_ALIASES: number;
  MAX_QUERY_DIRECTIVES: number;
}

/** What a caller is told when a limit refuses the query; the limit's value stays on the server. */
export const LIMIT_MESSAGE = 'The query exceeds a server limit; simplify it';

/**
 * graphql-armor's depth, alias and directive rules as plain validation rules (Apollo 5 runs them
 * beside graphql's own). Tokens are limited by graphql's parser (`maxTokens` in Apollo's
 * parseOptions): armor's token plugin replaces the parse function, which only envelop allows.
 */
export function limitRules(limits: QueryLimits): ValidationRule[] {
  // Report, don't throw: a thrown error escapes graphql's validate() and would surface as a 500.
  // (This is what graphql-armor's own Apollo wrapper does.)
  const report = (ctx: ValidationContext | null, err: GraphQLError): void => ctx?.reportError(err);
  const common = {
    exposeLimits: false,
    errorMessage: LIMIT_MESSAGE,
    propagateOnRejection: false,
    onReject: [report],
  };
  return [
    maxDepthRule({ ...common, n: limits.MAX_QUERY_DEPTH, flattenFragments: true }),
    maxAliasesRule({ ...common, n: limits.MAX_QUERY_ALIASES }),
    maxDirectivesRule({ ...common, n: limits.MAX_QUERY_DIRECTIVES }),
  ] as ValidationRule[];
}
