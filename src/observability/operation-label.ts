/**
 * Operation names come from clients, so a label per name could grow without bound. The first
 * MAX_OPERATION_LABELS names seen keep their own series; later new names share OTHER_OPERATION.
 */
export const MAX_OPERATION_LABELS = 200;
export const OTHER_OPERATION = '__other__';
export const ANONYMOUS_OPERATION = '__anonymous__';
/** Prometheus label values stay readable; GraphQL names are [_A-Za-z][_0-9A-Za-z]* anyway. */
const NAME_PATTERN = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

export class OperationLabels {
  private readonly seen = new Set<string>();

  constructor(private readonly max = MAX_OPERATION_LABELS) {}

  label(operationName: string | null | undefined): string {
    if (!operationName) return ANONYMOUS_OPERATION;
    if (!NAME_PATTERN.test(operationName)) return OTHER_OPERATION;
    if (this.seen.has(operationName)) return operationName;
    if (this.seen.size >= this.max) return OTHER_OPERATION;
    this.seen.add(operationName);
    return operationName;
  }
}
