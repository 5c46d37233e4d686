/** Uploading a supporting document (multipart) to a bridge action, as the back-office does. */
import { baseUrl, login } from './http';

/** a small real PDF (its first bytes are what the server checks) */
export const pdfDeTest = (texte = 'pièce de test') => Buffer.from(`%PDF-1.4\n% ${texte}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);

/** POST /api/ra/<path> with one file in form field `field`; answers { status, body } */
export async function joindre(username: string, path: string, field: string, contenu: Buffer = pdfDeTest(), nom = 'piece.pdf', type = 'application/pdf') {
  const form = new FormData();
  form.append(field, new Blob([contenu], { type }), nom);
  const response = await fetch(`${baseUrl()}/api/ra/${path}`, { method: 'POST', headers: { Authorization: `Bearer ${await login(username)}` }, body: form });
  const text = await response.text();
  let body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  return { status: response.status, body };
}
