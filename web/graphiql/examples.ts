/** Operations preloaded as GraphiQL tabs: the README's examples, in Korean and English. */
export interface ExampleTab {
  query: string;
  variables?: string;
}

export const EXAMPLE_TABS: ExampleTab[] = [
  {
    query: `# 한국어 검색: 카이스트는 누구이고 누구와 협력하나? (Search in Korean)
query SearchKaist($q: String! = "카이스트") {
  search(query: $q, first: 3) {
    score
    entity {
      id
      name
      nameKo
      aliases
      ... on Organization {
        partners {
          other { name nameKo }
          provenance { quote time }
        }
      }
    }
  }
}`,
  },
  {
    query: `# Naver's partners, each with the sentence that says so (네이버의 협력사)
query NaverPartners {
  entity(id: "naver") {
    name
    nameKo
    ... on Organization {
      partners {
        other { id name nameKo }
        properties
        provenance { quote time article { name publishedOn } }
      }
    }
  }
}`,
  },
  {
    query: `# LG AI Research's parameter targets: exact 64-bit integers (LG AI연구원의 파라미터 목표)
query LgParameterTargets {
  entity(id: "lg-ai-research") {
    name
    nameKo
    ... on Organization {
      parameterTargets {
        parameterCount
        other { name }
        provenance { time validFrom validTo quote }
      }
    }
  }
}`,
  },
  {
    query: `# How are Naver and KT connected? (네이버와 KT 사이의 최단 경로)
query NaverToKt($from: ID! = "naver", $to: ID! = "kt") {
  shortestPath(from: $from, to: $to, maxLength: 4) {
    length
    nodes { id name nameKo }
    relationships { type provenance { quote } }
  }
}`,
  },
];
