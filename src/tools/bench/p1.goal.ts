/** P1's p99 goal: ours' p99 at most this much over the floor's, read per run and across runs. */
export const P1_P99_ALLOWANCE_MS = 2;

/** The name of P1's control: the floor's code in a second process, measured in the same turns. */
export const P1_CONTROL = 'floor, second process';
