import { useEffect, useState } from 'react';
import { Alert, Stack } from '@mui/material';
import {
  BooleanField,
  Button,
  DataTable,
  DateField,
  EditButton,
  FunctionField,
  Labeled,
  ReferenceArrayField,
  ReferenceField,
  ReferenceManyField,
  Show,
  SingleFieldList,
  ChipField,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
  useRecordContext,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { API_URL, httpClient } from '../providers/httpClient';
import { jjmmaaaa, libelleStatut } from '../habilitations/statuts';
import { AccorderButton } from './AccorderButton';
import { HistoriqueTab } from '../tracabilite/HistoriqueTab';

type Rec = Record<string, any>;

interface Anciennete {
  conforme: boolean;
  resume: string;
  motifs: string[];
  regle: { anneesExperienceMinimum: number; anneesDepuisDepartMaximum: number };
}

/** Seniority computed today by the server (the same rule that decides when granting and renewing). */
const AncienneteCalculee = () => {
  const record = useRecordContext();
  const { canAccess } = useCanAccess({ resource: 'jures', action: 'anciennete' });
  const [anciennete, setAnciennete] = useState<Anciennete | null>(null);
  useEffect(() => {
    if (!record?.id || !canAccess) return;
    let cancelled = false;
    httpClient(`${API_URL}/jures/${record.id}/anciennete`, { method: 'POST', body: '{}' })
      .then(({ json }) => !cancelled && setAnciennete(json as Anciennete))
      .catch(() => !cancelled && setAnciennete(null));
    return () => {
      cancelled = true;
    };
  }, [record?.id, record?.updatedAt, canAccess]);
  if (!canAccess || !anciennete) return null;
  return (
    <Alert severity={anciennete.conforme ? 'success' : 'warning'} sx={{ my: 1 }} data-testid="anciennete">
      Ancienneté calculée : {anciennete.resume}.{' '}
      {anciennete.conforme
        ? `Critère d’ancienneté rempli aujourd’hui (${anciennete.regle.anneesExperienceMinimum} ans au moins, départ depuis ${anciennete.regle.anneesDepuisDepartMaximum} ans au plus).`
        : anciennete.motifs.join(' ')}
    </Alert>
  );
};

const Actions = () => {
  const { canAccess: canEdit } = useCanAccess({ resource: 'jures', action: 'edit' });
  const { canAccess: canGrant } = useCanAccess({ resource: 'jures', action: 'accorder' });
  return (
    <TopToolbar>
      <Stack direction="row" spacing={1}>
        {canGrant ? <AccorderButton /> : null}
        {canEdit ? <EditButton /> : null}
      </Stack>
    </TopToolbar>
  );
};

const AjouterPeriode = () => {
  const record = useRecordContext();
  const { canAccess } = useCanAccess({ resource: 'periodes-experience', action: 'create' });
  if (!record || !canAccess) return null;
  return <Button component={Link} to="/periodes-experience/create" state={{ record: { jure: record.id } }} label="Ajouter une période" />;
};

export const JureShow = () => (
  <Show actions={<Actions />} title="Juré">
    <AncienneteCalculee />
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="Identité et coordonnées">
        <FunctionField label="Juré" render={(j: Rec) => `${j.civilite === 'MME' ? 'Mme' : j.civilite === 'M' ? 'M.' : ''} ${(j.nom ?? '').toUpperCase()} ${j.prenom ?? ''}`} />
        <DateField source="dateNaissance" label="Date de naissance" locales="fr-FR" emptyText="—" />
        <TextField source="telephone" label="Téléphone" emptyText="—" />
        <TextField source="email" label="Courriel" emptyText="—" />
        <FunctionField label="Adresse" render={(j: Rec) => [j.adresse, j.complementAdresse, j.codePostal].filter(Boolean).join(', ') || '—'} />
        <ReferenceField source="commune" reference="communes" link={false} label="Commune" emptyText="—">
          <TextField source="nom" />
        </ReferenceField>
        <ReferenceField source="departement" reference="departements" link={false} label="Département">
          <FunctionField render={(d: Rec) => `${d.code} ${d.nom}`} />
        </ReferenceField>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Métier et expérience" path="experience">
        <TextField source="metier" label="Métier" />
        <TextField source="codeRome" label="Code ROME" emptyText="—" />
        <TextField source="employeur" label="Employeur" emptyText="—" />
        <BooleanField source="retraite" label="Retraité" />
        <DateField source="dateRetraite" label="Départ en retraite" locales="fr-FR" emptyText="—" />
        <DateField source="dateProfessionnalisation" label="Professionnalisation suivie le" locales="fr-FR" emptyText="—" />
        <Labeled label="Périodes dans le métier">
          <ReferenceManyField reference="periodes-experience" target="jure" sort={{ field: 'dateDebut', order: 'DESC' }}>
            <DataTable bulkActionButtons={false} rowClick="edit">
              <DataTable.Col source="dateDebut" label="Début" render={(p: Rec) => jjmmaaaa(p.dateDebut)} />
              <DataTable.Col source="dateFin" label="Fin" render={(p: Rec) => (p.dateFin ? jjmmaaaa(p.dateFin) : 'en cours')} />
              <DataTable.Col source="metier" label="Métier" />
              <DataTable.Col source="employeur" label="Employeur" />
            </DataTable>
          </ReferenceManyField>
        </Labeled>
        <AjouterPeriode />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Habilitations" path="habilitations">
        <ReferenceManyField reference="habilitations" target="jure" sort={{ field: 'dateDebut', order: 'DESC' }}>
          <DataTable bulkActionButtons={false} rowClick={(id) => `/habilitations/${id}/show`}>
            <DataTable.Col source="titre" label="Titre ou CCS">
              <ReferenceField source="titre" reference="titres" link={false} emptyText="">
                <FunctionField render={(t: Rec) => `${t.code} (${t.version}) ${t.intitule}`} />
              </ReferenceField>
              <ReferenceField source="ccs" reference="ccss" link={false} emptyText="">
                <FunctionField render={(c: Rec) => `CCS ${c.code} ${c.intitule}`} />
              </ReferenceField>
            </DataTable.Col>
            <DataTable.Col source="dateDebut" label="Début" render={(h: Rec) => jjmmaaaa(h.dateDebut)} />
            <DataTable.Col source="dateFin" label="Fin" render={(h: Rec) => jjmmaaaa(h.dateFin)} />
            <DataTable.Col source="statut" label="Statut" render={(h: Rec) => libelleStatut(h.statut)} />
          </DataTable>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Impartialité" path="impartialite">
        <ReferenceArrayField source="centresLies" reference="centres" label="Centres liés (lien déclaré)">
          <SingleFieldList linkType={false}>
            <ChipField source="raisonSociale" />
          </SingleFieldList>
        </ReferenceArrayField>
        <FunctionField
          label="Entreprises liées (lien déclaré)"
          render={(j: { entreprisesLiees?: { raisonSociale: string; siret?: string | null }[] | null }) =>
            j.entreprisesLiees?.length ? j.entreprisesLiees.map((e) => (e.siret ? `${e.raisonSociale} (SIRET ${e.siret})` : e.raisonSociale)).join(' ; ') : '—'
          }
        />
        <TextField source="natureLiens" label="Nature des liens" emptyText="—" />
        <TextField source="observations" label="Observations" emptyText="—" />
      </TabbedShowLayout.Tab>
      <HistoriqueTab path="historique" />
    </TabbedShowLayout>
  </Show>
);
