import { parseTraceFilter, QueryError } from './query';

const error = (filter: Record<string, unknown>) => {
  try {
    parseTraceFilter(filter);
  } catch (e) {
    return e as QueryError;
  }
  throw new Error('no error');
};

test('a period of whole days or of instants', () => {
  expect(parseTraceFilter({ at_gte: '2026-03-01', at_lte: '2026-03-31' })).toEqual({ from: { day: '2026-03-01' }, until: { day: '2026-03-31' } });
  expect(parseTraceFilter({ at_gte: '2026-03-01T10:00:00+01:00' })).toEqual({ from: { instant: '2026-03-01T09:00:00.000Z' } });
  expect(parseTraceFilter({ at_gte: '2026-03-01', at_lte: '2026-03-01' })).toEqual({ from: { day: '2026-03-01' }, until: { day: '2026-03-01' } });
});

test('user, resource, record and action filters', () => {
  expect(parseTraceFilter({ username: ' admin ', resource: 'pays', record: 'abc123', action: 'update', userId: '4' })).toEqual({
    username: 'admin',
    resource: 'pays',
    record: 'abc123',
    action: 'update',
    userId: 4,
  });
  expect(parseTraceFilter({ id: ['1', 2] })).toEqual({ ids: [1, 2] });
});

test('bad values and unknown filters are named in French', () => {
  expect(error({ at_gte: '2026-02-31' })).toMatchObject({ field: 'filter.at_gte', message: expect.stringContaining("n'existe pas") });
  expect(error({ resource: "pays' OR 1=1" }).field).toBe('filter.resource');
  expect(error({ changes: 'x' }).message).toContain('n\'est pas autorisé');
  expect(error({ userId: -1 }).field).toBe('filter.userId');
  expect(error({ at_gte: '2026-03-02', at_lte: '2026-03-01' }).message).toContain('période est vide');
  expect(error({ username: { $ne: '' } }).field).toBe('filter.username');
});
