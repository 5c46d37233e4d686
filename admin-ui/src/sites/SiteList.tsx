import { BooleanField, DataTable, SearchInput } from 'react-admin';
import { ReferenceSearch, RefField, ResourceList } from '../common/kit';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Nom ou adresse du site" />,
  <ReferenceSearch key="centre" source="centre" reference="centres" optionText="raisonSociale" />,
];

export const SiteList = () => (
  <ResourceList filters={filters} sort={{ field: 'nom', order: 'ASC' }}>
    <DataTable.Col source="nom" />
    <DataTable.Col source="centre">
      <RefField source="centre" reference="centres" text="raisonSociale" />
    </DataTable.Col>
    <DataTable.Col source="adresse" />
    <DataTable.Col source="commune">
      <RefField source="commune" reference="communes" text="nom" />
    </DataTable.Col>
    <DataTable.Col source="actif" field={BooleanField} />
  </ResourceList>
);
