import { TAILLE_MAX_PIECE, typeReel, verifierPiece } from './pieces';

const octets = (...values: number[]) => Uint8Array.from(values);
const PDF = octets(0x25, 0x50, 0x44, 0x46, 0x2d, 0x31);
const PNG = octets(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const JPEG = octets(0xff, 0xd8, 0xff, 0xe0);

test('the type is read from the first bytes', () => {
  expect(typeReel(PDF)).toBe('application/pdf');
  expect(typeReel(PNG)).toBe('image/png');
  expect(typeReel(JPEG)).toBe('image/jpeg');
  expect(typeReel(Buffer.from('MZ\x90\x00'))).toBeNull();
  expect(typeReel(Buffer.from('<html>'))).toBeNull();
});

test('accepts PDF, PNG, JPEG up to 10 Mo', () => {
  expect(verifierPiece('a.pdf', 1000, PDF)).toBeNull();
  expect(verifierPiece('a.png', TAILLE_MAX_PIECE, PNG)).toBeNull();
  expect(verifierPiece('a.jpg', 1, JPEG)).toBeNull();
});

test('refuses a renamed executable, an empty file, and more than 10 Mo', () => {
  expect(verifierPiece('facture.pdf', 1000, Buffer.from('MZ\x90\x00'))).toMatch(/ni un PDF/);
  expect(verifierPiece('vide.pdf', 0, PDF)).toMatch(/vide/);
  expect(verifierPiece('gros.pdf', TAILLE_MAX_PIECE + 1, PDF)).toMatch(/dépasse 10 Mo/);
});
