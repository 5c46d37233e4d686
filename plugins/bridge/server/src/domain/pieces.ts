/**
 * Supporting documents (PJ) of a request: PDF, PNG or JPEG only, 10 Mo at most. The type is read from
 * the file's first bytes, never trusted from its name or the browser's declaration.
 */
export const TAILLE_MAX_PIECE = 10 * 1024 * 1024;
export const TYPES_PIECE = { 'application/pdf': '.pdf', 'image/png': '.png', 'image/jpeg': '.jpg' } as const;
export type TypePiece = keyof typeof TYPES_PIECE;

export function typeReel(debut: Uint8Array): TypePiece | null {
  const commence = (...octets: number[]) => octets.every((o, i) => debut[i] === o);
  if (commence(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'; // %PDF-
  if (commence(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (commence(0xff, 0xd8, 0xff)) return 'image/jpeg';
  return null;
}

/** The error message for a file that cannot be attached, or null. */
export function verifierPiece(nom: string, taille: number, debut: Uint8Array): string | null {
  if (taille === 0) return `Le fichier « ${nom} » est vide.`;
  if (taille > TAILLE_MAX_PIECE) return `Le fichier « ${nom} » dépasse 10 Mo (${(taille / 1024 / 1024).toFixed(1).replace('.', ',')} Mo).`;
  if (!typeReel(debut)) return `Le fichier « ${nom} » n'est ni un PDF, ni une image PNG ou JPEG : pièce refusée.`;
  return null;
}
