import { diffRecords, toJson } from './diff';

test('an update keeps only the changed fields, with before and after', () => {
  const before = { id: 'abc', nom: 'Lyon', code: '69', dateFin: null, updatedAt: '2026-01-01T00:00:00.000Z' };
  const after = { id: 'abc', nom: 'Lyon Métropole', code: '69', dateFin: '2026-12-31', updatedAt: '2026-02-01T00:00:00.000Z' };
  expect(diffRecords(before, after)).toEqual({
    dateFin: { before: null, after: '2026-12-31' },
    nom: { before: 'Lyon', after: 'Lyon Métropole' },
  });
});

test('a creation lists the fields set, a deletion the fields that were set', () => {
  expect(diffRecords(null, { id: 'x', nom: 'A', vide: null, liste: [], createdAt: 'now' })).toEqual({ nom: { before: null, after: 'A' } });
  expect(diffRecords({ id: 'x', nom: 'A', actif: false, titres: ['t1'] }, null)).toEqual({
    actif: { before: false, after: null },
    nom: { before: 'A', after: null },
    titres: { before: ['t1'], after: null },
  });
});

test('an unchanged record gives no change; relation lists and objects compare by value', () => {
  const record = { id: 'x', titres: ['a', 'b'], adresse: { ville: 'Paris', cp: '75001' } };
  expect(diffRecords(record, { ...record, titres: ['a', 'b'], adresse: { cp: '75001', ville: 'Paris' } })).toEqual({});
  expect(diffRecords(record, { ...record, titres: ['a'] })).toEqual({ titres: { before: ['a', 'b'], after: ['a'] } });
});

test('null, undefined and an empty list are all "unset"', () => {
  expect(diffRecords({ a: null, b: [] }, { a: undefined, b: null })).toEqual({});
});

test('values are stored as JSON: dates as ISO strings, no undefined', () => {
  expect(toJson(new Date('2026-03-14T10:00:00Z'))).toBe('2026-03-14T10:00:00.000Z');
  expect(toJson({ b: undefined, a: 1n })).toEqual({ a: '1' });
  expect(diffRecords({ d: new Date('2026-03-14T10:00:00Z') }, { d: '2026-03-14T10:00:00.000Z' })).toEqual({});
});

test('ignored fields can be chosen', () => {
  expect(diffRecords({ a: 1, b: 1 }, { a: 2, b: 2 }, ['b'])).toEqual({ a: { before: 1, after: 2 } });
});
