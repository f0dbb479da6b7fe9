import { readPoolFigures } from '../../src/observability/pool-metrics';

test('pool figures are read from the driver pool bookkeeping, and absent when its shape changes', () => {
  const driver = {
    _connectionProvider: {
      _connectionPool: { _activeResourceCounts: { a: 2, b: 1 }, _pools: { a: [1, 2, 3], b: [] } },
    },
  };
  expect(readPoolFigures(driver)).toEqual({ inUse: 3, idle: 3 });
  expect(readPoolFigures({ _connectionProvider: null })).toEqual({ inUse: 0, idle: 0 });
  expect(readPoolFigures({ _connectionProvider: { somethingElse: 1 } })).toBeUndefined();
  expect(readPoolFigures(undefined)).toBeUndefined();
});
