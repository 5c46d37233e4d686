import { DataTable, DateField, SearchInput, SelectInput } from 'react-admin';
import { ResourceList } from '../common/kit';
import { NATURES_PAYS } from './natures';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Nom, libellé ou code INSEE" />,
  <SelectInput key="nature" source="nature" choices={NATURES_PAYS} />,
];

export const PaysList = () => (
  <ResourceList filters={filters} sort={{ field: 'nom', order: 'ASC' }}>
    <DataTable.Col source="codeInsee" />
    <DataTable.Col source="nom" />
    <DataTable.Col source="libelleCog" />
    <DataTable.Col source="nature" render={(record: { nature: string }) => NATURES_PAYS.find((n) => n.id === record.nature)?.name} />
    <DataTable.Col source="codeIso2" />
    <DataTable.Col source="dateFin" field={DateField} />
  </ResourceList>
);
