import { fillPools, POOL_BURST, warmUntilSteady, type LatencyFigures } from './load';
import { P2_FACTS, P2_HUBS, P2_PARTNERS, READ_NAMESPACE } from './data';
import {
  BACKLOG_BLOCK,
  compare,
  cpuPerRequest,
  loadRows,
  windowNotes,
  alternatingLatency,
  servedCounts,
  statementsPerRequest,
  type Peer,
  type PeerFigures,
  type Settle,
} from './measure';
import { ratio, round, shown } from './stats';
import { BLOCKS } from './turns';
import { describeTimed, P4_TIMED } from './timed-passes';
import { P4_WARM } from './warm-turns';
import { PEER_QUERIES } from './peer-queries';
import { OURS, gql, p2Variables } from './queries';
import type { RunningServer } from './servers';
import type { ScenarioResult } from './types';
import { P1_CONTROL, P1_P99_ALLOWANCE_MS } from './p1.goal';

export interface Servers {
  ours: RunningServer;
  /** Our server with QUERY_LOOKAHEAD=false: the "before" of the one-round-trip work. */
  oursBatched: RunningServer;
  /** Our server with MAX_INFLIGHT_COST=0: the "before" of admission by cost. */
  oursUnadmitted: RunningServer;
  neo4jGraphql: RunningServer;
  naive: RunningServer;
  floor: RunningServer;
  /** A second floor process, measured in P1 beside the first: the control for P1's p99 verdict. */
  floorControl: RunningServer;
  /**
   * A third floor process, never measured: Neo4j's read path warms through it before P1, and it
   * is stopped before any peer's warm-up, so no measured server carries that warm-up's heap.
   */
  warmer: RunningServer;
}

export interface HttpOptions {
  seconds: number;
  log: (line: string) => void;
  /** RSS peaks per scenario and server, for P7 (ours is judged; the peers are context). */
  rss: Map<string, Map<string, number>>;
  /** Waits, before each measured peer, until Neo4j and that peer's server are idle. */
  settle: Settle;
  /** Neo4j's GC log (NEO4J_GC_LOG), read for the pauses in each latency window. */
  dbGcLog?: string;
}

/**
 * P1's latency window per server, in rounds of BLOCKS blocks: nine blocks of `--seconds` / 3 each
 * (30 s at the default 10). A window's p99 is its slowest hundredth, and P1's is set by stalls that
 * come to each server at its own pace. Lab, the 1e5 graph, one server at 2,200 req/s open loop: the
 * floor's collector ran a full mark-compact every 3.3-3.5 s (stalls of 30-55 ms), Neo4j's young
 * collections came every 12 s (25-35 ms, to every server alike), ours' full collection once in
 * 40-50 s of load. Ours' 3.3 s blocks then read p99s of 3-55 ms within one 90 s run, its 30 s
 * windows 5.7-16.3 ms (three runs); in 10 s one stall decided its p99 when it fell in the window.
 * The blocks keep their length: three blocks of 10 s (7e5fe17) gave a stall's backlog time to grow
 * into seconds of overload (ours 674 ms, the floor 433 in one run), which 3.3 s ends before. In the
 * three full runs at a25ca70 the control landed 1.96-24.75 ms from the floor, against 2.32-396.62
 * over 10 s in the seven runs before.
 */
export const P1_LATENCY_ROUNDS = 3;

/** The servers whose memory P7 reports: ours against the goal, the other two beside it. */
const RSS_PEERS = ['ours', '@neo4j/graphql', 'floor'];
const recordRss = (o: HttpOptions, scenario: string, f: Map<string, PeerFigures>) =>
  o.rss.set(scenario, new Map(RSS_PEERS.map((name) => [name, f.get(name)?.rssPeakMb ?? NaN])));

const randomId = (n: number) => `${READ_NAMESPACE}-${Math.floor(Math.random() * n)}`;
const post = (server: RunningServer, path: string, body: () => string) => ({ url: `${server.baseUrl}${path}`, body });

/** P1's tail goal; `over` is our p99 minus the floor's, in ms (negative when ours is lower). */
export function p99Verdict(over: number): ScenarioResult['verdicts'][number] {
  const allowed = P1_P99_ALLOWANCE_MS;
  const detail = over >= 0 ? `floor + ${shown(over, allowed)} ms` : `${round(-over, 2)} ms below the floor`;
  return { goal: `p99 ≤ floor + ${allowed} ms`, met: over <= allowed, detail };
}

