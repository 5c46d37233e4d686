import { DataTable, DateField, ExportButton, FilterButton, List, SearchInput, SelectInput, TopToolbar, CreateButton } from 'react-admin';
import { NATURES_PAYS } from './natures';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Nom, libellé ou code INSEE" />,
  <SelectInput key="nature" source="nature" choices={NATURES_PAYS} />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <ExportButton maxResults={1000} />
  </TopToolbar>
);

export const PaysList = () => (
  <List filters={filters} actions={<Actions />} sort={{ field: 'nom', order: 'ASC' }} perPage={25}>
    <DataTable rowClick="show">
      <DataTable.Col source="codeInsee" />
      <DataTable.Col source="nom" />
      <DataTable.Col source="libelleCog" />
      <DataTable.Col source="nature" render={(record: { nature: string }) => NATURES_PAYS.find((n) => n.id === record.nature)?.name} />
      <DataTable.Col source="codeIso2" />
      <DataTable.Col source="dateFin" field={DateField} />
    </DataTable>
  </List>
);
