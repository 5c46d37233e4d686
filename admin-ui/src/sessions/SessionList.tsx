import {
  AutocompleteInput,
  CreateButton,
  DataTable,
  DateField,
  DateInput,
  ExportButton,
  FilterButton,
  List,
  ReferenceField,
  ReferenceInput,
  SelectField,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
} from 'react-admin';
import { STATUTS, TYPES } from './choix';

const filters = [
  <SelectInput key="statut" source="statut" choices={STATUTS} alwaysOn />,
  <TextInput key="q" source="q" label="Recherche (numéro, responsable, lieu)" alwaysOn />,
  <ReferenceInput key="centre" source="centre" reference="centres">
    <AutocompleteInput optionText="raisonSociale" filterToQuery={(q) => ({ q })} />
  </ReferenceInput>,
  <ReferenceInput key="titre" source="titre" reference="titres">
    <AutocompleteInput optionText={(t: { code: string; intitule: string }) => `${t.code} ${t.intitule}`} filterToQuery={(q) => ({ q })} />
  </ReferenceInput>,
  <ReferenceInput key="departement" source="departement" reference="departements" perPage={200}>
    <AutocompleteInput optionText={(d: { code: string; nom: string }) => `${d.code} ${d.nom}`} filterToQuery={(q) => ({ q })} />
  </ReferenceInput>,
  <SelectInput key="type" source="type" choices={TYPES} />,
  <DateInput key="dateDebut_gte" source="dateDebut_gte" label="Début à partir du" />,
  <DateInput key="dateDebut_lte" source="dateDebut_lte" label="Début jusqu’au" />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton label="Créer une session" />
    <ExportButton maxResults={1000} />
  </TopToolbar>
);

export const SessionList = () => (
  <List filters={filters} actions={<Actions />} sort={{ field: 'dateDebut', order: 'DESC' }} perPage={25} title="Sessions d’examen">
    <DataTable rowClick="show">
      <DataTable.Col source="numero" />
      <DataTable.Col source="type">
        <SelectField source="type" choices={TYPES} />
      </DataTable.Col>
      <DataTable.Col source="titre" disableSort>
        <ReferenceField source="titre" reference="titres" link={false}>
          <TextField source="code" /> <TextField source="intitule" />
        </ReferenceField>
      </DataTable.Col>
      <DataTable.Col source="centre" disableSort>
        <ReferenceField source="centre" reference="centres" link={false}>
          <TextField source="raisonSociale" />
        </ReferenceField>
      </DataTable.Col>
      <DataTable.Col source="departement" disableSort>
        <ReferenceField source="departement" reference="departements" link={false}>
          <TextField source="code" />
        </ReferenceField>
      </DataTable.Col>
      <DataTable.Col source="dateDebut">
        <DateField source="dateDebut" locales="fr-FR" />
      </DataTable.Col>
      <DataTable.Col source="dateFin">
        <DateField source="dateFin" locales="fr-FR" />
      </DataTable.Col>
      <DataTable.Col source="statut">
        <SelectField source="statut" choices={STATUTS} />
      </DataTable.Col>
    </DataTable>
  </List>
);
