/**
 * Lots d'édition: all parchemins (and/or livrets, CCS certificates) of the sessions of a région whose results
 * were validated in a period, printed by the server in the background as ONE PDF. The agent launches a lot,
 * follows its progress bar (the list polls while a lot is waiting or running), then downloads the PDF.
 * A DREETS launches for its région, Nouvelle-Calédonie for 988, the national administrator for any.
 */
import { useEffect, useMemo, useState } from 'react';
import { Box, Button as MuiButton, Checkbox, Chip, FormControlLabel, LinearProgress, MenuItem, Stack, TextField, Typography } from '@mui/material';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { DataTable, List, SelectInput, TopToolbar, useCanAccess, useCreate, useGetList, useListContext, useNotify, usePermissions, useRecordContext, useRefresh } from 'react-admin';
import { downloadAction, formatInstant, jjmmaaaa } from '../extractions/format';

export type Lot = {
  id: string;
  region: string;
  regionLibelle: string | null;
  du: string;
  au: string;
  documents: string[];
  demandeur: string;
  statut: 'EN_ATTENTE' | 'EN_COURS' | 'TERMINE' | 'ECHEC';
  total: number;
  fait: number;
  nbSessions: number;
  pages: number | null;
  erreurs: { session?: string; objet?: string; message: string }[] | null;
  message: string | null;
  createdAt: string;
};

export const DOCUMENTS_LOT = [
  { id: 'parchemin', label: 'Parchemins' },
  { id: 'livret', label: 'Livrets de certification' },
  { id: 'certificat-ccs', label: 'Certificats CCS' },
];

export const STATUT_LOT: Record<string, { label: string; color: 'default' | 'info' | 'success' | 'error' }> = {
  EN_ATTENTE: { label: 'En attente', color: 'default' },
  EN_COURS: { label: 'En cours', color: 'info' },
  TERMINE: { label: 'Terminé', color: 'success' },
  ECHEC: { label: 'Échec', color: 'error' },
};

const NOUVELLE_CALEDONIE = { id: '988', nom: 'Nouvelle-Calédonie' };

