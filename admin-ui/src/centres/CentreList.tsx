import { BooleanField, BooleanInput, DataTable, SearchInput } from 'react-admin';
import { codeNom, ReferenceSearch, RefField, ResourceList } from '../common/kit';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Raison sociale, nom commercial ou SIRET" />,
  <ReferenceSearch key="region" source="region" reference="regions" optionText="nom" />,
  <ReferenceSearch key="departement" source="departement" reference="departements" optionText={codeNom} />,
  <BooleanInput key="actif" source="actif" />,
];

export const CentreList = () => (
  <ResourceList filters={filters} sort={{ field: 'raisonSociale', order: 'ASC' }}>
    <DataTable.Col source="raisonSociale" />
    <DataTable.Col source="siret" />
    <DataTable.Col source="commune">
      <RefField source="commune" reference="communes" text="nom" />
    </DataTable.Col>
    <DataTable.Col source="departement">
      <RefField source="departement" reference="departements" text="code" />
    </DataTable.Col>
    <DataTable.Col source="region">
      <RefField source="region" reference="regions" text="nom" />
    </DataTable.Col>
    <DataTable.Col source="actif" field={BooleanField} />
  </ResourceList>
);
