import { BridgeError } from './errors';
import { MAX_PAGE_SIZE, parseListQuery, parseRange, parseSort, splitFilterKey } from './protocol';
import type { ResourceDefinition } from './resource';

const resource: ResourceDefinition = { name: 'pays', uid: 'api::pays.pays', label: 'le pays', sort: ['nom'], defaultSort: ['nom', 'ASC'] };

const fieldOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as BridgeError).field;
  }
  throw new Error('no error thrown');
};

test('defaults: resource sort, first 25 rows, no filter', () => {
  expect(parseListQuery({}, resource)).toEqual({ sort: { field: 'nom', order: 'ASC' }, range: { start: 0, end: 24 }, filter: {} });
});

test('sort: allow-listed fields and id only, order case-insensitive', () => {
  expect(parseSort('["nom","desc"]', resource)).toEqual({ field: 'nom', order: 'DESC' });
  expect(parseSort('["id","ASC"]', resource)).toEqual({ field: 'id', order: 'ASC' });
  expect(fieldOf(() => parseSort('["password","ASC"]', resource))).toBe('sort');
  expect(fieldOf(() => parseSort(['["nom","ASC"]', '["nom","ASC"]'], resource))).toBe('sort');
});

test('range: bounds, order and page size', () => {
  expect(parseRange(`[0,${MAX_PAGE_SIZE - 1}]`)).toEqual({ start: 0, end: MAX_PAGE_SIZE - 1 });
  expect(() => parseRange(`[0,${MAX_PAGE_SIZE}]`)).toThrow(/au plus 1000/);
  expect(() => parseRange('[3,1]')).toThrow(/inversé/);
  expect(() => parseRange('[-1,1]')).toThrow(/négatif/);
  expect(() => parseRange('[0.5,1]')).toThrow(/entiers/);
});

test('unknown query parameters are refused', () => {
  expect(fieldOf(() => parseListQuery({ populate: '*' }, resource))).toBe('populate');
});

test('filter keys carry their operator as a suffix', () => {
  expect(splitFilterKey('dateFin_gte')).toEqual({ key: 'dateFin', operator: 'gte' });
  expect(splitFilterKey('successeur_null')).toEqual({ key: 'successeur', operator: 'null' });
  expect(splitFilterKey('codeInsee')).toEqual({ key: 'codeInsee', operator: undefined });
});
