import { Arg, Authorized, Ctx, Field, ID, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { Entity, type EntityRecord } from '../entity/entity.type';
import { RelationshipTypeEnum } from '../graph/enums';
import type { RelationshipType } from '../graph/ontology';
import { Relationship } from '../relation/relationship.type';
import { WRITERS } from '../auth/roles';
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

/** Roles that may write: editors curate the graph, admins may do anything an editor may. */

/** Writes. Each runs in one write transaction, requires provenance and an editor or admin. */
@Resolver()
export class MutationResolver {
  @Authorized(WRITERS)
  @Mutation(() => Entity, {
    description: 'Create an entity; the article in provenance is recorded as naming it',
  })
  createEntity(@Arg('input') input: CreateEntityInput, @Ctx() ctx: Context): Promise<EntityRecord> {
    return ctx.services.mutations.createEntity(input);
  }

  @Authorized(WRITERS)
  @Mutation(() => Entity)
  updateEntity(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateEntityInput,
    @Ctx() ctx: Context,
  ): Promise<EntityRecord> {
    return ctx.services.mutations.updateEntity(id, input);
  }

  @Authorized(WRITERS)
  @Mutation(() => DeleteEntityPayload, {
    description: 'Delete an entity and its facts',
  })
  deleteEntity(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<DeleteEntityPayload> {
    return ctx.services.mutations.deleteEntity(id);
  }

  @Authorized(WRITERS)
  @Mutation(() => Relationship, {
    description: 'State a fact between two existing entities',
  })
  createRelationship(@Arg('input') input: CreateRelationshipInput, @Ctx() ctx: Context): Promise<Relationship> {
    return ctx.services.mutations.createRelationship(input);
  }

  @Authorized(WRITERS)
  @Mutation(() => Relationship)
  updateRelationship(
    @Arg('type', () => RelationshipTypeEnum) type: RelationshipType,
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateRelationshipInput,
    @Ctx() ctx: Context,
  ): Promise<Relationship> {
    return ctx.services.mutations.updateRelationship(type, id, input);
  }

  @Authorized(WRITERS)
  @Mutation(() => Boolean)
  deleteRelationship(
    @Arg('type', () => RelationshipTypeEnum) type: RelationshipType,
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    return ctx.services.mutations.deleteRelationship(type, id);
  }
}
