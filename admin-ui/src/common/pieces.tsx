/**
 * Supporting documents (PJ) in the back-office, one place for every owner (equivalence requests, session PV,
 * justified absence): the checks made before sending (the server checks again: plugins/bridge domain/pieces.ts),
 * the multipart upload to a workflow action, and the preview read through GET /api/ra/pieces/<id>.
 */
import { useState } from 'react';
import { Dialog, DialogContent, DialogTitle } from '@mui/material';
import { useNotify } from 'react-admin';
import { API_URL, httpClient } from '../providers/httpClient';
import { readSession } from '../providers/session';

/** what the owning record keeps of each piece */
export interface PieceInfo {
  id: number;
  nom: string;
  type: string;
  taille: number;
  ajouteLe: string;
  ajoutePar: string;
}

export const PIECE_ACCEPT = 'application/pdf,image/png,image/jpeg';
const TYPES = PIECE_ACCEPT.split(',');
const TAILLE_MAX = 10 * 1024 * 1024;

/** the French reason a file is refused before sending, or null */
export function refusPiece(file: File): string | null {
  if (!TYPES.includes(file.type)) return `« ${file.name} » : seuls les PDF, PNG et JPEG sont acceptés.`;
  if (file.size > TAILLE_MAX) return `« ${file.name} » dépasse 10 Mo.`;
  return null;
}

/**
 * Sends files to a workflow action (multipart, field `field`): the answer's JSON, or throws the server's French
 * message. The bearer token is added here; the browser sets the boundary.
 */
export async function envoyerPieces(resource: string, recordId: string, action: string, field: string, files: File[]): Promise<Record<string, unknown>> {
  const form = new FormData();
  for (const file of files) form.append(field, file, file.name);
  const response = await fetch(`${API_URL}/${resource}/${recordId}/${action}`, { method: 'POST', headers: { Authorization: `Bearer ${readSession()?.jwt ?? ''}` }, body: form });
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown> & { error?: { message?: string } };
  if (!response.ok) throw new Error(body?.error?.message ?? 'Pièce refusée.');
  return body;
}

/** `voir(piece)` opens the piece in a dialog (PDF in a frame, image as is); render `apercu` once in the component. */
export function useApercuPiece() {
  const notify = useNotify();
  const [ouverte, setOuverte] = useState<{ nom: string; type: string; url: string } | null>(null);
  const voir = async (piece: PieceInfo) => {
    try {
      const { json } = await httpClient(`${API_URL}/pieces/${piece.id}`);
      const bytes = Uint8Array.from(atob((json as { contenu: string }).contenu), (c) => c.charCodeAt(0));
      setOuverte({ nom: piece.nom, type: piece.type, url: URL.createObjectURL(new Blob([bytes], { type: piece.type })) });
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  const fermer = () => {
    if (ouverte) URL.revokeObjectURL(ouverte.url);
    setOuverte(null);
  };
  const apercu = (
    <Dialog open={Boolean(ouverte)} onClose={fermer} fullWidth maxWidth="lg">
      <DialogTitle>{ouverte?.nom}</DialogTitle>
      <DialogContent>
        {ouverte?.type === 'application/pdf' ? (
          <iframe title={ouverte.nom} src={ouverte.url} style={{ width: '100%', height: '75vh', border: 0 }} />
        ) : ouverte ? (
          <img alt={ouverte.nom} src={ouverte.url} style={{ maxWidth: '100%' }} />
        ) : null}
      </DialogContent>
    </Dialog>
  );
  return { voir, apercu };
}
