import { AutocompleteInput, BooleanField, CreateButton, DataTable, ExportButton, FilterButton, List, ReferenceField, ReferenceInput, SearchInput, TextField, TopToolbar } from 'react-admin';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Nom ou adresse du site" />,
  <ReferenceInput key="centre" source="centre" reference="centres">
    <AutocompleteInput optionText="raisonSociale" filterToQuery={(q) => ({ q })} />
  </ReferenceInput>,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <ExportButton maxResults={1000} />
  </TopToolbar>
);

export const SiteList = () => (
  <List filters={filters} actions={<Actions />} sort={{ field: 'nom', order: 'ASC' }} perPage={25}>
    <DataTable rowClick="show">
      <DataTable.Col source="nom" />
      <DataTable.Col source="centre">
        <ReferenceField source="centre" reference="centres" link={false}>
          <TextField source="raisonSociale" />
        </ReferenceField>
      </DataTable.Col>
      <DataTable.Col source="adresse" />
      <DataTable.Col source="commune">
        <ReferenceField source="commune" reference="communes" link={false}>
          <TextField source="nom" />
        </ReferenceField>
      </DataTable.Col>
      <DataTable.Col source="actif" field={BooleanField} />
    </DataTable>
  </List>
);
