import { Arg, Ctx, FieldResolver, Int, Resolver, Root, type ClassType } from 'type-graphql';
import { pageWindow } from '../common/paging';
import type { EntityRecord } from '../entity/entity.type';
import { mapMaybe, type MaybePromise } from '../common/maybe-promise';
import { KIND_TYPES } from '../entity/kinds.type';
import type { Context } from '../server/context';
import { Direct } from '../server/direct-resolvers';
import { RELATION_FIELDS, type RelationField } from './relation-fields';
import { Investment, type Money, type Relationship } from './relationship.type';

/** Facts a typed relation field lists unless the client asks for fewer or more (at most MAX_PAGE_SIZE). */
export const RELATION_LIST_DEFAULT = 100;

/**
 * Generate one resolver class per kind from the RELATION_FIELDS table. Written by hand these would
 * be some sixty near-identical methods; generated, the table stays the single place that says what
 * each field follows, and every field shares the batched `related` loader (one query per field per
 * level, however many parents).
 */
export function buildRelationFieldResolvers(): ClassType[] {
  const kindTypes = new Map<string, ClassType>(KIND_TYPES.map((t) => [t.name, t]));
  return Object.entries(RELATION_FIELDS).map(([kind, fields]) => {
    // Methods are attached below, one per table row.
    // eslint-disable-next-line @typescript-eslint/no-extraneous-class
    const resolver = class {};
    Object.defineProperty(resolver, 'name', {
      value: `${kind}RelationsResolver`,
    });
    for (const [name, field] of Object.entries(fields ?? {})) defineField(resolver.prototype, name, field);
    Resolver(() => kindTypes.get(kind) as ClassType)(resolver);
    return resolver;
  });
}

function defineField(proto: object, name: string, field: RelationField): void {
  const spec = { types: [...field.types].sort(), direction: field.direction };
  function resolve(root: EntityRecord, first: number, ctx: Context): MaybePromise<Relationship[]> {
    const { size } = pageWindow({ first });
    const page = ctx.loaders.related.load({
      id: root.id,
      spec,
      limit: size,
      after: null,
      withTotal: false,
    });
    return mapMaybe(page, (p) => (field.returns === Investment ? p.items.map(withMoney) : p.items));
  }
  Object.defineProperty(proto, name, {
    value: resolve,
    writable: true,
    configurable: true,
  });
  // What TypeScript would emit for a decorated method; type-graphql reads it.
  Reflect.defineMetadata('design:paramtypes', [Object, Number, Object], proto, name);
  Reflect.defineMetadata('design:returntype', Object, proto, name);
  Reflect.defineMetadata('design:type', Function, proto, name);
  Root()(proto, name, 0);
  Arg('first', () => Int, {
    defaultValue: RELATION_LIST_DEFAULT,
    description: 'At most MAX_PAGE_SIZE (500 unless configured)',
  })(proto, name, 1);
  Ctx()(proto, name, 2);
  const descriptor = Object.getOwnPropertyDescriptor(proto, name) as PropertyDescriptor;
  Direct((root: EntityRecord, args: { first: number }, ctx: Context) => resolve(root, args.first, ctx))(
    proto,
    name,
    descriptor,
  );
  FieldResolver(() => [field.returns], { description: field.description })(proto, name, descriptor);
}

/** INVESTS_IN keeps its money flat on the edge; the API groups it as a Money object. */
function withMoney(fact: Relationship): Relationship {
  const p = fact.properties as Record<string, unknown>;
  const has = ['amount', 'amountMin', 'amountMax', 'currency', 'amountText'].some((k) => p[k] != null);
  const money: Money | null = has
    ? {
        amount: num(p.amount),
        amountMin: num(p.amountMin),
        amountMax: num(p.amountMax),
        currency: (p.currency as string | undefined) ?? null,
        text: (p.amountText as string | undefined) ?? null,
      }
    : null;
  return { ...fact, amount: money } as Relationship;
}

/** `properties` holds integers beyond 2^53 as strings; Money's BigInt scalar takes either. */
function num(value: unknown): number | bigint | null {
  if (value == null) return null;
  return typeof value === 'string' ? BigInt(value) : (value as number);
}
