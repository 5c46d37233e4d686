import {
  AutocompleteArrayInput,
  AutocompleteInput,
  BooleanInput,
  Create,
  DateInput,
  Edit,
  NumberInput,
  ReferenceArrayInput,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextInput,
  required,
  useRecordContext,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { MODALITES, TYPES, dateFr } from './choix';

export const agrementLabel = (a?: { dateDebut?: string; dateFin?: string }) => (a ? `Du ${dateFr(a.dateDebut)} au ${dateFr(a.dateFin)}` : '');

/** Type, title, CCPs/CCS, centre, site, agrément and dates are the session's identity: editable while in preparation only. */
const Fields = ({ creating }: { creating?: boolean }) => {
  const record = useRecordContext();
  const type = useWatch({ name: 'type' });
  const titre = useWatch({ name: 'titre' });
  const centre = useWatch({ name: 'centre' });
  const ccs = useWatch({ name: 'ccs' });
  const locked = !creating && record?.statut !== 'EN_PREPARATION';
  const frozenResponsable = ['RESULTATS_TRANSMIS', 'RESULTATS_VALIDES', 'CLOTUREE', 'DEVERROUILLEE'].includes(record?.statut);
  return (
    <>
      <SelectInput source="type" choices={TYPES} validate={required()} disabled={locked} />
      <ReferenceInput source="centre" reference="centres">
        <AutocompleteInput optionText="raisonSociale" filterToQuery={(q) => ({ q })} validate={required()} disabled={locked} />
      </ReferenceInput>
      <ReferenceInput source="titre" reference="titres">
        <AutocompleteInput optionText={(t: { code: string; intitule: string }) => `${t.code} ${t.intitule}`} filterToQuery={(q) => ({ q })} disabled={locked} />
      </ReferenceInput>
      {type === 'CCP' ? (
        <ReferenceArrayInput source="ccps" reference="ccps" filter={titre ? { titres: titre } : {}}>
          <AutocompleteArrayInput optionText={(c: { code: string; intitule: string }) => `${c.code} ${c.intitule}`} filterToQuery={(q) => ({ q })} disabled={locked} />
        </ReferenceArrayInput>
      ) : null}
      {type === 'CCS' ? (
        <ReferenceInput source="ccs" reference="ccss" filter={titre ? { titre } : {}}>
          <AutocompleteInput optionText={(c: { code: string; intitule: string }) => `${c.code} ${c.intitule}`} filterToQuery={(q) => ({ q })} disabled={locked} />
        </ReferenceInput>
      ) : null}
      {/* only the chosen centre's sites, and its agréments ACCORDE on the session's title (or CCS); the server checks the dates */}
      <ReferenceInput source="site" reference="sites" filter={centre ? { centre, actif: true } : {}}>
        <AutocompleteInput optionText="nom" filterToQuery={(q) => ({ q })} disabled={locked || !centre} helperText={centre ? undefined : 'Choisissez d’abord le centre'} />
      </ReferenceInput>
      <ReferenceInput source="agrement" reference="agrements" filter={centre ? { centre, statut: 'ACCORDE', ...(type === 'CCS' ? (ccs ? { ccs } : {}) : titre ? { titre } : {}) } : {}}>
        <AutocompleteInput optionText={agrementLabel} filterToQuery={() => ({})} disabled={locked || !centre} helperText="Agrément du centre couvrant toute la session" />
      </ReferenceInput>
      {type !== 'CCS' ? (
        <ReferenceInput source="autorisationTemporaire" reference="autorisations-temporaires" filter={centre ? { centre, ...(titre ? { titre } : {}) } : {}}>
          <AutocompleteInput optionText={agrementLabel} filterToQuery={() => ({})} disabled={locked || !centre} helperText="À défaut d’agrément : l’autorisation temporaire du centre" />
        </ReferenceInput>
      ) : null}
      <DateInput source="dateDebut" validate={required()} disabled={locked} />
      <DateInput source="dateFin" validate={required()} disabled={locked} />
      <TextInput source="responsableSession" disabled={frozenResponsable} helperText={frozenResponsable ? 'Non modifiable une fois les résultats transmis' : undefined} />
      <TextInput source="lieu" fullWidth />
      <NumberInput source="nbCandidatsPrevus" min={0} />
      <SelectInput source="modalite" choices={MODALITES} />
      <BooleanInput source="prolongation" disabled={locked} />
    </>
  );
};

export const SessionCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ type: 'TITRE', modalite: 'PRESENTIEL' }}>
      <Fields creating />
    </SimpleForm>
  </Create>
);

export const SessionEdit = () => (
  <Edit redirect="show" mutationMode="pessimistic">
    <SimpleForm>
      <Fields />
    </SimpleForm>
  </Edit>
);
