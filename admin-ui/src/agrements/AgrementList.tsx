import { createContext, useContext, useMemo, type ReactNode } from 'react';
import {
  AutocompleteInput,
  CreateButton,
  DataTable,
  DateField,
  ExportButton,
  FilterButton,
  List,
  ReferenceField,
  ReferenceInput,
  SelectField,
  SelectInput,
  TextField,
  TopToolbar,
  useCanAccess,
  useGetList,
  useListContext,
  useRecordContext,
} from 'react-admin';
import { STATUTS_AGREMENT, today } from './statuts';

const filters = [
  <SelectInput key="statut" source="statut" choices={STATUTS_AGREMENT} alwaysOn />,
  <ReferenceInput key="centre" source="centre" reference="centres">
    <AutocompleteInput optionText="raisonSociale" filterToQuery={(q) => ({ q })} />
  </ReferenceInput>,
  <ReferenceInput key="titre" source="titre" reference="titres">
    <AutocompleteInput optionText={(t: { code: string; intitule: string }) => `${t.code} ${t.intitule}`} filterToQuery={(q) => ({ q })} />
  </ReferenceInput>,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton label="Demander un agrément" />
    <ExportButton maxResults={1000} />
  </TopToolbar>
);

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
  <List filters={filters} actions={<Actions />} sort={{ field: 'dateDebut', order: 'DESC' }} perPage={25} title="Liste des agréments">
    <AutorisationsEnCours>
      <DataTable rowClick="show">
        <DataTable.Col source="centre">
          <ReferenceField source="centre" reference="centres" link={false}>
            <TextField source="raisonSociale" />
          </ReferenceField>
        </DataTable.Col>
        <DataTable.Col source="site">
          <ReferenceField source="site" reference="sites" link={false}>
            <TextField source="nom" />
          </ReferenceField>
        </DataTable.Col>
        <DataTable.Col source="titre">
          <ReferenceField source="titre" reference="titres" link={false}>
            <TextField source="intitule" />
          </ReferenceField>
          <ReferenceField source="ccs" reference="ccss" link={false}>
            <TextField source="intitule" />
          </ReferenceField>
        </DataTable.Col>
        <DataTable.Col source="code" label="resources.agrements.fields.code" disableSort>
          <ReferenceField source="titre" reference="titres" link={false}>
            <TextField source="code" />
          </ReferenceField>
          <ReferenceField source="ccs" reference="ccss" link={false}>
            <TextField source="code" />
          </ReferenceField>
        </DataTable.Col>
        <DataTable.Col source="dateDebut">
          <DateField source="dateDebut" locales="fr-FR" />
        </DataTable.Col>
        <DataTable.Col source="dateFin">
          <DateField source="dateFin" locales="fr-FR" />
        </DataTable.Col>
        <DataTable.Col source="statut">
          <SelectField source="statut" choices={STATUTS_AGREMENT} />
        </DataTable.Col>
        <DataTable.Col source="autorisationTemporaire" label="resources.agrements.fields.autorisationTemporaire" disableSort>
          <AutorisationField />
        </DataTable.Col>
      </DataTable>
    </AutorisationsEnCours>
  </List>
);