function LancerLot() {
  const { permissions } = usePermissions<{ territory?: { kind: string; codes?: string[] } }>();
  const { data: regions } = useGetList<{ id: string; code: string; nom: string }>('regions', { pagination: { page: 1, perPage: 100 }, sort: { field: 'code', order: 'ASC' } });
  const choices = useMemo(() => {
    const territory = permissions?.territory;
    const all = [...(regions ?? []).map((r) => ({ id: r.code, nom: r.nom })), NOUVELLE_CALEDONIE];
    if (territory?.kind === 'regions') return all.filter((r) => territory.codes?.includes(r.id));
    if (territory?.kind === 'departements') return territory.codes?.includes('988') ? [NOUVELLE_CALEDONIE] : [];
    return all;
  }, [permissions, regions]);
  const [region, setRegion] = useState('');
  const [du, setDu] = useState('');
  const [au, setAu] = useState('');
  const [documents, setDocuments] = useState<string[]>(['parchemin', 'livret', 'certificat-ccs']);
  const [create, { isPending }] = useCreate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { canAccess } = useCanAccess({ resource: 'lots-edition', action: 'create' });
  if (!canAccess) return null;
  const choisie = region || (choices.length === 1 ? choices[0].id : '');
  const lancer = () =>
    create(
      'lots-edition',
      { data: { region: choisie, du, au, documents } },
      {
        onSuccess: () => {
          notify('Lot lancé : sa progression s’affiche dans la liste, son PDF sera téléchargeable à la fin.', { type: 'info' });
          refresh();
        },
        onError: (error) => notify((error as Error).message, { type: 'error' }),
      },
    );
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      <TextField select size="small" label="Région" value={choisie} onChange={(e) => setRegion(e.target.value)} sx={{ minWidth: 220 }}>
        {choices.map((r) => (
          <MenuItem key={r.id} value={r.id}>
            {r.id} {r.nom}
          </MenuItem>
        ))}
      </TextField>
      <TextField type="date" size="small" label="Résultats validés du" value={du} onChange={(e) => setDu(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
      <TextField type="date" size="small" label="au" value={au} onChange={(e) => setAu(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
      {DOCUMENTS_LOT.map((d) => (
        <FormControlLabel
          key={d.id}
          label={d.label}
          control={<Checkbox size="small" checked={documents.includes(d.id)} onChange={(e) => setDocuments(e.target.checked ? [...documents, d.id] : documents.filter((x) => x !== d.id))} />}
        />
      ))}
      <MuiButton variant="contained" startIcon={<PlayArrowIcon />} onClick={lancer} disabled={isPending || !choisie || !du || !au}>
        Lancer le lot
      </MuiButton>
    </Stack>
  );
}

/** The progress bar: documents printed over documents planned. */
export function Progression() {
  const lot = useRecordContext<Lot>();
  if (!lot) return null;
  const statut = STATUT_LOT[lot.statut] ?? { label: lot.statut, color: 'default' as const };
  const value = lot.total ? Math.round((100 * lot.fait) / lot.total) : lot.statut === 'TERMINE' ? 100 : 0;
  return (
    <Box sx={{ minWidth: 220 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Chip size="small" label={statut.label} color={statut.color} />
        <Typography variant="caption" data-testid="progression">
          {lot.fait} / {lot.total} document(s)
        </Typography>
      </Stack>
      <LinearProgress variant={lot.statut === 'EN_ATTENTE' ? 'indeterminate' : 'determinate'} value={value} sx={{ mt: 0.5 }} aria-label={`Progression du lot : ${value} %`} />
      {lot.message && <Box sx={{ fontSize: 12, color: lot.statut === 'ECHEC' ? 'error.main' : 'text.secondary', maxWidth: 360 }}>{lot.message}</Box>}
      {(lot.erreurs ?? []).slice(0, 5).map((e, i) => (
        <Box key={i} sx={{ fontSize: 12, color: 'error.main', maxWidth: 360 }}>
          {e.session ? `Session ${e.session} : ` : ''}
          {e.message}
        </Box>
      ))}
    </Box>
  );
}

function Telecharger() {
  const lot = useRecordContext<Lot>();
  const notify = useNotify();
  const { canAccess } = useCanAccess({ resource: 'lots-edition', action: 'telecharger', record: lot });
  if (!lot || lot.statut !== 'TERMINE' || !lot.pages || !canAccess) return null;
  return (
    <MuiButton
      size="small"
      variant="outlined"
      onClick={(event) => {
        event.stopPropagation();
        downloadAction('lots-edition', lot.id, 'telecharger', {}, `lot-${lot.region}.pdf`).catch((error: Error) => notify(error.message, { type: 'error' }));
      }}
    >
      Télécharger le PDF ({lot.pages} p.)
    </MuiButton>
  );
}

/** Polls every 2 s while a lot is waiting or running, then stops. */
function LotsTable() {
  const { data } = useListContext<Lot>();
  const running = (data ?? []).some((lot) => lot.statut === 'EN_ATTENTE' || lot.statut === 'EN_COURS');
  const refresh = useRefresh();
  usePolling(running, refresh);
  return (
    <DataTable bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="createdAt" label="Lancé le" render={(l: Lot) => formatInstant(l.createdAt)} />
      <DataTable.Col source="region" label="Région" render={(l: Lot) => `${l.region} ${l.regionLibelle ?? ''}`} />
      <DataTable.Col source="du" label="Résultats validés" render={(l: Lot) => `du ${jjmmaaaa(l.du)} au ${jjmmaaaa(l.au)}`} />
      <DataTable.Col label="Documents" disableSort render={(l: Lot) => (l.documents ?? []).map((d) => DOCUMENTS_LOT.find((x) => x.id === d)?.label ?? d).join(', ')} />
      <DataTable.Col label="Demandé par" disableSort render={(l: Lot) => l.demandeur} />
      <DataTable.Col source="statut" label="Progression">
        <Progression />
      </DataTable.Col>
      <DataTable.Col label="PDF" disableSort>
        <Telecharger />
      </DataTable.Col>
    </DataTable>
  );
}

function usePolling(active: boolean, refresh: () => void) {
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(refresh, 2000);
    return () => clearInterval(timer);
  }, [active, refresh]);
}

const filters = [<SelectInput key="statut" source="statut" label="Statut" choices={Object.entries(STATUT_LOT).map(([id, { label }]) => ({ id, name: label }))} alwaysOn />];

export const LotsList = () => (
  <List
    title="Lots d'édition"
    filters={filters}
    actions={
      <TopToolbar>
        <LancerLot />
      </TopToolbar>
    }
    sort={{ field: 'createdAt', order: 'DESC' }}
    perPage={25}
    empty={false}
  >
    <LotsTable />
  </List>
);
