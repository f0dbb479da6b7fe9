import { request, type Agent } from 'node:http';

/**
 * One JSON POST on a keep-alive agent; `done` is called once, when the answer has been read to its
 * end (ok for a 2xx status) or the request failed or timed out. The benchmark's own generators
 * (open-loop.ts, sequential.ts) time requests with this, in fractions of a millisecond.
 */
export function post(agent: Agent, url: URL, body: string, timeoutMs: number, done: (ok: boolean) => void): void {
  let answered = false;
  const finish = (ok: boolean): void => {
    if (answered) return;
    answered = true;
    done(ok);
  };
  const req = request(
    url,
    {
      method: 'POST',
      agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      timeout: timeoutMs,
    },
    (res) => {
      res.resume();
      res.once('end', () => finish(res.statusCode !== undefined && res.statusCode < 300));
    },
  );
  req.once('timeout', () => req.destroy(new Error('timeout')));
  req.once('error', () => finish(false));
  req.end(body);
}
