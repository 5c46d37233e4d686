import { useEffect, useState } from 'react';
import { Alert, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import {
  DateField,
  EditButton,
  FunctionField,
  Labeled,
  ReferenceField,
  ReferenceManyField,
  DataTable,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  usePermissions,
  useRecordContext,
} from 'react-admin';
import { API_URL, httpClient } from '../providers/httpClient';
import type { Permissions } from '../providers/permissions';
import { ActionDialogButton } from './ActionDialog';
import { ACTIONS_HABILITATION, jjmmaaaa, libelleStatut } from './statuts';

type Rec = Record<string, any>;

interface Etat {
  statut: string;
  cible: string | null;
  cibleClose: boolean;
  finValidite?: string | null;
  successeur: { id: string; libelle: string } | null;
  actions: string[];
}

/** The actions the server offers for this habilitation now, limited to those the profile may take. */
function useEtat(record: Rec | undefined, allowed: string[]) {
  const [etat, setEtat] = useState<Etat | null>(null);
  const canRead = allowed.includes('etat');
  useEffect(() => {
    if (!record?.id || !canRead) return;
    let cancelled = false;
    httpClient(`${API_URL}/habilitations/${record.id}/etat`, { method: 'POST', body: '{}' })
      .then(({ json }) => !cancelled && setEtat(json as Etat))
      .catch(() => !cancelled && setEtat(null));
    return () => {
      cancelled = true;
    };
  }, [record?.id, record?.updatedAt, canRead]);
  return etat;
}

const WorkflowActions = () => {
  const record = useRecordContext();
  const { permissions } = usePermissions<Permissions>();
  const allowed = permissions?.permissions?.habilitations ?? [];
  const etat = useEtat(record, allowed);
  if (!record) return null;
  // a profile without any workflow right (centre, consultation) gets no button at all (v1.7)
  const offered = ACTIONS_HABILITATION.filter((a) => allowed.includes(a.action) && etat?.actions.includes(a.action));
  return (
    <TopToolbar>
      <Stack direction="row" spacing={1}>
        {offered.map((a) => (
          <ActionDialogButton
            key={a.action}
            resource="habilitations"
            id={String(record.id)}
            action={a.action}
            label={a.label}
            titre={`${a.label} l’habilitation`}
            explication={
              a.action === 'renouveler'
                ? etat?.cibleClose && etat.successeur
                  ? `Le titre est clôturé : l’habilitation sera renouvelée sur le titre successeur ${etat.successeur.libelle}. Le critère d’ancienneté est vérifié à la date de début.`
                  : 'Une nouvelle habilitation active remplace celle-ci (close). Le critère d’ancienneté est vérifié à la date de début.'
                : undefined
            }
            champs={[
              ...(a.dates
                ? [
                    { name: 'dateDebut', label: 'Date de début (par défaut : aujourd’hui)', type: 'date' as const },
                    { name: 'dateFin', label: 'Date de fin (par défaut : fin de validité du titre)', type: 'date' as const },
                  ]
                : []),
              { name: 'motif', label: 'Motif', required: a.motif === 'obligatoire' },
            ]}
            redirectTo={a.action === 'renouveler' ? (answer) => `/habilitations/${answer.id}/show` : undefined}
          />
        ))}
        {allowed.includes('edit') ? <EditButton label="Observations" /> : null}
      </Stack>
    </TopToolbar>
  );
};

const Bandeau = () => {
  const record = useRecordContext();
  const { permissions } = usePermissions<Permissions>();
  const etat = useEtat(record, permissions?.permissions?.habilitations ?? []);
  if (!etat?.cibleClose) return null;
  return (
    <Alert severity="info" sx={{ mb: 1 }}>
      Le titre {etat.cible} est clôturé : cette habilitation peut seulement être consultée, close
      {etat.successeur ? `, ou renouvelée sur le titre successeur ${etat.successeur.libelle}` : ' (aucun titre successeur en vigueur)'}.
    </Alert>
  );
};

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const Historique = () => {
  const record = useRecordContext();
  // a JSON column may reach the browser as text, depending on the read path: accept both
  const raw = typeof record?.historique === 'string' ? safeParse(record.historique) : record?.historique;
  const entries = (Array.isArray(raw) ? raw : []) as Rec[];
  if (!entries.length) return <Typography variant="body2">—</Typography>;
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>Le</TableCell>
          <TableCell>Action</TableCell>
          <TableCell>Statut</TableCell>
          <TableCell>Par</TableCell>
          <TableCell>Motif</TableCell>
          <TableCell>Ancienneté retenue</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {entries.map((e, i) => (
          <TableRow key={i}>
            <TableCell>{new Date(e.le).toLocaleString('fr-FR', { timeZone: 'Europe/Paris' })}</TableCell>
            <TableCell>{e.action}</TableCell>
            <TableCell>{`${e.de ? `${libelleStatut(e.de)} → ` : ''}${libelleStatut(e.vers)}`}</TableCell>
            <TableCell>{e.par}</TableCell>
            <TableCell>{e.motif ?? ''}</TableCell>
            <TableCell>{e.anciennete ?? ''}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

export const HabilitationShow = () => (
  <Show actions={<WorkflowActions />} title="Habilitation">
    <SimpleShowLayout>
      <Bandeau />
      <ReferenceField source="jure" reference="jures" link="show" label="Juré">
        <FunctionField render={(j: Rec) => `${(j.nom ?? '').toUpperCase()} ${j.prenom ?? ''} — ${j.telephone ?? 'sans téléphone'}`} />
      </ReferenceField>
      <ReferenceField source="titre" reference="titres" link={false} label="Titre" emptyText="—">
        <FunctionField render={(t: Rec) => `${t.code} (${t.version}) ${t.intitule}`} />
      </ReferenceField>
      <ReferenceField source="ccs" reference="ccss" link={false} label="CCS" emptyText="—">
        <FunctionField render={(c: Rec) => `${c.code} ${c.intitule}`} />
      </ReferenceField>
      <FunctionField label="Statut" render={(h: Rec) => libelleStatut(h.statut)} />
      <FunctionField label="Période" render={(h: Rec) => `du ${jjmmaaaa(h.dateDebut)} au ${jjmmaaaa(h.dateFin)}`} />
      <ReferenceField source="departement" reference="departements" link={false} label="Délivrée par la DDETS/UD du département">
        <FunctionField render={(d: Rec) => `${d.code} ${d.nom}`} />
      </ReferenceField>
      <TextField source="ancienneteRetenue" label="Ancienneté retenue à l’habilitation" emptyText="—" />
      <TextField source="motif" label="Dernier motif" emptyText="—" />
      <TextField source="observations" label="Observations" emptyText="—" />
      <ReferenceField source="precedente" reference="habilitations" link="show" label="Renouvelle l’habilitation" emptyText="—">
        <FunctionField render={(h: Rec) => `du ${jjmmaaaa(h.dateDebut)} au ${jjmmaaaa(h.dateFin)} (${libelleStatut(h.statut)})`} />
      </ReferenceField>
      <Labeled label="Historique des changements">
        <Historique />
      </Labeled>
      <ReferenceManyField reference="habilitations" target="precedente" label="Renouvelée par">
        <DataTable bulkActionButtons={false} rowClick="show">
          <DataTable.Col source="dateDebut" label="Début">
            <DateField source="dateDebut" locales="fr-FR" />
          </DataTable.Col>
          <DataTable.Col source="dateFin" label="Fin">
            <DateField source="dateFin" locales="fr-FR" />
          </DataTable.Col>
          <DataTable.Col source="statut" label="Statut" render={(h: Rec) => libelleStatut(h.statut)} />
        </DataTable>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);
