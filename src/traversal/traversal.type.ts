import { Field, Int, ObjectType } from 'type-graphql';
import { Entity, type EntityRecord } from '../entity/entity.type';
import { Relationship } from '../relation/relationship.type';

@ObjectType({
  simpleResolvers: true,
  description: 'A path: nodes in order from start to end, and the facts between them',
})
export class Path {
  @Field(() => [Entity])
  nodes!: EntityRecord[];

  @Field(() => [Relationship], {
    description: 'relationships[i] joins nodes[i] and nodes[i+1]',
  })
  relationships!: Relationship[];

  @Field(() => Int)
  length!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: 'The subgraph around an entity, ready to draw: nodes and edges with ids',
})
export class Subgraph {
  @Field(() => [Entity])
  nodes!: EntityRecord[];

  @Field(() => [Relationship], {
    description: 'Every fact between two of the nodes (of the allowed types)',
  })
  edges!: Relationship[];

  @Field({ description: 'True when the node cap cut the neighbourhood short' })
  truncated!: boolean;
}
