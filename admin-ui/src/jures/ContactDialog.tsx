import { useState } from 'react';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, TextField as MuiTextField } from '@mui/material';
import { useNotify, useRecordContext, useRefresh, useUpdate } from 'react-admin';

const CHAMPS = [
  { name: 'telephone', label: 'Téléphone' },
  { name: 'email', label: 'Courriel' },
  { name: 'adresse', label: 'Adresse' },
  { name: 'complementAdresse', label: 'Complément d’adresse' },
  { name: 'codePostal', label: 'Code postal' },
] as const;

/**
 * v1.7.1 "liste des jurys éditable avec téléphone et adresse": the UD corrects a juror's contact details
 * from the list row, without opening the whole record. The record's updatedAt goes with the change, so
 * that a concurrent edit is refused (409) rather than overwritten.
 */
export const ContactButton = () => {
  const record = useRecordContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const [update, { isPending }] = useUpdate();
  const [values, setValues] = useState<Record<string, string> | null>(null);
  if (!record) return null;

  const open = (event: React.MouseEvent) => {
    event.stopPropagation(); // the row opens the record otherwise
    setValues(Object.fromEntries(CHAMPS.map((c) => [c.name, (record[c.name] as string | null) ?? ''])));
  };
  const save = () => {
    const data: Record<string, unknown> = { updatedAt: record.updatedAt };
    for (const c of CHAMPS) if ((values?.[c.name] ?? '') !== ((record[c.name] as string | null) ?? '')) data[c.name] = values?.[c.name]?.trim() || null;
    update(
      'jures',
      { id: record.id, data, previousData: record },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          notify('Coordonnées du juré enregistrées.', { type: 'success' });
          setValues(null);
          refresh();
        },
        onError: (error) => notify((error as Error).message, { type: 'error', multiLine: true }),
      },
    );
  };

  return (
    <>
      <MuiButton size="small" onClick={open} data-action="coordonnees">
        Coordonnées
      </MuiButton>
      <Dialog open={values !== null} onClose={() => setValues(null)} onClick={(e) => e.stopPropagation()} fullWidth>
        <DialogTitle>
          Coordonnées de {String(record.prenom ?? '')} {String(record.nom ?? '').toUpperCase()}
        </DialogTitle>
        <DialogContent>
          {CHAMPS.map((c) => (
            <MuiTextField
              key={c.name}
              name={c.name}
              label={c.label}
              value={values?.[c.name] ?? ''}
              onChange={(e) => setValues({ ...(values ?? {}), [c.name]: e.target.value })}
              fullWidth
              margin="dense"
            />
          ))}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setValues(null)}>Annuler</MuiButton>
          <MuiButton variant="contained" onClick={save} disabled={isPending}>
            Enregistrer
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
