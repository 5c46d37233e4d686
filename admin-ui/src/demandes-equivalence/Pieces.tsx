import { useRef } from 'react';
import { Box, Button as MuiButton, List as MuiList, ListItem, ListItemText, Typography } from '@mui/material';
import { useCanAccess, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { envoyerPieces, PIECE_ACCEPT, refusPiece, useApercuPiece, type PieceInfo } from '../common/pieces';

/** Supporting documents: attach (PDF/PNG/JPEG, 10 Mo at most, checked again by the server) and preview (v1.7). */
export const Pieces = () => {
  const record = useRecordContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const input = useRef<HTMLInputElement>(null);
  const { canAccess } = useCanAccess({ resource: 'demandes-equivalence', action: 'ajouterPieces', record });
  const { voir, apercu } = useApercuPiece();
  if (!record) return null;
  const pieces = (record.pieces as PieceInfo[] | null) ?? [];

  const envoyer = async (files: FileList | null) => {
    if (!files?.length) return;
    const refus = Array.from(files).map(refusPiece).find(Boolean);
    if (refus) return notify(refus, { type: 'error' });
    try {
      await envoyerPieces('demandes-equivalence', String(record.id), 'ajouterPieces', 'pieces', Array.from(files));
      notify('Pièce justificative ajoutée.', { type: 'success' });
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
    if (input.current) input.current.value = '';
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
          <input ref={input} hidden type="file" accept={PIECE_ACCEPT} multiple onChange={(e) => envoyer(e.target.files)} />
        </MuiButton>
      ) : null}
      {apercu}
    </Box>
  );
};
