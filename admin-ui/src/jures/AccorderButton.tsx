import { useState } from 'react';
import { Button as MuiButton, Dialog, DialogContent, DialogTitle, Typography } from '@mui/material';
import { AutocompleteInput, DateInput, Form, ReferenceInput, SaveButton, TextInput, Toolbar, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { API_URL, httpClient } from '../providers/httpClient';

type Rec = Record<string, string | null | undefined>;

/** The UD grants a habilitation on a title or a CCS; the server checks the seniority rule and the title's validity. */
export const AccorderButton = () => {
  const record = useRecordContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  if (!record) return null;

  const submit = async (values: Record<string, unknown>) => {
    const body = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== ''));
    try {
      await httpClient(`${API_URL}/jures/${record.id}/accorder`, { method: 'POST', body: JSON.stringify(body) });
      notify('Habilitation accordée.', { type: 'success' });
      setOpen(false);
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error', multiLine: true, autoHideDuration: 20000 });
    }
  };

  return (
    <>
      <MuiButton size="small" variant="contained" onClick={() => setOpen(true)} data-action="accorder">
        Accorder une habilitation
      </MuiButton>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth>
        <DialogTitle>Accorder une habilitation à {record.prenom} {String(record.nom ?? '').toUpperCase()}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 1 }}>
            Sur un titre ou sur un CCS. Le critère d’ancienneté est vérifié à la date de début ; la fin ne peut dépasser la fin de validité du titre.
          </Typography>
          <Form onSubmit={submit}>
            <ReferenceInput source="titre" reference="titres" filter={{ statut: ['ACTIF', 'EN_PROLONGATION'] }}>
              <AutocompleteInput label="Titre" optionText={(t: Rec) => `${t.code} (${t.version}) ${t.intitule}`} filterToQuery={(q) => ({ q })} fullWidth />
            </ReferenceInput>
            <ReferenceInput source="ccs" reference="ccss">
              <AutocompleteInput label="ou CCS" optionText={(c: Rec) => `${c.code} ${c.intitule}`} filterToQuery={(q) => ({ q })} fullWidth />
            </ReferenceInput>
            <DateInput source="dateDebut" label="Début (par défaut : aujourd’hui)" />
            <DateInput source="dateFin" label="Fin (par défaut : fin de validité du titre)" />
            <TextInput source="motif" label="Observations sur la décision" multiline fullWidth />
            <Toolbar>
              <SaveButton label="Accorder" alwaysEnable />
            </Toolbar>
          </Form>
        </DialogContent>
      </Dialog>
    </>
  );
};
