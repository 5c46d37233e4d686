import { AutocompleteInput, CreateButton, DataTable, DateField, ExportButton, FilterButton, List, ReferenceField, ReferenceInput, TextField, TopToolbar, useRecordContext } from 'react-admin';
import { today } from '../agrements/statuts';

const filters = [
  <ReferenceInput key="centre" source="centre" reference="centres" alwaysOn>
    <AutocompleteInput optionText="raisonSociale" filterToQuery={(q) => ({ q })} />
  </ReferenceInput>,
  <ReferenceInput key="titre" source="titre" reference="titres">
    <AutocompleteInput optionText={(t: { code: string; intitule: string }) => `${t.code} ${t.intitule}`} filterToQuery={(q) => ({ q })} />
  </ReferenceInput>,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton label="Accorder une autorisation temporaire" />
    <ExportButton maxResults={1000} />
  </TopToolbar>
);

const EnCoursField = () => {
  const record = useRecordContext();
  if (!record) return null;
  const jour = today();
  return <>{record.dateDebut <= jour && jour <= record.dateFin ? 'En cours' : record.dateFin < jour ? 'Échue' : 'À venir'}</>;
};

export const AutorisationList = () => (
  <List filters={filters} actions={<Actions />} sort={{ field: 'dateDebut', order: 'DESC' }} perPage={25}>
    <DataTable rowClick="show">
      <DataTable.Col source="centre">
        <ReferenceField source="centre" reference="centres" link={false}>
          <TextField source="raisonSociale" />
        </ReferenceField>
      </DataTable.Col>
      <DataTable.Col source="titre">
        <ReferenceField source="titre" reference="titres" link={false}>
          <TextField source="code" /> <TextField source="intitule" />
        </ReferenceField>
      </DataTable.Col>
      <DataTable.Col source="dateDebut">
        <DateField source="dateDebut" locales="fr-FR" />
      </DataTable.Col>
      <DataTable.Col source="dateFin">
        <DateField source="dateFin" locales="fr-FR" />
      </DataTable.Col>
      <DataTable.Col source="motif" />
      <DataTable.Col source="etat" label="resources.autorisations-temporaires.fields.etat" disableSort>
        <EnCoursField />
      </DataTable.Col>
    </DataTable>
  </List>
);
