import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { DataTable, SelectField, SelectInput, useCanAccess, useGetList, useListContext, useRecordContext } from 'react-admin';
import { codeIntitule, DateCol, ReferenceSearch, RefField, ResourceList } from '../common/kit';
import { STATUTS_AGREMENT, today } from './statuts';

const filters = [
  <SelectInput key="statut" source="statut" choices={STATUTS_AGREMENT} alwaysOn />,
  <ReferenceSearch key="centre" source="centre" reference="centres" optionText="raisonSociale" />,
  <ReferenceSearch key="titre" source="titre" reference="titres" optionText={codeIntitule} />,
];

/** "centre|titre" of the temporary authorisations in force today for the centres of the page: one call per page. */
const EnCours = createContext<Set<string> | null>(null);

const AutorisationsEnCours = ({ children }: { children: ReactNode }) => {
  const { data } = useListContext();
  const { canAccess } = useCanAccess({ resource: 'autorisations-temporaires', action: 'list' });
  const centres = useMemo(() => [...new Set((data ?? []).map((a) => a.centre).filter(Boolean))], [data]);
  const jour = today();
  const { data: autorisations } = useGetList(
    'autorisations-temporaires',
    { filter: { centre: centres, dateDebut_lte: jour, dateFin_gte: jour }, pagination: { page: 1, perPage: 1000 }, sort: { field: 'dateDebut', order: 'ASC' } },
    { enabled: Boolean(canAccess) && centres.length > 0 },
  );
  const keys = useMemo(() => (canAccess ? new Set((autorisations ?? []).map((a) => `${a.centre}|${a.titre}`)) : null), [autorisations, canAccess]);
  return <EnCours.Provider value={keys}>{children}</EnCours.Provider>;
};

const AutorisationField = () => {
  const record = useRecordContext();
  const keys = useContext(EnCours);
  if (!record || !keys) return <>—</>;
  return <>{keys.has(`${record.centre}|${record.titre}`) ? 'Oui' : 'Non'}</>;
};

export const AgrementList = () => (
  <ResourceList filters={filters} sort={{ field: 'dateDebut', order: 'DESC' }} title="Liste des agréments" createLabel="Demander un agrément" around={AutorisationsEnCours}>
    <DataTable.Col source="centre">
      <RefField source="centre" reference="centres" text="raisonSociale" />
    </DataTable.Col>
    <DataTable.Col source="site">
      <RefField source="site" reference="sites" text="nom" />
    </DataTable.Col>
    <DataTable.Col source="titre">
      <RefField source="titre" reference="titres" text="intitule" />
      <RefField source="ccs" reference="ccss" text="intitule" />
    </DataTable.Col>
    <DataTable.Col source="code" label="resources.agrements.fields.code" disableSort>
      <RefField source="titre" reference="titres" text="code" />
      <RefField source="ccs" reference="ccss" text="code" />
    </DataTable.Col>
    <DateCol source="dateDebut" />
    <DateCol source="dateFin" />
    <DataTable.Col source="statut">
      <SelectField source="statut" choices={STATUTS_AGREMENT} />
    </DataTable.Col>
    <DataTable.Col source="autorisationTemporaire" label="resources.agrements.fields.autorisationTemporaire" disableSort>
      <AutorisationField />
    </DataTable.Col>
  </ResourceList>
);
