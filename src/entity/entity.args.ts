import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { BigIntScalar } from '../common/scalars';
import { EntityKindEnum } from '../graph/enums';
import type { EntityKind } from '../graph/ontology';

export enum EntitySortField {
  NAME = 'NAME',
  ID = 'ID',
}
export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(EntitySortField, { name: 'EntitySortField' });
registerEnumType(SortDirection, { name: 'SortDirection' });

@InputType({ description: 'All given conditions must hold' })
export class EntityFilter {
  @Field(() => [EntityKindEnum], {
    nullable: true,
    description: 'Any of these kinds',
  })
  kinds?: EntityKind[] | null;

  @Field(() => [ID], { nullable: true })
  ids?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Case-insensitive substring of the English or Korean name or of any alias',
  })
  nameContains?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Exact alias (or name), either language, case-insensitive',
  })
  alias?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Organizations: company, university, ...',
  })
  orgType?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Organizations: ISO country code',
  })
  country?: string | null;

  @Field(() => BigIntScalar, {
    nullable: true,
    description: 'AI models: at least this many parameters',
  })
  minParameterCount?: number | bigint | null;

  @Field(() => BigIntScalar, {
    nullable: true,
    description: 'AI models: at most this many parameters',
  })
  maxParameterCount?: number | bigint | null;

  @Field(() => ID, { nullable: true, description: 'Named by this article' })
  mentionedIn?: string | null;
}

@InputType()
export class EntityOrder {
  @Field(() => EntitySortField, { defaultValue: EntitySortField.NAME })
  field!: EntitySortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction!: SortDirection;
}

@ArgsType()
export class EntitiesArgs {
  @Field(() => EntityFilter, { nullable: true })
  filter?: EntityFilter | null;

  @Field(() => EntityOrder, { nullable: true })
  orderBy?: EntityOrder | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Page size going forward (default 20, max 500)',
  })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: 'Page size going backward' })
  last?: number | null;

  @Field(() => String, { nullable: true })
  before?: string | null;
}
