import { AutocompleteInput, CreateButton, DataTable, DateField, ExportButton, FilterButton, List, ReferenceField, ReferenceInput, SearchInput, SelectField, SelectInput, TextField, TopToolbar } from 'react-admin';
import { STATUTS_CONTROLE, SUITES_CONTROLE, TYPES_CONTROLE } from './types';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Objet ou constats" />,
  <ReferenceInput key="centre" source="centre" reference="centres">
    <AutocompleteInput optionText="raisonSociale" filterToQuery={(q) => ({ q })} />
  </ReferenceInput>,
  <SelectInput key="type" source="type" choices={TYPES_CONTROLE} />,
  <SelectInput key="statut" source="statut" choices={STATUTS_CONTROLE} />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <ExportButton maxResults={1000} />
  </TopToolbar>
);

export const ControleList = () => (
  <List filters={filters} actions={<Actions />} sort={{ field: 'dateControle', order: 'DESC' }} perPage={25}>
    <DataTable rowClick="show">
      <DataTable.Col source="dateControle">
        <DateField source="dateControle" locales="fr-FR" />
      </DataTable.Col>
      <DataTable.Col source="centre">
        <ReferenceField source="centre" reference="centres" link={false}>
          <TextField source="raisonSociale" />
        </ReferenceField>
      </DataTable.Col>
      <DataTable.Col source="type">
        <SelectField source="type" choices={TYPES_CONTROLE} />
      </DataTable.Col>
      <DataTable.Col source="objet" />
      <DataTable.Col source="statut">
        <SelectField source="statut" choices={STATUTS_CONTROLE} />
      </DataTable.Col>
      <DataTable.Col source="suite">
        <SelectField source="suite" choices={SUITES_CONTROLE} />
      </DataTable.Col>
    </DataTable>
  </List>
);
