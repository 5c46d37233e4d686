import { DateField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { RefField } from '../common/kit';
import { STATUTS_CONTROLE, SUITES_CONTROLE, TYPES_CONTROLE } from './types';
import { Historique } from '../tracabilite/HistoriqueTab';

export const ControleShow = () => (
  <Show>
    <SimpleShowLayout>
      <RefField source="centre" reference="centres" text="raisonSociale" link="show" />
      <RefField source="session" reference="sessions" text="numero" link="show" />
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
