import { useRef, useState } from 'react';
import { Box, Button as MuiButton, Dialog, DialogContent, DialogTitle, Stack, Typography } from '@mui/material';
import { useCanAccess, useNotify, useRefresh } from 'react-admin';
import { API_URL, httpClient } from '../providers/httpClient';
import { readSession } from '../providers/session';

export interface PieceInfo {
  id: number;
  nom: string;
  type: string;
  taille: number;
  ajouteLe: string;
  ajoutePar: string;
}

const TAILLE_MAX = 10 * 1024 * 1024;
const TYPES = ['application/pdf', 'image/png', 'image/jpeg'];

/**
 * One supporting document of a session record (signed PV, justified absence): its name with « Voir » (read
 * through GET /api/ra/pieces/<id>, after the server's territory check) and, when the profile may run
 * `action` and `enabled`, a button that uploads a file (multipart field `field`) — checked again by the server.
 */
export const PieceJointe = ({
  resource,
  recordId,
  action,
  field,
  piece,
  libelle,
  enabled = true,
  compact = false,
  onUploaded,
}: {
  resource: string;
  recordId: string;
  action: string;
  field: string;
  piece: PieceInfo | null | undefined;
  libelle: string;
  enabled?: boolean;
  compact?: boolean;
  /** given: the caller keeps the new piece in its own state (a grid being edited is not reloaded) */
  onUploaded?: (answer: Record<string, unknown>) => void;
}) => {
  const notify = useNotify();
  const refresh = useRefresh();
  const input = useRef<HTMLInputElement>(null);
  const { canAccess } = useCanAccess({ resource, action });
  const [apercu, setApercu] = useState<{ nom: string; type: string; url: string } | null>(null);

  const envoyer = async (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    if (!TYPES.includes(file.type)) return notify(`« ${file.name} » : seuls les PDF, PNG et JPEG sont acceptés.`, { type: 'error' });
    if (file.size > TAILLE_MAX) return notify(`« ${file.name} » dépasse 10 Mo.`, { type: 'error' });
    const form = new FormData();
    form.append(field, file, file.name);
    // multipart: the bearer token is added here, the browser sets the boundary
    const response = await fetch(`${API_URL}/${resource}/${recordId}/${action}`, { method: 'POST', headers: { Authorization: `Bearer ${readSession()?.jwt ?? ''}` }, body: form });
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      notify(body?.error?.message ?? 'Pièce refusée.', { type: 'error' });
    } else {
      notify(`${libelle} : pièce jointe.`, { type: 'success' });
      const answer = await response.json().catch(() => ({}));
      if (onUploaded) onUploaded(answer);
      else refresh();
    }
    if (input.current) input.current.value = '';
  };

  const voir = async () => {
    if (!piece) return;
    try {
      const { json } = await httpClient(`${API_URL}/pieces/${piece.id}`);
      const bytes = Uint8Array.from(atob((json as { contenu: string }).contenu), (c) => c.charCodeAt(0));
      setApercu({ nom: piece.nom, type: piece.type, url: URL.createObjectURL(new Blob([bytes], { type: piece.type })) });
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };

  return (
    <Box>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        {compact ? null : <Typography variant="body2">{libelle} :</Typography>}
        {piece ? (
          <>
            <Typography variant="body2" title={`ajoutée par ${piece.ajoutePar} le ${new Date(piece.ajouteLe).toLocaleDateString('fr-FR')}`}>
              {piece.nom}
            </Typography>
            <MuiButton size="small" onClick={voir}>
              Voir
            </MuiButton>
          </>
        ) : (
          <Typography variant="body2" color="text.secondary">
            aucune pièce
          </Typography>
        )}
        {canAccess && enabled ? (
          <MuiButton size="small" variant="outlined" component="label">
            {piece ? 'Remplacer' : 'Joindre'}
            <input ref={input} hidden type="file" accept="application/pdf,image/png,image/jpeg" aria-label={`${libelle} (fichier)`} onChange={(e) => envoyer(e.target.files)} />
          </MuiButton>
        ) : null}
      </Stack>
      <Dialog
        open={Boolean(apercu)}
        onClose={() => {
          if (apercu) URL.revokeObjectURL(apercu.url);
          setApercu(null);
        }}
        fullWidth
        maxWidth="lg"
      >
        <DialogTitle>{apercu?.nom}</DialogTitle>
        <DialogContent>
          {apercu?.type === 'application/pdf' ? (
            <iframe title={apercu.nom} src={apercu.url} style={{ width: '100%', height: '75vh', border: 0 }} />
          ) : apercu ? (
            <img alt={apercu.nom} src={apercu.url} style={{ maxWidth: '100%' }} />
          ) : null}
        </DialogContent>
      </Dialog>
    </Box>
  );
};
