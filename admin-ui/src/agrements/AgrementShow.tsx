import { useState } from 'react';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField as MuiTextField } from '@mui/material';
import {
  BooleanField,
  DateField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  EditButton,
  useCanAccess,
  useNotify,
  useRecordContext,
  useRefresh,
} from 'react-admin';
import { RefField } from '../common/kit';
import { API_URL, httpClient } from '../providers/httpClient';
import { DECISIONS_AGREMENT, STATUTS_AGREMENT } from './statuts';
import { Historique } from '../tracabilite/HistoriqueTab';

type Decision = (typeof DECISIONS_AGREMENT)[number];

/** One decision button: shown only to a profile allowed to take it, on an agrément in the right statut. */
const DecisionButton = ({ decision }: { decision: Decision }) => {
  const record = useRecordContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const { canAccess } = useCanAccess({ resource: 'agrements', action: decision.action, record });
  const [open, setOpen] = useState(false);
  const [motif, setMotif] = useState('');
  const [pending, setPending] = useState(false);
  if (!record || !canAccess || !(decision.from as readonly string[]).includes(record.statut)) return null;

  const submit = async () => {
    setPending(true);
    try {
      const { json } = await httpClient(`${API_URL}/agrements/${record.id}/${decision.action}`, { method: 'POST', body: JSON.stringify(motif ? { motif } : {}) });
      // the server's message for this very action (v1.7 showed the wrong one when validating)
      notify((json as { message?: string }).message ?? 'Décision enregistrée.', { type: 'success' });
      setOpen(false);
      setMotif('');
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <MuiButton size="small" variant={decision.action === 'accorder' ? 'contained' : 'outlined'} onClick={() => (decision.motif ? setOpen(true) : submit())} disabled={pending}>
        {decision.label}
      </MuiButton>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth>
        <DialogTitle>{decision.label} l’agrément</DialogTitle>
        <DialogContent>
          <MuiTextField label="Motif (obligatoire)" name="motif" value={motif} onChange={(e) => setMotif(e.target.value)} multiline minRows={3} fullWidth margin="dense" />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>Annuler</MuiButton>
          <MuiButton variant="contained" onClick={submit} disabled={pending || !motif.trim()}>
            Confirmer
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};

const Actions = () => {
  const record = useRecordContext();
  return (
    <TopToolbar>
      <Stack direction="row" spacing={1}>
        {DECISIONS_AGREMENT.map((decision) => (
          <DecisionButton key={decision.action} decision={decision} />
        ))}
        {record?.statut === 'DEMANDE' ? <EditButton /> : null}
      </Stack>
    </TopToolbar>
  );
};

export const AgrementShow = () => (
  <Show actions={<Actions />}>
    <SimpleShowLayout>
      <RefField source="centre" reference="centres" text="raisonSociale" link="show" />
      <RefField source="site" reference="sites" text="nom" link="show" />
      <RefField source="titre" reference="titres" text={['code', 'intitule']} link="show" />
      <RefField source="ccs" reference="ccss" text={['code', 'intitule']} link="show" />
      <SelectField source="statut" choices={STATUTS_AGREMENT} />
      <DateField source="dateDemande" locales="fr-FR" />
      <DateField source="dateDebut" locales="fr-FR" />
      <DateField source="dateFin" locales="fr-FR" />
      <DateField source="dateDecision" locales="fr-FR" />
      <TextField source="motifDecision" />
      <BooleanField source="prolongation" />
      <TextField source="commentaire" />
      <Historique label="Historique" />
    </SimpleShowLayout>
  </Show>
);
