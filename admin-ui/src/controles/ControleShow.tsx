import { DateField, ReferenceField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { STATUTS_CONTROLE, SUITES_CONTROLE, TYPES_CONTROLE } from './types';
import { Historique } from '../tracabilite/HistoriqueTab';

export const ControleShow = () => (
  <Show>
    <SimpleShowLayout>
      <ReferenceField source="centre" reference="centres" link="show">
        <TextField source="raisonSociale" />
      </ReferenceField>
      <ReferenceField source="session" reference="sessions" link="show">
        <TextField source="numero" />
      </ReferenceField>
      <DateField source="dateControle" locales="fr-FR" />
      <SelectField source="type" choices={TYPES_CONTROLE} />
      <TextField source="objet" />
      <SelectField source="statut" choices={STATUTS_CONTROLE} />
      <TextField source="constats" />
      <SelectField source="suite" choices={SUITES_CONTROLE} />
      <TextField source="suiteDetail" />
      <DateField source="dateSuite" locales="fr-FR" />
      <Historique label="Historique" />
    </SimpleShowLayout>
  </Show>
);
