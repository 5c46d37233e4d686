import { useState } from 'react';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField as MuiTextField } from '@mui/material';
import {
  AutocompleteInput,
  Create,
  DataTable,
  DateField,
  DateInput,
  FilterButton,
  FormDataConsumer,
  List,
  ReferenceArrayInput,
  AutocompleteArrayInput,
  ReferenceField,
  ReferenceInput,
  SelectField,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  required,
  useCanAccess,
  useNotify,
  useRecordContext,
  useRefresh,
} from 'react-admin';
import { Chips, qSearch, RefField } from '../common/kit';
import { API_URL, httpClient } from '../providers/httpClient';
import { SOUS_TYPES_INTERNE, STATUTS_DEMANDE, TYPES_EQUIVALENCE } from '../candidats/choix';
import { Pieces } from './Pieces';

const candidatTexte = (c: { nomNaissance?: string; prenoms?: string[] }) => (c ? `${(c.nomNaissance ?? '').toUpperCase()} ${(c.prenoms ?? []).join(' ')}` : '');
const ccpTexte = (c: { code?: string; intitule?: string }) => (c ? `${c.code} — ${c.intitule}` : '');

const filters = [<SelectInput key="statut" source="statut" choices={STATUTS_DEMANDE} alwaysOn />, <SelectInput key="type" source="type" choices={TYPES_EQUIVALENCE} />];

export const DemandeEquivalenceList = () => (
  <List filters={filters} actions={<TopToolbar><FilterButton /></TopToolbar>} sort={{ field: 'createdAt', order: 'DESC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="candidat">
        <ReferenceField source="candidat" reference="candidats" link={false} />
      </DataTable.Col>
      <DataTable.Col source="type" render={(r: { type: string }) => TYPES_EQUIVALENCE.find((t) => t.id === r.type)?.name} />
      <DataTable.Col source="statut" render={(r: { statut: string }) => STATUTS_DEMANDE.find((t) => t.id === r.statut)?.name} />
      <DataTable.Col source="dateDemande" field={DateField} />
      <DataTable.Col source="dateDecision" field={DateField} />
    </DataTable>
  </List>
);

/** The UD's decision: accord, or refus with its reason (the server checks the rule's validity and the CCPs held). */
const Decision = ({ action, label }: { action: 'accorder' | 'refuser'; label: string }) => {
  const record = useRecordContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const { canAccess } = useCanAccess({ resource: 'demandes-equivalence', action, record });
  const [open, setOpen] = useState(false);
  const [motif, setMotif] = useState('');
  if (!record || !canAccess || record.statut !== 'DEPOSEE') return null;
  const submit = async () => {
    try {
      await httpClient(`${API_URL}/demandes-equivalence/${record.id}/${action}`, { method: 'POST', body: JSON.stringify(action === 'refuser' ? { motif } : {}) });
      notify(action === 'accorder' ? 'Équivalence accordée : le parcours du candidat est mis à jour.' : 'Demande refusée.', { type: 'success' });
      setOpen(false);
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  return (
    <>
      <MuiButton variant={action === 'accorder' ? 'contained' : 'outlined'} onClick={() => (action === 'refuser' ? setOpen(true) : submit())}>
        {label}
      </MuiButton>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth>
        <DialogTitle>Refuser la demande</DialogTitle>
        <DialogContent>
          <MuiTextField label="Motif du refus (obligatoire)" name="motif" value={motif} onChange={(e) => setMotif(e.target.value)} multiline minRows={3} fullWidth margin="dense" />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>Annuler</MuiButton>
          <MuiButton variant="contained" onClick={submit} disabled={!motif.trim()}>
            Confirmer le refus
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};

export const DemandeEquivalenceShow = () => (
  <Show
    actions={
      <TopToolbar>
        <Stack direction="row" spacing={1}>
          <Decision action="accorder" label="Accorder" />
          <Decision action="refuser" label="Refuser" />
        </Stack>
      </TopToolbar>
    }
  >
    <SimpleShowLayout>
      <ReferenceField source="candidat" reference="candidats" link="show" />
      <SelectField source="type" choices={TYPES_EQUIVALENCE} />
      <SelectField source="sousType" choices={SOUS_TYPES_INTERNE} />
      <RefField source="regle" reference="regles-equivalence" text="libelle" />
      <TextField source="certificationExterne" />
      <DateField source="dateObtentionSource" locales="fr-FR" />
      <Chips source="ccpsSource" reference="ccps" />
      <Chips source="ccpsCible" reference="ccps" />
      <DateField source="dateDemande" locales="fr-FR" />
      <TextField source="commentaire" />
      <SelectField source="statut" choices={STATUTS_DEMANDE} />
      <DateField source="dateDecision" locales="fr-FR" />
      <TextField source="decidePar" />
      <TextField source="motifDecision" />
      <Pieces />
    </SimpleShowLayout>
  </Show>
);

/** "Enregistrer une demande d'équivalence/correspondance": type, rule, CCPs; documents are attached on the next screen. */
export const DemandeEquivalenceCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <ReferenceInput source="candidat" reference="candidats">
        <AutocompleteInput optionText={candidatTexte} filterToQuery={qSearch} validate={required()} />
      </ReferenceInput>
      <SelectInput source="type" choices={TYPES_EQUIVALENCE} validate={required()} />
      <FormDataConsumer>
        {({ formData }) => (
          <>
            {formData.type === 'INTERNE' ? <SelectInput source="sousType" choices={SOUS_TYPES_INTERNE} validate={required()} /> : null}
            <ReferenceInput source="regle" reference="regles-equivalence" filter={formData.type ? { type: formData.type } : {}}>
              <AutocompleteInput optionText="libelle" filterToQuery={qSearch} validate={required()} />
            </ReferenceInput>
            {formData.type === 'EXTERNE' ? <TextInput source="certificationExterne" fullWidth validate={required()} /> : null}
            {formData.type === 'EXTERNE' ? <DateInput source="dateObtentionSource" /> : null}
            {formData.type && formData.type !== 'EXTERNE' ? (
              <ReferenceArrayInput source="ccpsSource" reference="ccps">
                <AutocompleteArrayInput optionText={ccpTexte} filterToQuery={qSearch} />
              </ReferenceArrayInput>
            ) : null}
          </>
        )}
      </FormDataConsumer>
      <ReferenceArrayInput source="ccpsCible" reference="ccps">
        <AutocompleteArrayInput optionText={ccpTexte} filterToQuery={qSearch} />
      </ReferenceArrayInput>
      <DateInput source="dateDemande" />
      <TextInput source="commentaire" multiline fullWidth />
    </SimpleForm>
  </Create>
);
