/**
 * Workflow buttons of a session: exactly the actions the state machine allows for this state and the
 * agent's profile (the same table the server applies); each is one call answering the new state or the
 * server's French refusal, shown as is.
 */
import { useState, type ReactNode } from 'react';
import {
  Button as MuiButton,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  Stack,
  TextField as MuiTextField,
} from '@mui/material';
import { EditButton, useNotify, usePermissions, useRecordContext, useRefresh } from 'react-admin';
import { API_URL, httpClient } from '../providers/httpClient';
import type { Permissions } from '../providers/permissions';
import { ACTION_LABELS, availableActions, STATE_LABELS, TOOLBAR_ACTIONS, type ActionName, type State } from './choix';

/** Posts one action; notifies the server's answer; refreshes the page. */
export function useSessionAction() {
  const notify = useNotify();
  const refresh = useRefresh();
  return async (sessionId: string, action: string, body: Record<string, unknown> = {}, success?: string) => {
    try {
      const { json } = await httpClient(`${API_URL}/sessions/${sessionId}/${action}`, { method: 'POST', body: JSON.stringify(body) });
      const statut = (json as { statut?: State }).statut;
      notify(success ?? `${ACTION_LABELS[action as ActionName] ?? action} : c’est fait${statut ? ` (session « ${STATE_LABELS[statut]} »)` : ''}.`, { type: 'success' });
      refresh();
      return true;
    } catch (error) {
      notify((error as Error).message, { type: 'error', multiLine: true, autoHideDuration: 15000 });
      return false;
    }
  };
}

/** The actions the current agent may take on this session now. */
export function useAllowedActions(): ActionName[] {
  const record = useRecordContext();
  const { permissions } = usePermissions<Permissions>();
  if (!record || !permissions?.profile) return [];
  return availableActions(record.statut as State, permissions.profile as never);
}

const DIALOGS: Partial<Record<ActionName, { titre: string; explication?: string; motif?: boolean; commentaire?: boolean; entretienFinal?: boolean }>> = {
  renvoyer: { titre: 'Renvoyer la session en préparation', explication: 'Le centre pourra corriger la session puis la déclarer de nouveau.', motif: true },
  annuler: { titre: 'Annuler la session', explication: 'L’annulation est définitive. Le motif est conservé et visible dans l’historique.', motif: true },
  deverrouiller: {
    titre: 'Déverrouiller la session',
    explication: 'Les résultats redeviennent modifiables par le centre ; la session devra être finalisée, transmise et validée de nouveau. Les résultats validés restent dans l’historique.',
    motif: true,
    entretienFinal: true,
  },
  commanderDte: { titre: 'Commander le DTE', explication: 'Commentaire facultatif à l’attention de l’AFPA (adresse de livraison, contraintes…).', commentaire: true },
};

const ActionButton = ({ action }: { action: ActionName }) => {
  const record = useRecordContext();
  const run = useSessionAction();
  const dialog = DIALOGS[action];
  const [open, setOpen] = useState(false);
  const [motif, setMotif] = useState('');
  const [commentaire, setCommentaire] = useState('');
  const [entretienFinal, setEntretienFinal] = useState<boolean>(Boolean(record?.entretienFinalDeverrouillage));
  const [pending, setPending] = useState(false);
  if (!record) return null;
  const submit = async () => {
    setPending(true);
    const body: Record<string, unknown> = {};
    if (dialog?.motif) body.motif = motif;
    if (dialog?.commentaire && commentaire.trim()) body.commentaire = commentaire;
    if (dialog?.entretienFinal && record.type === 'TITRE') body.entretienFinal = entretienFinal;
    const done = await run(String(record.id), action, body);
    setPending(false);
    if (done) {
      setOpen(false);
      setMotif('');
      setCommentaire('');
    }
  };
  const danger = action === 'annuler';
  return (
    <>
      <MuiButton size="small" color={danger ? 'error' : 'primary'} variant={danger ? 'outlined' : 'contained'} disabled={pending} data-action={action} onClick={() => (dialog ? setOpen(true) : submit())}>
        {ACTION_LABELS[action]}
      </MuiButton>
      {dialog ? (
        <Dialog open={open} onClose={() => setOpen(false)} fullWidth>
          <DialogTitle>{dialog.titre}</DialogTitle>
          <DialogContent>
            {dialog.explication ? <DialogContentText sx={{ mb: 1 }}>{dialog.explication}</DialogContentText> : null}
            {dialog.motif ? <MuiTextField label="Motif (obligatoire)" name="motif" value={motif} onChange={(e) => setMotif(e.target.value)} multiline minRows={3} fullWidth margin="dense" /> : null}
            {dialog.commentaire ? (
              <MuiTextField label="Commentaire pour l’AFPA" name="commentaire" value={commentaire} onChange={(e) => setCommentaire(e.target.value)} multiline minRows={3} fullWidth margin="dense" slotProps={{ htmlInput: { maxLength: 2000 } }} />
            ) : null}
            {dialog.entretienFinal && record.type === 'TITRE' ? (
              <FormControlLabel control={<Checkbox name="entretienFinal" checked={entretienFinal} onChange={(e) => setEntretienFinal(e.target.checked)} />} label="Entretien final réalisé" />
            ) : null}
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={() => setOpen(false)}>Fermer</MuiButton>
            <MuiButton variant="contained" color={danger ? 'error' : 'primary'} onClick={submit} disabled={pending || (dialog.motif && motif.trim().length < 3)}>
              Confirmer
            </MuiButton>
          </DialogActions>
        </Dialog>
      ) : null}
    </>
  );
};

export const SessionToolbar = ({ children }: { children?: ReactNode }) => {
  const record = useRecordContext();
  const allowed = useAllowedActions();
  if (!record) return null;
  const editable = !['ANNULEE', 'CLOTUREE'].includes(record.statut);
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', justifyContent: 'flex-end', my: 1 }} data-testid="actions-session">
      {TOOLBAR_ACTIONS.filter((a) => allowed.includes(a)).map((action) => (
        <ActionButton key={action} action={action} />
      ))}
      {editable ? <EditButton /> : null}
      {children}
    </Stack>
  );
};
