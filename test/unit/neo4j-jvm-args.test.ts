import { ConfigError, loadConfig } from '../../src/config';

/** NEO4J_JVM_ARGS: the local Neo4j's extra JVM options, read from the environment as a user writes them. */

test('splits the options on any run of whitespace, and defaults to none', () => {
  expect(loadConfig({}).NEO4J_JVM_ARGS).toEqual([]);
  expect(loadConfig({ NEO4J_JVM_ARGS: '  ' }).NEO4J_JVM_ARGS).toEqual([]);
  expect(
    loadConfig({ NEO4J_JVM_ARGS: ' -XX:MaxTenuringThreshold=1\t-Xss2m\n -Dfile.encoding=UTF-8 ' }).NEO4J_JVM_ARGS,
  ).toEqual(['-XX:MaxTenuringThreshold=1', '-Xss2m', '-Dfile.encoding=UTF-8']);
});

test.each([
  ['a class path', '-cp /tmp/evil.jar'],
  ['an agent', '-javaagent:/tmp/agent.jar'],
  ['a bare word', 'MaxTenuringThreshold=1'],
  ['a module option', '--add-opens=java.base/java.lang=ALL-UNNAMED'],
  ['a lone -X', '-X'],
])('refuses %s, naming the setting', (_, value) => {
  expect(() => loadConfig({ NEO4J_JVM_ARGS: value })).toThrow(ConfigError);
  expect(() => loadConfig({ NEO4J_JVM_ARGS: value })).toThrow(
    /NEO4J_JVM_ARGS\.\d+: each option must start with -X or -D/,
  );
});