/** P1's and P2's throughput goal: ours' requests per second against @neo4j/graphql's, compared exactly. */
export function speedupVerdict(ours: number, neo4jGraphql: number): ScenarioResult['verdicts'][number] {
  const speedup = ours / neo4jGraphql;
  return { goal: '≥1.5× @neo4j/graphql throughput', met: speedup >= 1.5, detail: `${shown(speedup, 1.5)}×` };
}

/**
 * A P4 case's verdict: ours' mean against raw's, compared exactly. A failed request is left out of
 * the mean, so a peer that fails must not pass for fast.
 */
export function p4Verdict(
  label: string,
  ours: LatencyFigures,
  raw: LatencyFigures,
): ScenarioResult['verdicts'][number] {
  const r = ours.mean / raw.mean;
  const failed = [ours, raw].map((f, i) => (f.failures ? `${i ? 'raw' : 'ours'} ${f.failures} failed` : ''));
  const failures = failed.filter(Boolean).join(', ');
  return {
    goal: `${label} ≤1.1× raw`,
    met: r <= 1.1 && !failures,
    detail: failures ? `${shown(r, 1.1)}×; ${failures}` : `${shown(r, 1.1)}×`,
  };
}

export async function p1(s: Servers, entities: number, o: HttpOptions): Promise<ScenarioResult> {
  o.log('P1 point lookup');
  const floorLookup = (name: string, server: RunningServer): Peer => ({
    name,
    server,
    target: post(server, '/', () => JSON.stringify({ op: 'p1', id: randomId(entities) })),
  });
  const peers: Peer[] = [
    { name: 'ours', server: s.ours, target: post(s.ours, '/graphql', () => gql(OURS.p1, { id: randomId(entities) })) },
    {
      name: '@neo4j/graphql',
      server: s.neo4jGraphql,
      target: post(s.neo4jGraphql, '/graphql', () => gql(PEER_QUERIES.neo4jGraphql.p1, { id: randomId(entities) })),
    },
    floorLookup('floor', s.floor),
    floorLookup(P1_CONTROL, s.floorControl),
  ];
  // Neo4j has just written the graph: its read path warms (through the floor's code, which loads
  // it hardest) until throughput is steady, before any peer's warm-up or measurement. Through a
  // process of its own: warmed through the measured floor (before 81ab1fb), the floor's collector
  // worked 3-5× the control's in the same P1 turns (135 against 28 ms, 501 against 166; two runs),
  // the 40-80 s of warm-up's hundreds of thousands of requests still in its heap.
  const warm = await warmUntilSteady(floorLookup('warm-up', s.warmer).target);
  await s.warmer.stop();
  o.log(
    `  Neo4j warmed for ${warm.seconds} s through a floor process of its own: ${warm.first.toFixed(0)} → ${warm.last.toFixed(0)} req/s`,
  );
  // P1's windows run at thousands of requests per second, so a stall there leaves a backlog that
  // grows a pool (load.fillPools); P2's, at tens, leave one or two requests waiting.
  const before = await servedCounts(s.ours);
  for (const peer of peers) await fillPools(peer.name, peer.target);
  const f = await compare(peers, o.seconds, o.log, o.settle, o.dbGcLog, { rounds: P1_LATENCY_ROUNDS });
  const after = await servedCounts(s.ours);
  await s.floorControl.stop();
  recordRss(o, 'P1', f);
  const get = (n: string) => f.get(n) as PeerFigures;
  const [ours, floor] = [get('ours'), get('floor')];
  const over = ours.at60.p99 - floor.at60.p99;
  return {
    id: 'P1',
    title: 'Point lookup by id, 3 scalar fields',
    size: `${entities.toLocaleString('en')} entities`,
    measurements: loadRows(f),
    verdicts: [speedupVerdict(ours.max.rps, get('@neo4j/graphql').max.rps), p99Verdict(over)],
    notes: [
      `p50/p99 at 60% of each server’s own maximum, requests sent on a fixed schedule (open loop) and timed from when each was due, throughput in ${BLOCKS} blocks per server (${o.seconds} s) and latency in ${BLOCKS * P1_LATENCY_ROUNDS} (${o.seconds * P1_LATENCY_ROUNDS} s), the servers taking turns`,
      `before any peer was warmed, Neo4j's read path warmed until its throughput was steady, through the floor's code in a process of its own, stopped before any peer was warmed: ${warm.seconds} s, ${warm.first.toFixed(0)} → ${warm.last.toFixed(0)} req/s; then each server's driver pool filled by ${POOL_BURST} requests at once, so that no measured block opens connections (ours sends the lookups that arrive together as one statement, so its pool grows only as far as its statements need)`,
      controlNote(floor.at60.p99, get(P1_CONTROL).at60.p99),
      sharedLookupNote(after.requests - before.requests, after.statements - before.statements),
      ...windowNotes(f),
    ],
  };
}

