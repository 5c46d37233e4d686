import type { ReactNode } from 'react';
import { Layout as RaLayout, AppBar, TitlePortal } from 'react-admin';
import { Typography } from '@mui/material';

const CeresAppBar = () => (
  <AppBar>
    <TitlePortal />
    <Typography variant="subtitle2" sx={{ mr: 2, opacity: 0.8 }}>
      CERES — Certifications Emplois
    </Typography>
  </AppBar>
);

export const Layout = ({ children }: { children: ReactNode }) => <RaLayout appBar={CeresAppBar}>{children}</RaLayout>;
