import HistoryIcon from '@mui/icons-material/History';
import { TracesList } from './TracesList';
import { TraceShow } from './TraceShow';

// read-only: no edit, no create
export default {
  list: TracesList,
  show: TraceShow,
  icon: HistoryIcon,
};