/** How many lookups ours sent per Cypher statement over P1 (EntityService.lookup shares them). */
export function sharedLookupNote(requests: number, statements: number): string {
  const served =
    statements > 0
      ? `${statements.toLocaleString('en')} statements, ${round(requests / statements, 2)} lookups per statement`
      : 'no statement counted';
  return `ours sends the lookups of the requests in flight together as one statement (the floor's Cypher, with every id in \`$ids\`), where the floor and @neo4j/graphql send one per request: over P1 (pool fill, warm-up and measured blocks) ours answered ${requests.toLocaleString('en')} requests with ${served}`;
}

/**
 * What the control says of the p99 verdict: how far apart the floor's p99 and its own second
 * process's were in the same run. The same code, the same Cypher, the same Neo4j and the same
 * turns; what sets them apart is where the machine's stalls fell (Neo4j's collector, the
 * hypervisor, the generator's core), which decides ours' p99 against the floor's in the same way.
 */
export function controlNote(floorP99: number, controlP99: number): string {
  const apart = Math.abs(controlP99 - floorP99);
  return `control for the p99 verdict: the floor in a second process, in the same turns, p99 ${round(controlP99, 2)} ms against the floor's ${round(floorP99, 2)} ms, ${round(apart, 2)} ms apart with the same code (${apart > P1_P99_ALLOWANCE_MS ? 'wider than' : 'within'} the verdict's ${P1_P99_ALLOWANCE_MS} ms)`;
}

export async function p2(s: Servers, o: HttpOptions): Promise<ScenarioResult> {
  o.log('P2 nested list');
  const vars = p2Variables();
  const peers: Peer[] = [
    { name: 'ours', server: s.ours, target: post(s.ours, '/graphql', () => gql(OURS.p2, vars)) },
    {
      name: 'ours, batched per level (before)',
      server: s.oursBatched,
      target: post(s.oursBatched, '/graphql', () => gql(OURS.p2, vars)),
    },
    {
      name: 'ours, no admission limit (before)',
      server: s.oursUnadmitted,
      target: post(s.oursUnadmitted, '/graphql', () => gql(OURS.p2, vars)),
    },
    {
      name: '@neo4j/graphql',
      server: s.neo4jGraphql,
      target: post(s.neo4jGraphql, '/graphql', () => gql(PEER_QUERIES.neo4jGraphql.p2, vars)),
    },
    { name: 'floor', server: s.floor, target: post(s.floor, '/', () => JSON.stringify({ op: 'p2', ...vars })) },
    // Last, and stopped right after: it cannot finish its backlog of queued requests, and working
    // through it kept the server core busy during the floor's and the next scenarios' runs.
    {
      name: 'naive resolvers',
      server: s.naive,
      backlogs: true,
      target: post(s.naive, '/graphql', () => gql(PEER_QUERIES.naive.p2, vars)),
    },
  ];
  const trips = await statementsPerRequest(peers[0] as Peer, 10);
  const tripsBefore = await statementsPerRequest(peers[1] as Peer, 10);
  // P2's latency goal is its p50, which one stolen block of three hardly moves; measuring such
  // blocks again (as P1 does, for its p99) took about 40 s of the e69a4fd run's 29 minutes.
  const f = await compare(peers, o.seconds, o.log, o.settle, o.dbGcLog, { heeded: ['generator'] });
  await s.naive.stop();
  recordRss(o, 'P2', f);
  const get = (n: string) => f.get(n) as PeerFigures;
  const vsFloor = get('ours').at60.p50 / get('floor').at60.p50;
  const vsBefore = ratio(get('ours').max.rps, get('ours, batched per level (before)').max.rps);
  const vsUnadmitted = ratio(get('ours').max.rps, get('ours, no admission limit (before)').max.rps);
  return {
    id: 'P2',
    title: `3-level nested list: ${P2_HUBS} organizations × ${P2_PARTNERS} partners × ${P2_FACTS} relationships`,
    size: `${P2_HUBS * P2_PARTNERS * (P2_FACTS + 1) + P2_HUBS} items per answer`,
    measurements: [
      { peer: 'ours', metric: 'database round trips per request', value: trips, unit: '' },
      {
        peer: 'ours, batched per level (before)',
        metric: 'database round trips per request',
        value: tripsBefore,
        unit: '',
      },
      ...loadRows(f),
    ],
    verdicts: [
      { goal: '1 database round trip per root field', met: trips === 1, detail: `${trips} (before: ${tripsBefore})` },
      speedupVerdict(get('ours').max.rps, get('@neo4j/graphql').max.rps),
      { goal: 'latency ≤1.3× the floor', met: vsFloor <= 1.3, detail: `p50 ${shown(vsFloor, 1.3)}× the floor` },
    ],
    notes: [
      `one round trip against batched per level: ${vsBefore}× the throughput`,
      `admission by cost (MAX_INFLIGHT_COST) against none: ${vsUnadmitted}× the throughput`,
      `the naive peer runs last, alone, and is stopped after its run (an unfinished backlog would load the server core); its throughput is one block of ${BACKLOG_BLOCK} requests at c=8, all answered, as it answers none within a timed block, and its latency window runs at 60% of that rate`,
      ...windowNotes(f),
    ],
  };
}

