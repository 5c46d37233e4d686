/** Link from a session's documents tab to the edition log filtered on that session (who printed what, when). */
import { Button as MuiButton } from '@mui/material';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import { Link } from 'react-router-dom';
import { useCanAccess, useRecordContext } from 'react-admin';

export function EditionsDeLaSession() {
  const record = useRecordContext();
  const { canAccess } = useCanAccess({ resource: 'editions', action: 'list' });
  if (!record || !canAccess) return null;
  const to = `/editions?filter=${encodeURIComponent(JSON.stringify({ session: record.id }))}`;
  return (
    <MuiButton size="small" component={Link} to={to} startIcon={<ReceiptLongIcon />}>
      Éditions de cette session (journal)
    </MuiButton>
  );
}
