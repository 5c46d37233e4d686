import PlaceIcon from '@mui/icons-material/Place';
import { SiteList } from './SiteList';
import { SiteShow } from './SiteShow';
import { SiteCreate, SiteEdit } from './SiteEdit';

export default {
  list: SiteList,
  show: SiteShow,
  edit: SiteEdit,
  create: SiteCreate,
  icon: PlaceIcon,
  recordRepresentation: 'nom',
};
