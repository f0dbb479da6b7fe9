import { Field, Float, ObjectType } from 'type-graphql';
import { Entity, type EntityRecord } from '../entity/entity.type';

@ObjectType({
  simpleResolvers: true,
  description: 'An entity whose name or alias matched, with its relevance',
})
export class SearchHit {
  @Field(() => Entity)
  entity!: EntityRecord;

  @Field(() => Float, {
    description: 'Higher is better; an exact name or alias match ranks first',
  })
  score!: number;
}
