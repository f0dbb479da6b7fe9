import { createClient } from './client';
import { report } from './report';

/** `npm run example:client` (the API must be running: `npm start`). GRAPHQL_URL overrides the address. */
const url = process.env.GRAPHQL_URL ?? 'http://127.0.0.1:4000/graphql';

report(createClient({ url }))
  .then((lines) => process.stdout.write(`${lines.join('\n')}\n`))
  .catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
