"""The street's own organisation as data: grids (GeoJSON), units, staff and categories (CSV or
XLSX from the templates in ``resources/templates``), read, checked, diffed against the tables,
written as one ``ORG_CHANGE`` log row that keeps the old values (so ``history.org_at`` shows the
organisation as it was), and exported in the same formats."""
