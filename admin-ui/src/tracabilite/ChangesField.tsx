import { Box, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatValue } from './format';

type Changes = Record<string, { before: unknown; after: unknown }>;

/** The changed fields of one trace: « Champ : avant → après », field names in the resource's words. */
export const ChangesField = ({ resource }: { resource?: string }) => {
  const trace = useRecordContext<{ id: string; resource: string; changes?: Changes }>();
  const translate = useTranslate();
  if (!trace) return null;
  const entries = Object.entries(trace.changes ?? {});
  if (!entries.length) return <Typography variant="body2" color="text.secondary">Aucun champ modifié</Typography>;
  const of = resource ?? trace.resource;
  return (
    <Box component="ul" sx={{ m: 0, pl: 2 }}>
      {entries.map(([field, { before, after }]) => (
        <Typography component="li" variant="body2" key={field} sx={{ wordBreak: 'break-word' }}>
          <strong>{translate(`resources.${of}.fields.${field}`, { _: field })}</strong> : {formatValue(before)} → {formatValue(after)}
        </Typography>
      ))}
    </Box>
  );
};
