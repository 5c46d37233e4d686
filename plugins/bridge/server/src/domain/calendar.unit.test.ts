import { aujourdhui } from './calendar';

describe('aujourdhui (date in metropolitan France)', () => {
  it('is already tomorrow in Paris late in the UTC evening', () => {
    expect(aujourdhui(new Date('2026-12-03T23:30:00Z'))).toBe('2026-12-04');
    expect(aujourdhui(new Date('2026-07-14T22:15:00Z'))).toBe('2026-07-15');
  });
  it('is the UTC date earlier in the day, written AAAA-MM-JJ', () => {
    expect(aujourdhui(new Date('2026-01-05T10:00:00Z'))).toBe('2026-01-05');
  });
});
