import { withoutCallStack } from '../../src/db/no-call-stack';

describe('withoutCallStack', () => {
  test('an error built inside carries its message but no frames', () => {
    const error = withoutCallStack(() => new Error('built inside'));
    expect(error.message).toBe('built inside');
    expect(error.stack).toBe('Error: built inside');
    expect(new Error('outside').stack).toContain('\n    at ');
  });

  test('the stack limit is restored after a throw', () => {
    const before = Error.stackTraceLimit;
    expect(() =>
      withoutCallStack(() => {
        throw new Error('fails');
      }),
    ).toThrow('fails');
    expect(Error.stackTraceLimit).toBe(before);
  });
});
