import { useRef, useState } from 'react';
import { Box, Button as MuiButton, Dialog, DialogContent, DialogTitle, List as MuiList, ListItem, ListItemText, Typography } from '@mui/material';
import { useCanAccess, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { API_URL, httpClient } from '../providers/httpClient';
import { readSession } from '../providers/session';

interface Piece {
  id: number;
  nom: string;
  type: string;
  taille: number;
  ajouteLe: string;
  ajoutePar: string;
}

const TAILLE_MAX = 10 * 1024 * 1024;
const TYPES = ['application/pdf', 'image/png', 'image/jpeg'];

/** Supporting documents: attach (PDF/PNG/JPEG, 10 Mo at most, checked again by the server) and preview (v1.7). */
export const Pieces = () => {
  const record = useRecordContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const input = useRef<HTMLInputElement>(null);
  const { canAccess } = useCanAccess({ resource: 'demandes-equivalence', action: 'ajouterPieces', record });
  const [apercu, setApercu] = useState<{ nom: string; type: string; url: string } | null>(null);
  if (!record) return null;
  const pieces = (record.pieces as Piece[] | null) ?? [];

  const envoyer = async (files: FileList | null) => {
    if (!files?.length) return;
    const form = new FormData();
    for (const file of Array.from(files)) {
      if (!TYPES.includes(file.type)) return notify(`« ${file.name} » : seuls les PDF, PNG et JPEG sont acceptés.`, { type: 'error' });
      if (file.size > TAILLE_MAX) return notify(`« ${file.name} » dépasse 10 Mo.`, { type: 'error' });
      form.append('pieces', file, file.name);
    }
    // multipart: the bearer token is added here, the browser sets the boundary
    const response = await fetch(`${API_URL}/demandes-equivalence/${record.id}/ajouterPieces`, { method: 'POST', headers: { Authorization: `Bearer ${readSession()?.jwt ?? ''}` }, body: form });
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      notify(body?.error?.message ?? 'Pièce refusée.', { type: 'error' });
    } else {
      notify('Pièce justificative ajoutée.', { type: 'success' });
      refresh();
    }
    if (input.current) input.current.value = '';
  };

  const voir = async (piece: Piece) => {
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
      <Typography variant="subtitle1">Pièces justificatives</Typography>
      {pieces.length === 0 ? <Typography color="text.secondary">Aucune pièce jointe.</Typography> : null}
      <MuiList dense>
        {pieces.map((p) => (
          <ListItem key={p.id} secondaryAction={<MuiButton onClick={() => voir(p)}>Voir</MuiButton>}>
            <ListItemText primary={p.nom} secondary={`${p.type}, ${(p.taille / 1024).toFixed(0)} Ko — ajoutée par ${p.ajoutePar} le ${new Date(p.ajouteLe).toLocaleDateString('fr-FR')}`} />
          </ListItem>
        ))}
      </MuiList>
      {canAccess && record.statut === 'DEPOSEE' ? (
        <MuiButton variant="outlined" component="label">
          Joindre une pièce (PDF, PNG, JPEG — 10 Mo max.)
          <input ref={input} hidden type="file" accept="application/pdf,image/png,image/jpeg" multiple onChange={(e) => envoyer(e.target.files)} />
        </MuiButton>
      ) : null}
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
