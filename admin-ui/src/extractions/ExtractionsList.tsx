/**
 * Extractions hebdomadaires: the runs of the agent's territory (scheduled and on demand), their state —
 * a failure shows its message and its automatic retry — and their three CSV files to download.
 * "Lancer maintenant" runs the extraction of a chosen week on the agent's own territory.
 */
import { useState } from 'react';
import { Box, Button as MuiButton, Chip, Stack, TextField, Tooltip } from '@mui/material';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { DataTable, List, SelectInput, TopToolbar, useCanAccess, useCreate, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { downloadAction, FICHIERS, formatInstant, jjmmaaaa, STATUT_EXTRACTION } from './format';

type Extraction = {
  id: string;
  semaineDebut: string;
  semaineFin: string;
  perimetreLibelle: string;
  declenchement: 'PLANIFIEE' | 'DEMANDE';
  demandeur: string;
  statut: string;
  message: string | null;
  tentatives: number;
  prochaineTentative: string | null;
  createdAt: string;
  nbSessions: number | null;
  nbInscriptions: number | null;
  nbResultats: number | null;
};

function LancerMaintenant() {
  const [semaine, setSemaine] = useState('');
  const [create, { isPending }] = useCreate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { canAccess } = useCanAccess({ resource: 'extractions', action: 'create' });
  if (!canAccess) return null;
  const lancer = () =>
    create(
      'extractions',
      { data: semaine ? { semaineDebut: semaine } : {} },
      {
        onSuccess: () => {
          notify('Extraction lancée : elle apparaît dans la liste, ses fichiers seront prêts dans quelques instants.', { type: 'info' });
          refresh();
        },
        onError: (error) => notify((error as Error).message, { type: 'error' }),
      },
    );
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <TextField
        type="date"
        size="small"
        label="Semaine (un jour de la semaine)"
        helperText="Vide : la dernière semaine complète"
        value={semaine}
        onChange={(event) => setSemaine(event.target.value)}
        slotProps={{ inputLabel: { shrink: true } }}
      />
      <MuiButton variant="contained" startIcon={<PlayArrowIcon />} onClick={lancer} disabled={isPending}>
        Lancer maintenant
      </MuiButton>
    </Stack>
  );
}

function Fichiers() {
  const record = useRecordContext<Extraction>();
  const notify = useNotify();
  const { canAccess } = useCanAccess({ resource: 'extractions', action: 'telecharger', record });
  if (!record || record.statut !== 'TERMINEE' || !canAccess) return null;
  const counts: Record<string, number | null> = { sessions: record.nbSessions, inscriptions: record.nbInscriptions, resultats: record.nbResultats };
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {FICHIERS.map((fichier) => (
        <MuiButton
          key={fichier.id}
          size="small"
          variant="outlined"
          onClick={(event) => {
            event.stopPropagation();
            downloadAction('extractions', record.id, 'telecharger', { fichier: fichier.id }, `${fichier.id}.csv`).catch((error: Error) => notify(error.message, { type: 'error' }));
          }}
        >
          {fichier.label} ({counts[fichier.id] ?? 0})
        </MuiButton>
      ))}
    </Stack>
  );
}

function Statut() {
  const record = useRecordContext<Extraction>();
  if (!record) return null;
  const statut = STATUT_EXTRACTION[record.statut] ?? { label: record.statut, color: 'default' as const };
  const chip = <Chip size="small" label={statut.label} color={statut.color} />;
  if (record.statut !== 'ECHEC') return chip;
  return (
    <Box>
      <Tooltip title={record.message ?? ''}>{chip}</Tooltip>
      <Box sx={{ fontSize: 12, color: 'error.main', maxWidth: 360 }}>{record.message}</Box>
      {record.prochaineTentative && <Box sx={{ fontSize: 12 }}>Nouvelle tentative : {formatInstant(record.prochaineTentative)}</Box>}
    </Box>
  );
}

const filters = [
  <SelectInput
    key="statut"
    source="statut"
    label="Statut"
    choices={Object.entries(STATUT_EXTRACTION).map(([id, { label }]) => ({ id, name: label }))}
    alwaysOn
  />,
  <SelectInput
    key="declenchement"
    source="declenchement"
    label="Déclenchement"
    choices={[
      { id: 'PLANIFIEE', name: 'Planifiée (hebdomadaire)' },
      { id: 'DEMANDE', name: 'À la demande' },
    ]}
    alwaysOn
  />,
];

export const ExtractionsList = () => (
  <List
    title="Extractions hebdomadaires"
    filters={filters}
    actions={
      <TopToolbar>
        <LancerMaintenant />
      </TopToolbar>
    }
    sort={{ field: 'createdAt', order: 'DESC' }}
    perPage={25}
    // the toolbar ("Lancer maintenant") must show even before the first run
    empty={false}
    // runs in progress finish on the server: keep the list up to date
    queryOptions={{ refetchInterval: 5000 }}
  >
    <DataTable bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="semaineDebut" label="Semaine" render={(e: Extraction) => `du ${jjmmaaaa(e.semaineDebut)} au ${jjmmaaaa(e.semaineFin)}`} />
      <DataTable.Col source="perimetreLibelle" label="Périmètre" disableSort />
      <DataTable.Col source="declenchement" label="Déclenchement" disableSort render={(e: Extraction) => (e.declenchement === 'PLANIFIEE' ? 'Planifiée' : `Demandée par ${e.demandeur}`)} />
      <DataTable.Col source="createdAt" label="Lancée le" render={(e: Extraction) => formatInstant(e.createdAt)} />
      <DataTable.Col source="statut" label="Statut">
        <Statut />
      </DataTable.Col>
      <DataTable.Col source="tentatives" label="Tentatives" disableSort />
      <DataTable.Col label="Fichiers CSV" disableSort>
        <Fichiers />
      </DataTable.Col>
    </DataTable>
  </List>
);
