import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import { EditionsList } from './EditionsList';

// read-only log: list only
export default {
  list: EditionsList,
  icon: ReceiptLongIcon,
  options: { label: 'Éditions' },
};
