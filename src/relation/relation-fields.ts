import { Direction } from '../graph/enums';
import type { EntityKind, RelationshipType } from '../graph/ontology';
import { Employment, Investment, ParameterTarget, Relationship } from './relationship.type';

/**
 * The typed relation fields of each kind, in one table: which facts each follows and what it
 * returns. Every field returns facts (with `other`, properties and provenance), never bare nodes,
 * so a reader always sees where each connection comes from. The resolvers are generated from
 * this table by relation-fields.resolver.ts and all go through one batched loader.
 */
export type FactClass = typeof Relationship | typeof Investment | typeof ParameterTarget | typeof Employment;

export interface RelationField {
  types: RelationshipType[];
  direction: Direction;
  returns: FactClass;
  description: string;
}

const f = (
  types: RelationshipType[],
  direction: Direction,
  description: string,
  returns: FactClass = Relationship,
): RelationField => ({ types, direction, description, returns });

const { OUT, IN, BOTH } = Direction;

export const RELATION_FIELDS: Partial<Record<EntityKind, Record<string, RelationField>>> = {
  Organization: {
    partners: f(['PARTNERS_WITH'], BOTH, 'Partnerships and joint research agreements'),
    investments: f(['INVESTS_IN'], OUT, 'Money it commits', Investment),
    investors: f(['INVESTS_IN'], IN, 'Money committed to it', Investment),
    parameterTargets: f(['TARGETS_PARAMS'], OUT, 'Parameter-count goals', ParameterTarget),
    people: f(['WORKS_FOR'], IN, 'People and their roles', Employment),
    centres: f(['ESTABLISHES', 'PART_OF'], BOTH, 'Research centres it founded, and units it is part of or has'),
    models: f(['DEVELOPS'], OUT, 'AI models it develops'),
    projects: f(['PURSUES'], OUT, 'Programmes and goals it takes part in'),
    topics: f(['RESEARCHES'], OUT, 'Research areas'),
    facilities: f(['OWNS', 'LOCATED_AT'], OUT, 'Facilities it owns or sits in'),
    competitors: f(['COMPETES_WITH'], BOTH, 'Who it competes with'),
    events: f(['HOSTS'], OUT, 'Events it hosts'),
    statements: f(['STATED'], OUT, 'What it said'),
    stockQuotes: f(['HAS_STOCK_QUOTE'], OUT, 'Stock quotes printed in the articles'),
    articles: f(['PUBLISHED'], OUT, 'Articles it published'),
  },
  ResearchCenter: {
    founders: f(['ESTABLISHES'], IN, 'Who founded it'),
    parent: f(['PART_OF'], OUT, 'The organization it belongs to'),
    location: f(['LOCATED_AT'], OUT, 'Where it is housed'),
    projects: f(['CONDUCTS', 'PURSUES'], OUT, 'Programmes it runs'),
    topics: f(['RESEARCHES'], OUT, 'Research areas'),
    investors: f(['INVESTS_IN'], IN, 'Money committed to it', Investment),
    investments: f(['INVESTS_IN'], OUT, 'Money it commits', Investment),
    parameterTargets: f(['TARGETS_PARAMS'], OUT, 'Parameter-count goals', ParameterTarget),
    partners: f(['PARTNERS_WITH'], BOTH, 'Partnerships'),
    models: f(['DEVELOPS'], OUT, 'AI models it develops'),
    people: f(['WORKS_FOR'], IN, 'People and their roles', Employment),
  },
  AIModel: {
    developers: f(['DEVELOPS'], IN, 'Who develops it'),
    parameterTargets: f(['TARGETS_PARAMS'], IN, 'Parameter-count goals set for it', ParameterTarget),
    predecessors: f(['SUCCEEDS'], OUT, 'Models it follows (lineage)'),
    successors: f(['SUCCEEDS'], IN, 'Models that follow it (lineage)'),
    counterpartOf: f(['COUNTERPART_OF'], OUT, 'The model it is a counterpart of'),
    counterparts: f(['COUNTERPART_OF'], IN, 'Its counterparts (e.g. Korean versions)'),
    presentedAt: f(['PRESENTED_AT'], OUT, 'Events where it is shown'),
    investors: f(['INVESTS_IN'], IN, 'Money committed to it', Investment),
  },
  Person: {
    roles: f(['WORKS_FOR'], OUT, 'Employment and roles', Employment),
    statements: f(['STATED'], OUT, 'What they said'),
    articles: f(['AUTHORED'], OUT, 'Articles they wrote'),
  },
  Article: {
    authors: f(['AUTHORED'], IN, 'Reporters'),
    publisher: f(['PUBLISHED'], IN, 'Publisher'),
    mentions: f(['MENTIONS'], OUT, 'Everything it names, each with the span that names it'),
  },
  Event: {
    hosts: f(['HOSTS'], IN, 'Who hosts it'),
    presentations: f(['PRESENTED_AT'], IN, 'What is shown there'),
  },
  Project: {
    participants: f(['PURSUES', 'ESTABLISHES', 'CONDUCTS'], IN, 'Who takes part in or runs it'),
    topics: f(['RESEARCHES'], OUT, 'Research areas'),
    models: f(['DEVELOPS'], OUT, 'Models it develops'),
    counterpartOf: f(['COUNTERPART_OF'], OUT, 'The model it answers'),
    investors: f(['INVESTS_IN'], IN, 'Money committed to it', Investment),
  },
  Topic: {
    researchedBy: f(['RESEARCHES'], IN, 'Who works on it'),
    investors: f(['INVESTS_IN'], IN, 'Money committed to it', Investment),
  },
  Facility: {
    owners: f(['OWNS'], IN, 'Who owns it'),
    occupants: f(['LOCATED_AT'], IN, 'What is housed there'),
  },
  Statement: {
    speakers: f(['STATED'], IN, 'Who said it'),
  },
  StockQuote: {
    company: f(['HAS_STOCK_QUOTE'], IN, 'The listed company'),
  },
};
