import { BooleanInput, DateInput, FormDataConsumer, SimpleForm, TextInput, required } from 'react-admin';
import { codeIntitule, formPages, ReferenceSearch } from '../common/kit';

/** The site list follows the chosen centre. */
const SiteInput = () => (
  <FormDataConsumer<{ centre?: string }>>
    {({ formData }) => (
      <ReferenceSearch source="site" reference="sites" filter={formData.centre ? { centre: formData.centre } : {}} optionText="nom" validate={required()} />
    )}
  </FormDataConsumer>
);

const AgrementForm = () => (
  <SimpleForm>
    <ReferenceSearch source="centre" reference="centres" optionText="raisonSociale" validate={required()} />
    <SiteInput />
    <ReferenceSearch source="titre" reference="titres" optionText={codeIntitule} hint="Un titre, ou bien un CCS" />
    <ReferenceSearch source="ccs" reference="ccss" optionText={codeIntitule} />
    <DateInput source="dateDebut" validate={required()} />
    <DateInput source="dateFin" validate={required()} helperText="Au plus tard la fin de validité du titre, prolongation comprise" />
    <BooleanInput source="prolongation" />
    <TextInput source="commentaire" multiline fullWidth />
  </SimpleForm>
);

export const { edit: AgrementEdit, create: AgrementCreate } = formPages(AgrementForm, { createTitle: 'Demande d’agrément' });
