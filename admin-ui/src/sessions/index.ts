import EventIcon from '@mui/icons-material/Event';
import { SessionList } from './SessionList';
import { SessionShow } from './SessionShow';
import { SessionCreate, SessionEdit } from './SessionEdit';

export default {
  list: SessionList,
  show: SessionShow,
  edit: SessionEdit,
  create: SessionCreate,
  icon: EventIcon,
  recordRepresentation: (record: { numero?: string }) => `Session ${record.numero ?? ''}`,
};
