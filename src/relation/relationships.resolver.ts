import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Resolver, Root } from 'type-graphql';
import { countOnly, selectedNames } from '../common/selection';
import { DEFAULT_PAGE_SIZE } from '../common/paging';
import { DateScalar, isoDay } from '../common/scalars';
import { Entity, type EntityRecord } from '../entity/entity.type';
import { mapMaybe, type MaybePromise } from '../common/maybe-promise';
import { Direction, RelationshipTypeEnum } from '../graph/enums';
import type { RelationshipType } from '../graph/ontology';
import type { Context } from '../server/context';
import { Direct } from '../server/direct-resolvers';
import type { RelatedKey } from './relation.service';
import { RelationshipConnection } from './relationship-connection.type';
import { factWindow, toConnection } from './relationship-page';

type FactSpec = RelatedKey['spec'];

/** "Every type" in each direction, shared: a nested read asks for it once per parent entity. */
const ALL_TYPES = new Map<Direction, FactSpec>(
  Object.values(Direction).map((direction) => [direction, Object.freeze({ types: [], direction })]),
);

function factSpec(types: RelationshipType[] | null, direction: Direction): FactSpec {
  if (!types?.length) return ALL_TYPES.get(direction) as FactSpec;
  return { types: [...new Set(types)].sort(), direction };
}

interface RelationshipsArgs {
  types: RelationshipType[] | null;
  direction: Direction;
  first: number;
  after: string | null;
  asOf: string | Date | null;
}

/** The field's work, called directly by graphql-js (see Direct); the method below declares it. */
function relationships(
  entity: EntityRecord,
  { types, direction, first, after, asOf }: RelationshipsArgs,
  ctx: Context,
  info: GraphQLResolveInfo,
): MaybePromise<RelationshipConnection> {
  const { window, after: cursor } = factWindow(first, after);
  // Counting reads every matching fact's degree or date: done only when totalCount is asked for.
  const names = selectedNames(info);
  const page = ctx.loaders.related.load({
    id: entity.id,
    spec: factSpec(types, direction),
    limit: window.size,
    after: cursor,
    withTotal: names.has('totalCount'),
    asOf: isoDay(asOf),
    countOnly: countOnly(names),
  });
  return mapMaybe(page, (p) => toConnection(p, cursor !== null));
}

/** `relationships` on every entity: all its facts, filtered by type and direction, a page at a time. */
@Resolver(() => Entity)
export class EntityRelationshipsResolver {
  @FieldResolver(() => RelationshipConnection, {
    description: 'Facts touching this entity, with provenance',
  })
  @Direct(relationships)
  relationships(
    @Root() entity: EntityRecord,
    @Arg('types', () => [RelationshipTypeEnum], {
      nullable: true,
      description: 'Only these types',
    })
    types: RelationshipType[] | null,
    @Arg('direction', () => Direction, { defaultValue: Direction.BOTH })
    direction: Direction,
    @Arg('first', () => Int, {
      defaultValue: DEFAULT_PAGE_SIZE,
      description: 'At most MAX_PAGE_SIZE (500 unless configured)',
    })
    first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('asOf', () => DateScalar, {
      nullable: true,
      description: 'What the graph knew then: only facts from sources published on or before this date',
    })
    asOf: string | Date | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): MaybePromise<RelationshipConnection> {
    return relationships(entity, { types, direction, first, after, asOf }, ctx, info);
  }
}
