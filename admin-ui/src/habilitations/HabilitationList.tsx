import {
  AutocompleteInput,
  DataTable,
  DateField,
  DateInput,
  ExportButton,
  FilterButton,
  FunctionField,
  List,
  ReferenceField,
  ReferenceInput,
  SelectInput,
  TextField,
  TopToolbar,
} from 'react-admin';
import { STATUTS_HABILITATION, libelleStatut } from './statuts';
import { exporterHabilitations } from './export';
import { ListeJurysButton } from '../documents/ListeJurysButton';

type Rec = Record<string, string | null | undefined>;

const filters = [
  <ReferenceInput key="titre" source="titre" reference="titres" alwaysOn>
    <AutocompleteInput label="Titre" optionText={(t: Rec) => `${t.code} ${t.intitule}`} filterToQuery={(q) => ({ q })} />
  </ReferenceInput>,
  <ReferenceInput key="departement" source="departement" reference="departements" alwaysOn>
    <AutocompleteInput label="Département" optionText={(d: Rec) => `${d.code} ${d.nom}`} filterToQuery={(q) => ({ q })} />
  </ReferenceInput>,
  // "active between two dates": active over the whole period (what a centre checks before a session)
  <DateInput key="du" source="dateDebut_lte" label="Active du" alwaysOn />,
  <DateInput key="au" source="dateFin_gte" label="au" alwaysOn />,
  <SelectInput key="statut" source="statut" choices={STATUTS_HABILITATION} />,
  <ReferenceInput key="ccs" source="ccs" reference="ccss">
    <AutocompleteInput label="CCS" optionText={(c: Rec) => `${c.code} ${c.intitule}`} filterToQuery={(q) => ({ q })} />
  </ReferenceInput>,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <ExportButton maxResults={1000} label="Exporter (CSV)" />
    <ListeJurysButton />
  </TopToolbar>
);

const Jure = () => (
  <ReferenceField source="jure" reference="jures" link={false}>
    <FunctionField render={(j: Rec) => `${(j.nom ?? '').toUpperCase()} ${j.prenom ?? ''}`} />
  </ReferenceField>
);

/** Habilitated jurors; for a centre, read-only (v1.7: no action buttons), filtered by title, département and period. */
export const HabilitationList = () => (
  <List filters={filters} actions={<Actions />} exporter={exporterHabilitations} sort={{ field: 'dateDebut', order: 'DESC' }} perPage={25} title="Jurés habilités">
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="jure" label="Juré">
        <Jure />
      </DataTable.Col>
      <DataTable.Col label="Téléphone">
        <ReferenceField source="jure" reference="jures" link={false}>
          <TextField source="telephone" />
        </ReferenceField>
      </DataTable.Col>
      <DataTable.Col label="Adresse">
        <ReferenceField source="jure" reference="jures" link={false}>
          <FunctionField render={(j: Rec) => [j.adresse, j.codePostal].filter(Boolean).join(', ')} />
        </ReferenceField>
      </DataTable.Col>
      <DataTable.Col source="titre" label="Titre ou CCS">
        <ReferenceField source="titre" reference="titres" link={false} emptyText="">
          <FunctionField render={(t: Rec) => `${t.code} ${t.sigle ?? t.intitule ?? ''}`} />
        </ReferenceField>
        <ReferenceField source="ccs" reference="ccss" link={false} emptyText="">
          <FunctionField render={(c: Rec) => `CCS ${c.code}`} />
        </ReferenceField>
      </DataTable.Col>
      <DataTable.Col source="dateDebut" label="Début">
        <DateField source="dateDebut" locales="fr-FR" />
      </DataTable.Col>
      <DataTable.Col source="dateFin" label="Fin">
        <DateField source="dateFin" locales="fr-FR" />
      </DataTable.Col>
      <DataTable.Col source="statut" label="Statut" render={(h: Rec) => libelleStatut(h.statut ?? '')} />
      <DataTable.Col source="departement" label="Dép.">
        <ReferenceField source="departement" reference="departements" link={false}>
          <TextField source="code" />
        </ReferenceField>
      </DataTable.Col>
    </DataTable>
  </List>
);
