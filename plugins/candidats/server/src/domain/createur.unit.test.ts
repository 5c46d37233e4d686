import { createurDe } from './createur';

test('a UD, Nouvelle-Calédonie or DREETS agent records its service; a centre agent its centre', () => {
  expect(createurDe({ kind: 'departements', codes: ['69'] })).toEqual({ departementCreateur: '69' });
  expect(createurDe({ kind: 'departements', codes: ['988'] })).toEqual({ departementCreateur: '988' });
  expect(createurDe({ kind: 'regions', codes: ['84'] })).toEqual({ regionCreateur: '84' });
  expect(createurDe({ kind: 'centres', centreIds: [12] })).toEqual({ centreCreateur: 12 });
});

test('nothing to record for national profiles, an empty scope, or a centre agent of several centres', () => {
  expect(createurDe({ kind: 'national' })).toEqual({});
  expect(createurDe({ kind: 'departements', codes: [] })).toEqual({});
  expect(createurDe({ kind: 'regions', codes: [] })).toEqual({});
  expect(createurDe({ kind: 'centres', centreIds: [1, 2] })).toEqual({});
});
