import LibraryBooksIcon from '@mui/icons-material/LibraryBooks';
import { LotsList } from './LotsList';

// list only: a lot is launched from the list ("Lancer le lot"), never edited
export default {
  list: LotsList,
  icon: LibraryBooksIcon,
  options: { label: "Lots d'édition" },
};
