import { aujourdhui, dateFr } from './calendar';

describe('aujourdhui (date in metropolitan France)', () => {
  it('is already tomorrow in Paris late in the UTC evening', () => {
    expect(aujourdhui(new Date('2026-12-03T23:30:00Z'))).toBe('2026-12-04');
    expect(aujourdhui(new Date('2026-07-14T22:15:00Z'))).toBe('2026-07-15');
  });
  it('is the UTC date earlier in the day, written AAAA-MM-JJ', () => {
    expect(aujourdhui(new Date('2026-01-05T10:00:00Z'))).toBe('2026-01-05');
  });
});

describe('dateFr (JJ/MM/AAAA)', () => {
  it('writes an ISO date or instant the agents\' way', () => {
    expect(dateFr('2026-12-03')).toBe('03/12/2026');
    expect(dateFr('1991-12-25T00:00:00.000Z')).toBe('25/12/1991');
  });
  it('is empty without a date', () => {
    expect(dateFr(null)).toBe('');
    expect(dateFr(undefined)).toBe('');
  });
});
