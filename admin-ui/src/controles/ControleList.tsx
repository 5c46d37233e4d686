import { DataTable, SearchInput, SelectField, SelectInput } from 'react-admin';
import { DateCol, ReferenceSearch, RefField, ResourceList } from '../common/kit';
import { STATUTS_CONTROLE, SUITES_CONTROLE, TYPES_CONTROLE } from './types';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Objet ou constats" />,
  <ReferenceSearch key="centre" source="centre" reference="centres" optionText="raisonSociale" />,
  <SelectInput key="type" source="type" choices={TYPES_CONTROLE} />,
  <SelectInput key="statut" source="statut" choices={STATUTS_CONTROLE} />,
];

export const ControleList = () => (
  <ResourceList filters={filters} sort={{ field: 'dateControle', order: 'DESC' }}>
    <DateCol source="dateControle" />
    <DataTable.Col source="centre">
      <RefField source="centre" reference="centres" text="raisonSociale" />
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
  </ResourceList>
);
