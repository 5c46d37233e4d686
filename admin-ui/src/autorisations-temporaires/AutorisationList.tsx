import { DataTable, useRecordContext } from 'react-admin';
import { codeIntitule, DateCol, ReferenceSearch, RefField, ResourceList } from '../common/kit';
import { today } from '../agrements/statuts';

const filters = [
  <ReferenceSearch key="centre" source="centre" reference="centres" alwaysOn optionText="raisonSociale" />,
  <ReferenceSearch key="titre" source="titre" reference="titres" optionText={codeIntitule} />,
];

const EnCoursField = () => {
  const record = useRecordContext();
  if (!record) return null;
  const jour = today();
  return <>{record.dateDebut <= jour && jour <= record.dateFin ? 'En cours' : record.dateFin < jour ? 'Échue' : 'À venir'}</>;
};

export const AutorisationList = () => (
  <ResourceList filters={filters} sort={{ field: 'dateDebut', order: 'DESC' }} createLabel="Accorder une autorisation temporaire">
    <DataTable.Col source="centre">
      <RefField source="centre" reference="centres" text="raisonSociale" />
    </DataTable.Col>
    <DataTable.Col source="titre">
      <RefField source="titre" reference="titres" text={['code', 'intitule']} />
    </DataTable.Col>
    <DateCol source="dateDebut" />
    <DateCol source="dateFin" />
    <DataTable.Col source="motif" />
    <DataTable.Col source="etat" label="resources.autorisations-temporaires.fields.etat" disableSort>
      <EnCoursField />
    </DataTable.Col>
  </ResourceList>
);
