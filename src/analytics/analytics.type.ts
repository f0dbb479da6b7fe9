import { Field, Float, Int, ObjectType } from 'type-graphql';
import { BigIntScalar } from '../common/scalars';
import { Entity, type EntityRecord } from '../entity/entity.type';
import { Relationship } from '../relation/relationship.type';
import { CommunityAlgorithm } from './analytics.enums';

@ObjectType({ description: 'An entity with its centrality score and rank' })
export class CentralityScore {
  @Field(() => Entity)
  entity!: EntityRecord;

  @Field(() => Float)
  score!: number;

  @Field(() => Int, { description: '1 = most central (within its kind when grouped per kind)' })
  rank!: number;
}

@ObjectType({ description: 'A community (or connected component) and its members' })
export class Community {
  @Field(() => BigIntScalar, { description: "The algorithm's id for it; only stable within one answer" })
  id!: number | bigint;

  @Field(() => BigIntScalar, { description: 'Number of members, all of them' })
  size!: number | bigint;

  @Field(() => [Entity], { description: 'Members, by id, at most maxMembers' })
  members!: EntityRecord[];
}

@ObjectType({ description: 'The communities found in a scope, largest first' })
export class CommunityList {
  @Field(() => CommunityAlgorithm)
  algorithm!: CommunityAlgorithm;

  @Field(() => BigIntScalar, { description: 'How many communities there are in all' })
  count!: number | bigint;

  @Field(() => [Community])
  communities!: Community[];
}

@ObjectType({ description: 'An entity resembling another, by the neighbours they share' })
export class SimilarEntity {
  @Field(() => Entity)
  entity!: EntityRecord;

  @Field(() => Float, { description: 'Jaccard similarity of their neighbours: 0 none shared, 1 the same' })
  score!: number;
}

@ObjectType({ description: 'A path with a cost: nodes in order, and the cheapest fact of each hop' })
export class WeightedPath {
  @Field(() => [Entity])
  nodes!: EntityRecord[];

  @Field(() => [Relationship], { description: 'relationships[i] joins nodes[i] and nodes[i+1]' })
  relationships!: Relationship[];

  @Field(() => Int, { description: 'Number of hops' })
  length!: number;

  @Field(() => Float, { description: 'Total cost under the chosen weight (the hop count for HOPS)' })
  cost!: number;
}