export async function p3(s: Servers, size: number, amount: number, o: HttpOptions): Promise<ScenarioResult> {
  o.log('P3 large payload');
  const peers: Peer[] = [
    { name: 'ours', server: s.ours, target: post(s.ours, '/graphql', () => gql(OURS.p3, { size })) },
    {
      name: '@neo4j/graphql',
      server: s.neo4jGraphql,
      target: post(s.neo4jGraphql, '/graphql', () =>
        gql(PEER_QUERIES.neo4jGraphql.p3, { size, namespace: READ_NAMESPACE }),
      ),
    },
    { name: 'floor', server: s.floor, target: post(s.floor, '/', () => JSON.stringify({ op: 'p3', size })) },
  ];
  const cpu = new Map<string, number>();
  for (const peer of peers) {
    cpu.set(peer.name, await cpuPerRequest(peer, amount, o.settle));
    o.log(`  ${peer.name}: ${((cpu.get(peer.name) ?? 0) * 1000).toFixed(1)} ms CPU per request`);
  }
  const times = (cpu.get('ours') ?? NaN) / (cpu.get('floor') ?? NaN);
  return {
    id: 'P3',
    title: `Large payload: ${size.toLocaleString('en')} entities × 5 fields`,
    size: `${size.toLocaleString('en')} entities per answer`,
    measurements: [...cpu].map(([peer, secs]) => ({
      peer,
      metric: 'server CPU per request',
      value: round(secs * 1000, 1),
      unit: 'ms',
    })),
    verdicts: [
      { goal: 'server CPU per request ≤2× driver + JSON.stringify', met: times <= 2, detail: `${shown(times, 2)}×` },
    ],
    notes: [`CPU from /proc/<pid>/stat over ${amount} sequential requests after 20 to warm up`],
  };
}

