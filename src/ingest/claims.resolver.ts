import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { DateScalar, isoDay } from '../common/scalars';
import { Entity, type EntityRecord } from '../entity/entity.type';
import type { Context } from '../server/context';
import { applyPolicy, checkClaimProperty } from './claims.service';
import { ClaimPolicy, PropertyClaim } from './claims.type';

@Resolver(() => Entity)
export class EntityClaimsResolver {
  @FieldResolver(() => [PropertyClaim], {
    description: 'What each source states a property is (e.g. parameterCount), conflicts included',
  })
  async claims(
    @Root() entity: EntityRecord,
    @Arg('property') property: string,
    @Arg('policy', () => ClaimPolicy, { defaultValue: ClaimPolicy.ALL }) policy: ClaimPolicy,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'Only sources published by then' })
    asOf: string | Date | null,
    @Ctx() ctx: Context,
  ): Promise<PropertyClaim[]> {
    const day = isoDay(asOf);
    const claims = await ctx.loaders.claims.load({ id: entity.id, property: checkClaimProperty(property), asOf: day });
    return applyPolicy(claims, policy);
  }
}
