import { nombreDeParts } from './renderer';

describe('nombreDeParts: a big PDF is cut into one part per LibreOffice process', () => {
  test('below the threshold, one conversion', () => {
    expect(nombreDeParts(1, 2, 60)).toBe(1);
    expect(nombreDeParts(59, 4, 60)).toBe(1);
  });
  test('from the threshold, as many parts as processes, each of at least half the threshold', () => {
    expect(nombreDeParts(60, 2, 60)).toBe(2);
    expect(nombreDeParts(200, 2, 60)).toBe(2);
    expect(nombreDeParts(200, 8, 60)).toBe(6);
    expect(nombreDeParts(200, 1, 60)).toBe(1);
  });
});
