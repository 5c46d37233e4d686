/**
 * Links to the edition log filtered on one session (the session's documents tab) or one candidate (the
 * candidate's parcours): who printed what, when. Hidden when the profile cannot read the log.
 */
import { Button as MuiButton } from '@mui/material';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import { Link } from 'react-router-dom';
import { useCanAccess, useRecordContext } from 'react-admin';

function LienEditions({ filtre, children }: { filtre: 'session' | 'candidat'; children: string }) {
  const record = useRecordContext();
  const { canAccess } = useCanAccess({ resource: 'editions', action: 'list' });
  if (!record || !canAccess) return null;
  const to = `/editions?filter=${encodeURIComponent(JSON.stringify({ [filtre]: record.id }))}`;
  return (
    <MuiButton size="small" component={Link} to={to} startIcon={<ReceiptLongIcon />}>
      {children}
    </MuiButton>
  );
}

export const EditionsDeLaSession = () => <LienEditions filtre="session">Éditions de cette session (journal)</LienEditions>;

export const EditionsDuCandidat = () => <LienEditions filtre="candidat">Éditions de ce candidat (journal)</LienEditions>;
