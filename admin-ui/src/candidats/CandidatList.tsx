import { CreateButton, DataTable, DateField, ExportButton, FilterButton, List, SearchInput, SelectInput, TextInput, TopToolbar } from 'react-admin';
import { SEXES, lieuNaissance, prenomsTexte } from './choix';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Nom, prénom ou courriel" />,
  <TextInput key="dateNaissance" source="dateNaissance" type="date" label="Né(e) le" />,
  <SelectInput key="sexe" source="sexe" choices={SEXES} />,
  <TextInput key="departementResidence" source="departementResidence" label="Département de résidence" />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <ExportButton maxResults={1000} />
  </TopToolbar>
);

export const CandidatList = () => (
  <List filters={filters} actions={<Actions />} sort={{ field: 'nomNaissance', order: 'ASC' }} perPage={25}>
    <DataTable rowClick="show">
      <DataTable.Col source="nomNaissance" />
      <DataTable.Col source="nomUsage" />
      <DataTable.Col source="prenoms" render={(record: { prenoms?: string[] }) => prenomsTexte(record.prenoms)} disableSort />
      <DataTable.Col source="dateNaissance" field={DateField} />
      <DataTable.Col label="Lieu de naissance" render={(record: Record<string, string | null>) => lieuNaissance(record)} disableSort />
      <DataTable.Col source="departementResidence" />
    </DataTable>
  </List>
);
