import { normalizeSearchText, searchTokens } from './search-text';

test.each([
  ["L'Haÿ-les-Roses", 'l hay les roses'],
  ['Saint-Étienne-du-Rouvray', 'saint etienne du rouvray'],
  ["Côte d'Ivoire", 'cote d ivoire'],
  ['Île-de-Batz', 'ile de batz'],
  ['ŒUVRE Cœur', 'oeuvre coeur'],
  ['  Müller  –  Straße ', 'muller strasse'],
  ['O’Brien', 'o brien'],
])('%s → %s', (input, expected) => {
  expect(normalizeSearchText(input)).toBe(expected);
});

test('tokens are unique words, at most eight', () => {
  expect(searchTokens("saint-étienne SAINT d'étienne")).toEqual(['saint', 'etienne', 'd']);
  expect(searchTokens('a b c d e f g h i j')).toHaveLength(8);
  expect(searchTokens(" - ' ")).toEqual([]);
});
