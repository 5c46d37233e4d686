import { useState } from 'react';
import { Box, IconButton, Menu, MenuItem, Paper, Typography } from '@mui/material';
import MoreVertIcon from '@mui/icons-material/MoreVert';
import {
  DataTable,
  DateField,
  EditButton,
  EmailField,
  Labeled,
  ReferenceField,
  ReferenceManyField,
  SelectField,
  Show,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
  useGetOne,
  useRecordContext,
} from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { SEXES, SITUATIONS, STATUTS_DEMANDE, TYPES_EQUIVALENCE, dateFr, lieuNaissance, prenomsTexte } from './choix';
import { Parcours } from './Parcours';
import { HistoriqueTab } from '../tracabilite/HistoriqueTab';

/**
 * The banner at the top of the record: who this is, and where they were born AS STORED (the label at
 * birth and its département — v1.8 showed a wrong commune by looking the current code up again).
 */
export const Bandeau = () => {
  const record = useRecordContext();
  const { data: pays } = useGetOne('pays', { id: record?.paysNaissance }, { enabled: Boolean(record?.paysNaissance) });
  if (!record) return null;
  const nom = `${String(record.nomNaissance).toUpperCase()}${record.nomUsage ? ` (usage : ${String(record.nomUsage).toUpperCase()})` : ''}`;
  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 2 }} data-testid="bandeau-candidat">
      <Typography variant="h5">
        {nom} {prenomsTexte(record.prenoms)}
      </Typography>
      <Typography>
        {record.sexe === 'F' ? 'Née' : 'Né'} le {dateFr(record.dateNaissance)} à <strong>{lieuNaissance(record as Parameters<typeof lieuNaissance>[0], pays?.libelleCog ?? pays?.nom)}</strong>
      </Typography>
    </Paper>
  );
};

/** The record's "…" menu (newsletter v1.6: "cliquer sur les trois petits points en haut à droite"). */
const MenuActions = () => {
  const record = useRecordContext();
  const navigate = useNavigate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const { canAccess } = useCanAccess({ resource: 'demandes-equivalence', action: 'create' });
  if (!record || !canAccess) return null;
  return (
    <>
      <IconButton aria-label="Autres actions" onClick={(e) => setAnchor(e.currentTarget)}>
        <MoreVertIcon />
      </IconButton>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        <MenuItem
          onClick={() => {
            setAnchor(null);
            navigate(`/demandes-equivalence/create?source=${encodeURIComponent(JSON.stringify({ candidat: record.id }))}`);
          }}
        >
          Enregistrer une demande d’équivalence/correspondance
        </MenuItem>
      </Menu>
    </>
  );
};

const Actions = () => (
  <TopToolbar>
    <EditButton />
    <MenuActions />
  </TopToolbar>
);

export const CandidatShow = () => (
  <Show actions={<Actions />}>
    <Box sx={{ p: 2 }}>
      <Bandeau />
    </Box>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="Identité">
        <TextField source="nomNaissance" />
        <TextField source="nomUsage" />
        <Labeled label="Prénoms">
          <Typography variant="body2">{/* ordered as in the civil status */}<PrenomsField /></Typography>
        </Labeled>
        <SelectField source="sexe" choices={SEXES} />
        <DateField source="dateNaissance" locales="fr-FR" />
        <TextField source="communeNaissanceLibelle" />
        <TextField source="communeNaissanceCode" />
        <TextField source="communeNaissanceDepartement" />
        <ReferenceField source="paysNaissance" reference="pays" link={false}>
          <TextField source="nom" />
        </ReferenceField>
        <TextField source="villeNaissanceEtranger" />
        <ReferenceField source="nationalite" reference="pays" link={false}>
          <TextField source="nom" />
        </ReferenceField>
        <TextField source="adresse" />
        <TextField source="complementAdresse" />
        <TextField source="codePostal" />
        <TextField source="ville" />
        <TextField source="telephone" />
        <EmailField source="email" />
        <SelectField source="situation" choices={SITUATIONS} />
        <TextField source="employeur" label="Employeur" emptyText="—" />
        <TextField source="employeurSiret" label="SIRET de l'employeur" emptyText="—" />
        <ControleHomonymie />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Parcours" path="parcours">
        <Parcours />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Équivalences" path="equivalences">
        <ReferenceManyField reference="demandes-equivalence" target="candidat" sort={{ field: 'createdAt', order: 'DESC' }}>
          <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="dateDemande" field={DateField} />
            <DataTable.Col source="type" render={(r: { type: string }) => TYPES_EQUIVALENCE.find((t) => t.id === r.type)?.name} />
            <DataTable.Col source="statut" render={(r: { statut: string }) => STATUTS_DEMANDE.find((t) => t.id === r.statut)?.name} />
            <DataTable.Col source="dateDecision" field={DateField} />
          </DataTable>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
      <HistoriqueTab path="historique" />
    </TabbedShowLayout>
  </Show>
);

const PrenomsField = () => {
  const record = useRecordContext();
  return <>{prenomsTexte(record?.prenoms)}</>;
};

/** Who confirmed this was a new person, and which homonyms the search showed then (v1.7). */
const ControleHomonymie = () => {
  const record = useRecordContext();
  const controle = record?.controleHomonymie as { confirmePar?: string; le?: string; homonymesSignales?: unknown[] } | null | undefined;
  if (!controle) return null;
  return (
    <Labeled label="Contrôle d’homonymie">
      <Typography variant="body2">
        Nouvelle personne confirmée par {controle.confirmePar} le {dateFr(controle.le)} ({controle.homonymesSignales?.length ?? 0} homonyme(s) signalé(s) alors)
      </Typography>
    </Labeled>
  );
};
