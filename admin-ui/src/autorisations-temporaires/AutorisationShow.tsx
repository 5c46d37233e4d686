import { DateField, ReferenceField, Show, SimpleShowLayout, TextField } from 'react-admin';

export const AutorisationShow = () => (
  <Show>
    <SimpleShowLayout>
      <ReferenceField source="centre" reference="centres" link="show">
        <TextField source="raisonSociale" />
      </ReferenceField>
      <ReferenceField source="titre" reference="titres" link="show">
        <TextField source="code" /> <TextField source="intitule" />
      </ReferenceField>
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
