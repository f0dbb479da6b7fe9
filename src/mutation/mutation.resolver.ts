import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { Entity, type EntityRecord } from '../entity/entity.type';
import { RelationshipTypeEnum } from '../graph/enums';
import type { RelationshipType } from '../graph/ontology';
import { Relationship } from '../relation/relationship.type';
import type { Context } from '../server/context';
import {
  CreateEntityInput,
  CreateRelationshipInput,
  UpdateEntityInput,
  UpdateRelationshipInput,
} from './mutation.inputs';

@ObjectType()
export class DeleteEntityPayload {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'Facts removed with it' })
  deletedRelationships!: number;
}

/**
 * Writes. Each runs in one write transaction and requires provenance. An auth check belongs in
 * front of these (type-graphql @Authorized) once roles exist.
 */
@Resolver()
export class MutationResolver {
  @Mutation(() => Entity, {
    description: 'Create an entity; the article in provenance is recorded as naming it',
  })
  createEntity(@Arg('input') input: CreateEntityInput, @Ctx() ctx: Context): Promise<EntityRecord> {
    return ctx.services.mutations.createEntity(input);
  }

  @Mutation(() => Entity)
  updateEntity(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateEntityInput,
    @Ctx() ctx: Context,
  ): Promise<EntityRecord> {
    return ctx.services.mutations.updateEntity(id, input);
  }

  @Mutation(() => DeleteEntityPayload, {
    description: 'Delete an entity and its facts',
  })
  deleteEntity(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<DeleteEntityPayload> {
    return ctx.services.mutations.deleteEntity(id);
  }

  @Mutation(() => Relationship, {
    description: 'State a fact between two existing entities',
  })
  createRelationship(@Arg('input') input: CreateRelationshipInput, @Ctx() ctx: Context): Promise<Relationship> {
    return ctx.services.mutations.createRelationship(input);
  }

  @Mutation(() => Relationship)
  updateRelationship(
    @Arg('type', () => RelationshipTypeEnum) type: RelationshipType,
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateRelationshipInput,
    @Ctx() ctx: Context,
  ): Promise<Relationship> {
    return ctx.services.mutations.updateRelationship(type, id, input);
  }

  @Mutation(() => Boolean)
  deleteRelationship(
    @Arg('type', () => RelationshipTypeEnum) type: RelationshipType,
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    return ctx.services.mutations.deleteRelationship(type, id);
  }
}
