import type { createClient } from './client';
import { ParameterTargets, Partners, SearchEntities, ShortestPath } from './operations';

type Request = ReturnType<typeof createClient>;

/** The README's questions, asked through typed operations; returns printable lines. */
export async function report(request: Request): Promise<string[]> {
  const lines: string[] = [];
  const hits = await request(SearchEntities, { query: '카이스트', first: 3 });
  lines.push(`카이스트 → ${hits.search.map((h) => `${h.entity.name} (${h.entity.kind})`).join(', ')}`);

  const naver = await request(Partners, { id: 'naver' });
  if (naver.entity?.__typename === 'Organization') {
    for (const p of naver.entity.partners)
      lines.push(`${naver.entity.name} partners with ${p.other?.name}: "${p.provenance.quote}"`);
  }

  const lg = await request(ParameterTargets, { id: 'lg-ai-research' });
  if (lg.entity?.__typename === 'Organization') {
    for (const t of lg.entity.parameterTargets)
      lines.push(`${lg.entity.name} targets ${String(t.parameterCount)} parameters (${t.provenance.time ?? '?'})`);
  }

  const path = await request(ShortestPath, { from: 'naver', to: 'kt' });
  lines.push(
    `naver → kt: ${path.shortestPath ? path.shortestPath.nodes.map((n) => n.nameKo ?? n.name).join(' → ') : 'no path'}`,
  );
  return lines;
}
