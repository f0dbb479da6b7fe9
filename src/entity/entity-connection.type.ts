import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../common/page-info.type';
import { Entity, type EntityRecord } from './entity.type';
import type { EntityFilter } from './entity.args';

@ObjectType({ simpleResolvers: true })
export class EntityEdge {
  @Field()
  cursor!: string;

  @Field(() => Entity)
  node!: EntityRecord;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A page of entities (Relay connection with keyset cursors)',
})
export class EntityConnection {
  @Field(() => [EntityEdge])
  edges!: EntityEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, {
    description: 'All entities matching the filter; counted, never collected',
  })
  totalCount!: number;

  /** The filter the page was cut from, kept for `totalCount` (resolved only when asked). */
  filter!: EntityFilter | null;
}
