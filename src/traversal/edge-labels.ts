import type { RelationshipType } from '../graph/ontology';

/** Display labels of each fact type, in English and Korean, for drawing clients (edge captions). */
export const EDGE_LABELS: Record<RelationshipType, { en: string; ko: string }> = {
  PARTNERS_WITH: { en: 'partners with', ko: '협력' },
  INVESTS_IN: { en: 'invests in', ko: '투자' },
  TARGETS_PARAMS: { en: 'targets parameters', ko: '목표 파라미터' },
  DEVELOPS: { en: 'develops', ko: '개발' },
  ESTABLISHES: { en: 'establishes', ko: '설립' },
  PART_OF: { en: 'part of', ko: '소속' },
  LOCATED_AT: { en: 'located at', ko: '위치' },
  OWNS: { en: 'owns', ko: '소유' },
  RESEARCHES: { en: 'researches', ko: '연구' },
  PURSUES: { en: 'pursues', ko: '추진' },
  CONDUCTS: { en: 'conducts', ko: '수행' },
  WORKS_FOR: { en: 'works for', ko: '재직' },
  HOSTS: { en: 'hosts', ko: '주최' },
  PRESENTED_AT: { en: 'presented at', ko: '발표' },
  SUCCEEDS: { en: 'succeeds', ko: '후속' },
  COUNTERPART_OF: { en: 'counterpart of', ko: '대응 모델' },
  COMPETES_WITH: { en: 'competes with', ko: '경쟁' },
  AUTHORED: { en: 'authored', ko: '작성' },
  PUBLISHED: { en: 'published', ko: '발행' },
  STATED: { en: 'stated', ko: '발언' },
  HAS_STOCK_QUOTE: { en: 'stock quote', ko: '주가' },
  MENTIONS: { en: 'mentions', ko: '언급' },
};