/** P4 at one graph size: k-hop at depth 2 and 3 and a shortest path, ours against the same Cypher raw. */
export async function p4(
  s: Servers,
  namespace: string,
  entities: number,
  amount: number,
  o: HttpOptions,
): Promise<ScenarioResult> {
  o.log(`P4 traversal on ${entities} entities`);
  const id = () => `${namespace}-${Math.floor(Math.random() * entities)}`;
  const cases: [string, () => Record<string, unknown>, string, string][] = [
    ['2-hop neighbourhood', () => ({ id: id(), depth: 2, limit: 500 }), OURS.khop, 'khop'],
    ['3-hop neighbourhood', () => ({ id: id(), depth: 3, limit: 500 }), OURS.khop, 'khop'],
    ['shortest path', () => ({ from: id(), to: id() }), OURS.path, 'path'],
  ];
  const result: ScenarioResult = {
    id: 'P4',
    title: 'k-hop and shortest path',
    size: `${entities.toLocaleString('en')} entities`,
    measurements: [],
    verdicts: [],
    notes: [],
  };
  const warmUps: string[] = [];
  const timedFacts: string[] = [];
  for (const [label, vars, query, op] of cases) {
    // Both peers get the same random inputs, replayed in order: untimed passes, the peers taking
    // turns, then the timed requests input by input, each to both peers (measure.alternatingLatency).
    const inputs = Array.from({ length: amount }, vars);
    const replay = (body: (input: Record<string, unknown>) => string) => {
      let i = 0;
      return () => body(inputs[i++ % inputs.length] as Record<string, unknown>);
    };
    const oursBody = replay((v) => gql(query, v));
    const oursPeer = { name: 'ours', server: s.ours, target: post(s.ours, '/graphql', oursBody) };
    const rawBody = replay((v) => JSON.stringify({ op, ...v }));
    const rawPeer = { name: 'raw Cypher', server: s.floor, target: post(s.floor, '/', rawBody) };
    const { figures, warmed, timed } = await alternatingLatency(
      [oursPeer, rawPeer],
      amount,
      o.settle,
      P4_WARM,
      P4_TIMED,
    );
    const [ours, rawFigures] = figures as [LatencyFigures, LatencyFigures];
    const verdict = p4Verdict(label, ours, rawFigures);
    const warm = `${warmed.passes} warm passes each in ${round(warmed.seconds, 0)} s${warmed.steady ? '' : ', not yet steady'}`;
    const [oursCpu, rawCpu] = timed.cpuMsPerRequest as [number, number];
    const [oursMain, rawMain] = timed.mainThreadMsPerRequest as [number, number];
    const facts = describeTimed(timed);
    o.log(
      `  ${label}: ours ${round(ours.mean, 2)} ms, raw ${round(rawFigures.mean, 2)} ms (${verdict.detail}); ${warm}; ${facts}`,
    );
    warmUps.push(`${label}: ${warm}`);
    timedFacts.push(`${label}: ${facts}`);
    result.measurements.push(
      { peer: 'ours', metric: `${label}, mean`, value: ours.mean, unit: 'ms' },
      { peer: 'raw Cypher', metric: `${label}, mean`, value: rawFigures.mean, unit: 'ms' },
      { peer: 'ours', metric: `${label}, p50`, value: ours.p50, unit: 'ms' },
      { peer: 'raw Cypher', metric: `${label}, p50`, value: rawFigures.p50, unit: 'ms' },
      { peer: 'ours', metric: `${label}, server CPU per request`, value: oursCpu, unit: 'ms' },
      { peer: 'raw Cypher', metric: `${label}, server CPU per request`, value: rawCpu, unit: 'ms' },
      { peer: 'ours', metric: `${label}, main thread CPU per request`, value: oursMain, unit: 'ms' },
      { peer: 'raw Cypher', metric: `${label}, main thread CPU per request`, value: rawMain, unit: 'ms' },
    );
    result.verdicts.push(verdict);
  }
  const { minPasses, maxSeconds, tolerance } = P4_WARM;
  result.notes.push(
    `${amount} sequential requests per peer and case, the same random inputs for both; first untimed passes over ` +
      `them, the peers taking turns, until neither got more than ${tolerance * 100}% faster than its best for two ` +
      `passes in a row (at least ${minPasses} passes; no turn begun that would end past ${maxSeconds} s, judged by ` +
      `the turn before; warm-turns.ts); then timed passes over them (at least ${P4_TIMED.minPasses}, more while they ` +
      `fit in ${P4_TIMED.seconds} s, at most ${P4_TIMED.maxPasses}; timed-passes.ts), input by input: each input to ` +
      'both peers, one after the other, the first changing from input to input; each request from its send to the ' +
      'end of its answer, to a hundredth of a millisecond (sequential.ts)',
    `warm-up: ${warmUps.join('; ')}`,
    "timed passes, with each server's CPU per request over them (ours / raw), all threads and the main thread " +
      "alone (/proc/<pid>/stat and /proc/<pid>/task/<pid>/stat; the main thread's is the CPU on the requests' " +
      "path), and the CPU the hypervisor took meanwhile, to tell our server's extra work from the machine's: " +
      timedFacts.join('; '),
  );
  return result;
}

export function p7(rss: Map<string, Map<string, number>>): ScenarioResult {
  const peak = Math.max(...[...rss.values()].map((byPeer) => byPeer.get('ours') ?? NaN));
  return {
    id: 'P7',
    title: 'Server memory under the P1/P2 load',
    size: 'P1 and P2 runs',
    measurements: [...rss].flatMap(([scenario, byPeer]) =>
      [...byPeer].map(([peer, mb]) => ({
        peer,
        metric: `peak RSS during ${scenario}`,
        value: round(mb, 0),
        unit: 'MB',
      })),
    ),
    verdicts: [{ goal: 'RSS ≤ 200 MB', met: peak <= 200, detail: `peak ${round(peak, 0)} MB` }],
    notes: ['sampled from /proc/<pid>/status every 200 ms; the goal is judged on ours, the peers are context'],
  };
}
