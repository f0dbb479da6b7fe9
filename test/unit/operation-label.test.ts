import { ANONYMOUS_OPERATION, OTHER_OPERATION, OperationLabels } from '../../src/observability/operation-label';

test('operation names become labels up to a cap, then share one series', () => {
  const labels = new OperationLabels(2);
  expect(labels.label('A')).toBe('A');
  expect(labels.label(undefined)).toBe(ANONYMOUS_OPERATION);
  expect(labels.label('B')).toBe('B');
  expect(labels.label('C')).toBe(OTHER_OPERATION);
  expect(labels.label('A')).toBe('A');
  expect(labels.label('not a "name"')).toBe(OTHER_OPERATION);
});
