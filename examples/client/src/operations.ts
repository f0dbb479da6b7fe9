import { graphql } from './gql';

/** The example client's operations: written once, typed by `npm run codegen`. */
export const SearchEntities = graphql(`
  query SearchEntities($query: String!, $first: Int!) {
    search(query: $query, first: $first) {
      score
      entity {
        id
        kind
        name
        nameKo
      }
    }
  }
`);

export const Partners = graphql(`
  query Partners($id: ID!) {
    entity(id: $id) {
      __typename
      id
      name
      nameKo
      ... on Organization {
        partners {
          other {
            id
            name
            nameKo
          }
          provenance {
            quote
            time
          }
        }
      }
    }
  }
`);

export const ParameterTargets = graphql(`
  query ParameterTargets($id: ID!) {
    entity(id: $id) {
      __typename
      name
      ... on Organization {
        parameterTargets {
          parameterCount
          provenance {
            time
            quote
          }
        }
      }
    }
  }
`);

export const ShortestPath = graphql(`
  query ShortestPath($from: ID!, $to: ID!) {
    shortestPath(from: $from, to: $to, maxLength: 6) {
      length
      nodes {
        id
        name
        nameKo
      }
      relationships {
        type
        provenance {
          quote
        }
      }
    }
  }
`);
