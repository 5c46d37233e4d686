import { BooleanField, CreateButton, DataTable, ExportButton, FilterButton, List, ReferenceField, ReferenceInput, AutocompleteInput, SearchInput, TextField, TopToolbar, BooleanInput } from 'react-admin';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Raison sociale, nom commercial ou SIRET" />,
  <ReferenceInput key="region" source="region" reference="regions">
    <AutocompleteInput optionText="nom" filterToQuery={(q) => ({ q })} />
  </ReferenceInput>,
  <ReferenceInput key="departement" source="departement" reference="departements">
    <AutocompleteInput optionText={(d: { code: string; nom: string }) => `${d.code} ${d.nom}`} filterToQuery={(q) => ({ q })} />
  </ReferenceInput>,
  <BooleanInput key="actif" source="actif" />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <ExportButton maxResults={1000} />
  </TopToolbar>
);

export const CentreList = () => (
  <List filters={filters} actions={<Actions />} sort={{ field: 'raisonSociale', order: 'ASC' }} perPage={25}>
    <DataTable rowClick="show">
      <DataTable.Col source="raisonSociale" />
      <DataTable.Col source="siret" />
      <DataTable.Col source="commune">
        <ReferenceField source="commune" reference="communes" link={false}>
          <TextField source="nom" />
        </ReferenceField>
      </DataTable.Col>
      <DataTable.Col source="departement">
        <ReferenceField source="departement" reference="departements" link={false}>
          <TextField source="code" />
        </ReferenceField>
      </DataTable.Col>
      <DataTable.Col source="region">
        <ReferenceField source="region" reference="regions" link={false}>
          <TextField source="nom" />
        </ReferenceField>
      </DataTable.Col>
      <DataTable.Col source="actif" field={BooleanField} />
    </DataTable>
  </List>
);
