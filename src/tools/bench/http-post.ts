import { request, type Agent } from 'node:http';

/**
 * One JSON POST on a keep-alive agent; `done` is called once, when the answer has been read to its
 * end (ok for a 2xx status, else `failure` names the status) or the request failed or timed out
 * (`failure` names the error). The benchmark's own generators (open-loop.ts, sequential.ts) time
 * requests with this, in fractions of a millisecond.
 */
export function post(
  agent: Agent,
  url: URL,
  body: string,
  timeoutMs: number,
  done: (ok: boolean, failure?: string) => void,
): void {
  let answered = false;
  const finish = (ok: boolean, failure?: string): void => {
    if (answered) return;
    answered = true;
    done(ok, failure);
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
      const status = res.statusCode ?? 0;
      res.once('end', () => finish(status >= 200 && status < 300, `HTTP ${status}`));
    },
  );
  req.once('timeout', () => req.destroy(new Error('timeout')));
  req.once('error', (err: NodeJS.ErrnoException) => finish(false, err.code ?? err.message));
  req.end(body);
}
