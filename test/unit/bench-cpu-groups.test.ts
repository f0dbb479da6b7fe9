import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openCpuGroups } from '../../src/tools/bench/cpu-groups';

/**
 * The benchmark's CPU groups (Neo4j apart from the load generator), on a directory laid out as
 * cgroup v1's cpu hierarchy: what is written where, and that a run without one goes on without.
 */
let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'cpu-groups-'));
  writeFileSync(path.join(root, 'cgroup.procs'), '');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const read = (...parts: string[]) => readFileSync(path.join(root, ...parts), 'utf8');

test('each of Neo4j and the generator goes into a group of its own, of equal weight, and back out', () => {
  const groups = openCpuGroups(root);
  expect(groups?.description).toMatch(/CPU group of its own, of equal weight/);
  expect(read('kg-bench-database', 'cpu.shares')).toBe(read('kg-bench-load', 'cpu.shares'));
  groups?.place('database', 4242);
  groups?.place('load', 4343);
  expect(read('kg-bench-database', 'cgroup.procs')).toBe('4242');
  expect(read('kg-bench-load', 'cgroup.procs')).toBe('4343');
  // Release moves each back to the root group; the kernel takes one pid per write.
  groups?.release();
  expect(read('cgroup.procs')).toBe('4343');
});

test('without a cgroup cpu hierarchy, or one that cannot be written, there are no groups', () => {
  expect(openCpuGroups(path.join(root, 'missing'))).toBeUndefined();
  // A group name taken by a plain file: the group cannot be made.
  writeFileSync(path.join(root, 'kg-bench-database'), '');
  expect(openCpuGroups(root)).toBeUndefined();
  expect(existsSync(path.join(root, 'kg-bench-load'))).toBe(false);
});
