import { DateField, ReferenceField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { RefField } from '../common/kit';

export const AutorisationShow = () => (
  <Show>
    <SimpleShowLayout>
      <RefField source="centre" reference="centres" text="raisonSociale" link="show" />
      <RefField source="titre" reference="titres" text={['code', 'intitule']} link="show" />
      <ReferenceField source="agrement" reference="agrements" link="show">
        <DateField source="dateDebut" locales="fr-FR" />
      </ReferenceField>
      <DateField source="dateDebut" locales="fr-FR" />
      <DateField source="dateFin" locales="fr-FR" />
      <TextField source="motif" />
      <DateField source="dateDecision" locales="fr-FR" />
    </SimpleShowLayout>
  </Show>
);
