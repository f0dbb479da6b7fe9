import { isInterfaceType, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { Extensions } from 'type-graphql';
import type { Context } from './context';

/** The field extension that names a field's direct resolver. */
const DIRECT = 'directResolve';

/**
 * Mark a type-graphql field resolver to be called directly, as `resolve`, instead of through
 * type-graphql's wrapper. The wrapper, per call, sorts the parameter list, converts each argument,
 * wraps each in a promise (`validateArg` is async even with validation off) and awaits them all:
 * on the hot fact fields of a nested read (some 1,100 calls per P2 answer) that was about a seventh
 * of the request's allocation. Only for fields without @Authorized and whose arguments are scalars
 * or enums, which type-graphql hands over unchanged; the decorated method stays, for the schema.
 */
export function Direct<TSource, TArgs>(
  resolve: GraphQLFieldResolver<TSource, Context, TArgs>,
): MethodDecorator & PropertyDecorator {
  return Extensions({ [DIRECT]: resolve });
}

/** Install every field's direct resolver (after buildSchema; fields keep their extensions). */
export function useDirectResolvers(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const direct = field.extensions[DIRECT];
      if (typeof direct === 'function') field.resolve = direct as GraphQLFieldResolver<unknown, unknown>;
    }
  }
  return schema;
}
