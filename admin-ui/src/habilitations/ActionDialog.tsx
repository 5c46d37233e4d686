import { useState } from 'react';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField as MuiTextField } from '@mui/material';
import { useNotify, useRedirect, useRefresh } from 'react-admin';
import { API_URL, httpClient } from '../providers/httpClient';

export interface Champ {
  name: string;
  label: string;
  type?: 'text' | 'date';
  required?: boolean;
}

/**
 * A button opening a dialog that posts a workflow action (POST /api/ra/<resource>/<id>/<action>) and
 * shows the server's French answer. Used for the habilitation actions and for granting one.
 */
export const ActionDialogButton = ({
  resource,
  id,
  action,
  label,
  titre,
  explication,
  champs,
  extra,
  variant = 'outlined',
  redirectTo,
}: {
  resource: string;
  id: string;
  action: string;
  label: string;
  titre: string;
  explication?: string;
  champs: Champ[];
  /** fields set by the caller (e.g. the chosen title) */
  extra?: Record<string, unknown>;
  variant?: 'outlined' | 'contained';
  /** where to go with the record answered (e.g. the new habilitation) */
  redirectTo?: (answer: { id: string }) => string;
}) => {
  const notify = useNotify();
  const refresh = useRefresh();
  const redirect = useRedirect();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const missing = champs.some((c) => c.required && !values[c.name]?.trim());

  const submit = async () => {
    setPending(true);
    try {
      const body: Record<string, unknown> = { ...(extra ?? {}) };
      for (const c of champs) if (values[c.name]?.trim()) body[c.name] = values[c.name].trim();
      const { json } = await httpClient(`${API_URL}/${resource}/${id}/${action}`, { method: 'POST', body: JSON.stringify(body) });
      notify(`${label} : c’est fait.`, { type: 'success' });
      setOpen(false);
      setValues({});
      if (redirectTo && json?.id) redirect(redirectTo(json as { id: string }));
      else refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error', multiLine: true, autoHideDuration: 15000 });
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <MuiButton size="small" variant={variant} onClick={() => setOpen(true)} disabled={pending} data-action={action}>
        {label}
      </MuiButton>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth>
        <DialogTitle>{titre}</DialogTitle>
        <DialogContent>
          {explication ? <DialogContentText sx={{ mb: 1 }}>{explication}</DialogContentText> : null}
          {champs.map((c) => (
            <MuiTextField
              key={c.name}
              name={c.name}
              label={`${c.label}${c.required ? ' (obligatoire)' : ''}`}
              type={c.type === 'date' ? 'date' : 'text'}
              value={values[c.name] ?? ''}
              onChange={(e) => setValues({ ...values, [c.name]: e.target.value })}
              multiline={c.type !== 'date'}
              minRows={c.type === 'date' ? undefined : 2}
              fullWidth
              margin="dense"
              slotProps={c.type === 'date' ? { inputLabel: { shrink: true } } : undefined}
            />
          ))}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>Annuler</MuiButton>
          <MuiButton variant="contained" onClick={submit} disabled={pending || missing}>
            Confirmer
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
