/**
 * Éditions: the log of every document printed (who, when, which document, content hash), read-only.
 * Filters: document type, session, candidat, date range. Each agent sees the editions of the sessions of its
 * territory (a centre: its own sessions; UD, DREETS: their territory), the server decides.
 * The session's documents tab links here with the session filter set.
 */
import { Box, Tooltip } from '@mui/material';
import { AutocompleteInput, DataTable, DateInput, List, ReferenceField, ReferenceInput, SelectInput, TextField, useRecordContext } from 'react-admin';
import { formatInstant } from '../extractions/format';

export type Edition = {
  id: string;
  templateId: string;
  document: string;
  objet: string | null;
  numero: string | null;
  format: string;
  reedition: boolean;
  motif: string | null;
  userLabel: string;
  contentHash: string;
  createdAt: string;
  session: string | null;
  sessionNumero: string | null;
  candidat: string | null;
  candidatNom: string | null;
};

/** the document types (plugins/documents domain/templates.ts) */
export const TYPES_DOCUMENT = [
  { id: 'parchemin', name: 'Parchemin du titre professionnel' },
  { id: 'livret', name: 'Livret de certification' },
  { id: 'certificat-ccs', name: 'Certificat complémentaire de spécialisation' },
  { id: 'convocation-candidat', name: 'Convocation du candidat' },
  { id: 'convocation-jure', name: 'Convocation du membre de jury' },
  { id: 'liste-jurys', name: 'Liste des membres du jury' },
  { id: 'liste-jures-habilites', name: 'Liste des jurés habilités' },
  { id: 'emargement', name: "Feuille d'émargement" },
  { id: 'proces-verbal', name: 'Procès-verbal de session' },
];

type Rec = Record<string, unknown>;

const filters = [
  <SelectInput key="type" source="templateId" label="Type de document" choices={TYPES_DOCUMENT} alwaysOn />,
  <ReferenceInput key="session" source="session" reference="sessions" alwaysOn>
    <AutocompleteInput label="Session" optionText={(s: Rec) => `${String(s.numero ?? '')}`} filterToQuery={(q) => ({ q })} />
  </ReferenceInput>,
  <ReferenceInput key="candidat" source="candidat" reference="candidats" alwaysOn>
    <AutocompleteInput
      label="Candidat"
      optionText={(c: Rec) => `${String(c.nomNaissance ?? '').toUpperCase()} ${Array.isArray(c.prenoms) ? c.prenoms.join(' ') : ''}`}
      filterToQuery={(q) => ({ q })}
    />
  </ReferenceInput>,
  <DateInput key="du" source="createdAt_gte" label="Édité du" alwaysOn />,
  <DateInput key="au" source="createdAt_lte" label="au" alwaysOn />,
];

export const EditionsList = () => (
  <List title="Éditions de documents" filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25} exporter={false}>
    <DataTable bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="createdAt" label="Édité le" render={(e: Edition) => formatInstant(e.createdAt)} />
      <DataTable.Col source="templateId" label="Document" render={(e: Edition) => e.document} />
      <DataTable.Col source="numero" label="Numéro" render={(e: Edition) => e.numero ?? ''} />
      <DataTable.Col label="Réédition" disableSort render={(e: Edition) => (e.reedition ? `Oui${e.motif ? ` (${e.motif})` : ''}` : '')} />
      <DataTable.Col label="Session" disableSort>
        <ReferenceField source="session" reference="sessions" link="show" emptyText="">
          <TextField source="numero" />
        </ReferenceField>
      </DataTable.Col>
      <DataTable.Col label="Candidat" disableSort render={(e: Edition) => e.candidatNom ?? ''} />
      <DataTable.Col label="Par" disableSort render={(e: Edition) => e.userLabel} />
      <DataTable.Col label="Empreinte (SHA-256)" disableSort>
        <Empreinte />
      </DataTable.Col>
    </DataTable>
  </List>
);

function Empreinte() {
  const edition = useRecordContext<Edition>();
  if (!edition) return null;
  return (
    <Tooltip title={edition.contentHash}>
      <Box component="code" sx={{ fontSize: 12 }}>
        {edition.contentHash.slice(0, 12)}…
      </Box>
    </Tooltip>
  );
}
