"""Members contribute evaluations, implementation reports and programmes to the catalogue."""
