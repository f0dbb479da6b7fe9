import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../common/page-info.type';
import { Relationship } from './relationship.type';

@ObjectType({ simpleResolvers: true })
export class RelationshipEdge {
  @Field()
  cursor!: string;

  @Field(() => Relationship)
  node!: Relationship;
}

@ObjectType({ simpleResolvers: true, description: 'A page of facts' })
export class RelationshipConnection {
  @Field(() => [RelationshipEdge])
  edges!: RelationshipEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, {
    description: 'All facts matching, counted without fetching them',
  })
  totalCount!: number;
}
