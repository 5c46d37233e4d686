import { fingerprint, planLinks, planUpsert, stableStringify } from './plan';

const row = (key: string, content: unknown) => ({ key, fingerprint: fingerprint(content), content });

describe('planUpsert', () => {
  test('first load inserts everything', () => {
    const plan = planUpsert([row('a', 1), row('b', 2)], new Map(), new Map());
    expect(plan.inserts.map((r) => r.key)).toEqual(['a', 'b']);
    expect(plan.updates).toEqual([]);
  });

  test('a reseed with the same file changes nothing', () => {
    const rows = [row('a', 1), row('b', 2)];
    const plan = planUpsert(rows, new Map([['a', 10], ['b', 11]]), new Map(rows.map((r) => [r.key, r.fingerprint])));
    expect(plan).toMatchObject({ inserts: [], updates: [], unchanged: 2 });
  });

  test('a changed data-file row is updated in place (same id), a new one inserted, none duplicated', () => {
    const before = [row('a', 1), row('b', 2)];
    const after = [row('a', 1), row('b', 'renamed'), row('c', 3)];
    const plan = planUpsert(after, new Map([['a', 10], ['b', 11]]), new Map(before.map((r) => [r.key, r.fingerprint])));
    expect(plan.updates).toEqual([{ id: 11, row: after[1] }]);
    expect(plan.inserts.map((r) => r.key)).toEqual(['c']);
    expect(plan.unchanged).toBe(1);
  });

  test("an administrator's edit survives a reseed until the data file changes that row", () => {
    const rows = [row('a', 1)];
    // the table holds an edited row; the fingerprint applied last is the file's: nothing to do
    expect(planUpsert(rows, new Map([['a', 10]]), new Map([['a', rows[0].fingerprint]])).updates).toEqual([]);
    // the file changed this row: the file wins
    expect(planUpsert([row('a', 2)], new Map([['a', 10]]), new Map([['a', rows[0].fingerprint]])).updates).toHaveLength(1);
  });

  test('a row deleted by an administrator is not resurrected by an unchanged file', () => {
    const rows = [row('a', 1)];
    expect(planUpsert(rows, new Map(), new Map([['a', rows[0].fingerprint]]))).toMatchObject({ inserts: [], unchanged: 1 });
  });

  test('rows present but never seeded (created by hand) take the file content', () => {
    expect(planUpsert([row('a', 1)], new Map([['a', 10]]), new Map()).updates).toEqual([{ id: 10, row: expect.objectContaining({ key: 'a' }) }]);
  });

  test('duplicate keys in a data file are reported', () => {
    expect(planUpsert([row('a', 1), row('a', 2)], new Map(), new Map()).duplicates).toEqual(['a']);
  });
});

describe('fingerprint', () => {
  test('does not depend on key order, does on values', () => {
    expect(fingerprint({ a: 1, b: [1, 2] })).toBe(fingerprint({ b: [1, 2], a: 1 }));
    expect(fingerprint({ a: 1 })).not.toBe(fingerprint({ a: 2 }));
    expect(stableStringify({ b: undefined, a: "L'Haÿ" })).toBe('{"a":"L\'Haÿ"}');
  });
});

describe('planLinks', () => {
  test('resolves target keys, ranks them, reports unknown ones, skips repeats', () => {
    const { pairs, missing } = planLinks([{ id: 1, targets: ['x', 'y', 'x', 'z'] }], new Map([['x', 7], ['y', 8]]));
    expect(pairs).toEqual([
      { sourceId: 1, targetId: 7, rank: 1 },
      { sourceId: 1, targetId: 8, rank: 2 },
    ]);
    expect(missing).toEqual(['z']);
  });
});
