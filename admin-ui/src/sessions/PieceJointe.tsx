import { useRef } from 'react';
import { Box, Button as MuiButton, Stack, Typography } from '@mui/material';
import { useCanAccess, useNotify, useRefresh } from 'react-admin';
import { envoyerPieces, PIECE_ACCEPT, refusPiece, useApercuPiece, type PieceInfo } from '../common/pieces';

export type { PieceInfo };

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
  const { voir, apercu } = useApercuPiece();

  const envoyer = async (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    const refus = refusPiece(file);
    if (refus) return notify(refus, { type: 'error' });
    try {
      const answer = await envoyerPieces(resource, recordId, action, field, [file]);
      notify(`${libelle} : pièce jointe.`, { type: 'success' });
      if (onUploaded) onUploaded(answer);
      else refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
    if (input.current) input.current.value = '';
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
            <MuiButton size="small" onClick={() => voir(piece)}>
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
            <input ref={input} hidden type="file" accept={PIECE_ACCEPT} aria-label={`${libelle} (fichier)`} onChange={(e) => envoyer(e.target.files)} />
          </MuiButton>
        ) : null}
      </Stack>
      {apercu}
    </Box>
  );
};
