import { spawn, type ChildProcess } from 'node:child_process';
import { settle } from '../../src/tools/bench/proc';

/** The benchmark measures a peer only once Neo4j and its server are idle; settle decides "idle". */
describe('bench settle', () => {
  const children: ChildProcess[] = [];
  const start = (code: string) => {
    const child = spawn(process.execPath, ['-e', code], { stdio: 'ignore' });
    children.push(child);
    return child.pid as number;
  };
  afterAll(() => children.forEach((c) => c.kill('SIGKILL')));

  it('answers quiet at once for an idle process', async () => {
    const idle = start('setInterval(() => {}, 1000)');
    const result = await settle([idle], { windowMs: 300, timeoutMs: 3000 });
    expect(result.quiet).toBe(true);
    expect(result.waited).toBeLessThan(1.5);
  });

  it('gives up on a busy process after its timeout, saying it is not quiet', async () => {
    const idle = start('setInterval(() => {}, 1000)');
    const busy = start('for (;;) {}');
    const result = await settle([idle, busy], { windowMs: 300, timeoutMs: 1200 });
    expect(result.quiet).toBe(false);
    expect(result.waited).toBeGreaterThanOrEqual(1.2);
  });
});
